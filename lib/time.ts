/** Wire format of every timestamp: ISO 8601 UTC with milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Epoch values below 10^11 are read as seconds (DESIGN.md), larger ones as milliseconds. */
export function epochToMs(value: number): number {
  return value < 1e11 ? value * 1000 : value;
}
