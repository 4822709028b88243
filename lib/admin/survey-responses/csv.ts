// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark so Excel
// takes the file as UTF-8, and no cell a spreadsheet would run as a formula.

export const CSV_BOM = '\uFEFF';

// A cell starting with one of these is read as a formula by Excel, LibreOffice and Google Sheets
// (OWASP "CSV injection"): a leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTED = /[",\r\n]/;
// Either of the two above: most cells need neither, and then one test decides (the export writes
// tens of millions of cells).
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers and flags as they are (a spreadsheet reads -1 as the number it is); their text needs no quotes.
  if (typeof value !== 'string') return String(value);
  if (!SPECIAL.test(value)) return value;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return QUOTED.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
