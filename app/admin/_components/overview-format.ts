/** Figures as the overview prints them: a percentage, or a signed whole number (NPS); "–" for none. */
export const pct = (value: number | null, digits = 0) => (value === null ? '–' : `${value.toFixed(digits)}%`);
export const signed = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : ''}${Math.round(value)}`);
