import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('csv', () => {
  it('quotes per RFC 4180 only where needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('Très bien 😀')).toBe('Très bien 😀');
  });

  it('turns cells a spreadsheet would run as formulas into text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers and booleans as they are', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(5)).toBe('5');
    expect(csvCell(true)).toBe('true');
  });

  it('quotes and guards exactly as the two separate tests did', () => {
    const before = (value: string | number | boolean | null | undefined) => {
      if (value === null || value === undefined) return '';
      let text = String(value);
      if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const parts = ['', 'a', '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'é', '😀', '1'];
    for (const a of parts) for (const b of parts) for (const c of parts) expect(csvCell(a + b + c)).toBe(before(a + b + c));
    for (const v of [0, -1, 2.5, -0.5, true, false, null, undefined]) expect(csvCell(v)).toBe(before(v));
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
