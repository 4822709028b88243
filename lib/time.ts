// Two- and three-digit fields come from tables: String#padStart on every field was most of iso's
// cost, and a 100-row list page formats 300 timestamps (answers keep theirs rendered since submit).
const TWO = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * Wire format of every timestamp: ISO 8601 UTC with milliseconds, as Date#toISOString gives it.
 * Computed arithmetically (Hinnant's civil-from-days) because Next wraps the server's Date
 * constructor, which made `new Date(ms).toISOString()` a visible cost of large list pages.
 */
export function iso(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // Years outside 0000–9999 are written differently (a sign, six digits): leave them to Date.
  if (year < 0 || year > 9999) return new Date(ms).toISOString();
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${TWO[Math.floor(year / 100)]}${TWO[year % 100]}-${TWO[month]}-${TWO[day]}T${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${THREE[rest - seconds * 1000]}Z`;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Epoch values below 10^11 are read as seconds (docs/zendesk-api.md, List), larger ones as
 * milliseconds. As the end of an inclusive range, a second covers its last millisecond too.
 */
export function epochToMs(value: number, edge: 'start' | 'end' = 'start'): number {
  if (value >= 1e11) return value;
  return value * 1000 + (edge === 'end' ? 999 : 0);
}

/** Dates in the admin view: UTC, to the minute or the second (the page says they are UTC). */
export const utcMinute = (ms: number) => iso(ms).slice(0, 16).replace('T', ' ');
export const utcSecond = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');

/** A UTC calendar day `YYYY-MM-DD` ↔ its number of days since 1970-01-01. */
export const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const dayString = (day: number) => iso(day * DAY_MS).slice(0, 10);
