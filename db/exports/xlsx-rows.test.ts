import { describe, expect, it } from 'vitest';
import { columnLetters, excelSerial, rowXml, xmlText } from './xlsx-rows.js';

describe('XLSX rows written directly', () => {
  it('names columns the way spreadsheets do', () => {
    const letters = columnLetters(80);
    expect([letters[0], letters[25], letters[26], letters[51], letters[52], letters[79]]).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'CB',
    ]);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('a < b & "c" \'d\' > e')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e');
    expect(xmlText('bell\u0007 and\u0000 nul')).toBe('bell and nul');
    expect(xmlText('line\nbreak\ttab')).toBe('line\nbreak\ttab');
  });

  it('writes strings, numbers and dates as exceljs does, skips empty cells, and refuses NaN', () => {
    const letters = columnLetters(4);
    const date = new Date(Date.UTC(2026, 2, 14, 9, 30));
    expect(excelSerial(date)).toBeCloseTo(46095.395833, 5);
    expect(rowXml(7, ['x<y', 2.5, null, date], letters, [0, 0, 0, 3])).toBe(
      `<row r="7"><c r="A7" t="str"><v>x&lt;y</v></c><c r="B7"><v>2.5</v></c><c r="D7" s="3"><v>${excelSerial(date)}</v></c></row>`,
    );
    expect(() => rowXml(2, [Number.NaN], letters, [0])).toThrow(/finite/);
    expect(() => rowXml(2, [new Date(Number.NaN)], letters, [1])).toThrow(/finite/);
  });
});
