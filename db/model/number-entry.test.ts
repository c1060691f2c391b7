import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './locale-format.js';
import { DEPARTMENT_LOCALE_TAGS } from './locales.js';
import { numberForEntry, numberOrNaN, readNumber } from './number-entry.js';

const value = (text: string, locale = 'de-CH') => readNumber(text, locale);

describe('a number as typed at the console', () => {
  it('148,5 and 148.5 are both 148.5, in every locale', () => {
    for (const locale of DEPARTMENT_LOCALE_TAGS) {
      expect(value('148,5', locale)).toEqual({ kind: 'value', value: 148.5 });
      expect(value('148.5', locale)).toEqual({ kind: 'value', value: 148.5 });
      expect(value(' 12, ', locale)).toEqual({ kind: 'value', value: 12 });
      expect(value(',5', locale)).toEqual({ kind: 'value', value: 0.5 });
    }
  });

  it("1'480 and 1 480 are 1480, never 1.48; a misplaced thousands separator is refused", () => {
    expect(value("1'480")).toEqual({ kind: 'value', value: 1480 });
    expect(value('1’480')).toEqual({ kind: 'value', value: 1480 });
    expect(value('1\u202f480', 'fr-CH')).toEqual({ kind: 'value', value: 1480 });
    expect(value("12'480'000")).toEqual({ kind: 'value', value: 12480000 });
    expect(value("1'480.5")).toEqual({ kind: 'value', value: 1480.5 });
    expect(value("1'480,500", 'de-DE')).toEqual({ kind: 'value', value: 1480.5 });
    const misplaced = value("1'48");
    expect(misplaced.kind).toBe('unclear');
    expect(misplaced).toMatchObject({ message: expect.stringContaining('between groups of three digits') });
    expect(value("1480'").kind).toBe('unclear');
    expect(value("1'480.5'0").kind).toBe('not-a-number');
  });

  it('1.480 and 1,480 are refused as unclear, naming both readings in the locale’s writing', () => {
    expect(value('1.480', 'de-CH')).toMatchObject({
      kind: 'unclear',
      message: 'is not clear: 1.480 could be 1480 or 1.48: type 1480 without a separator or 1.48',
    });
    expect(value('1,480', 'de-DE')).toMatchObject({
      kind: 'unclear',
      message: 'is not clear: 1,480 could be 1480 or 1,48: type 1480 without a separator or 1,48',
    });
    expect(value('1.234', 'en-GB')).toMatchObject({
      kind: 'unclear',
      message: 'is not clear: 1.234 could be 1234 or 1.234: type 1234 without a separator, or 1.2340 for 1.234',
    });
    expect(value('148.500').kind).toBe('unclear');
    expect(value('-1,480').kind).toBe('unclear');
    // What is meant can always be typed: the thousands, the decimals, or three decimals with a zero.
    expect(value('1480')).toEqual({ kind: 'value', value: 1480 });
    expect(value('1.2340')).toEqual({ kind: 'value', value: 1.234 });
  });

  it('a leading zero, two or four decimals, or four digits before the mark are clear', () => {
    expect(value('0.125')).toEqual({ kind: 'value', value: 0.125 });
    expect(value('0,480')).toEqual({ kind: 'value', value: 0.48 });
    expect(value('1480.125')).toEqual({ kind: 'value', value: 1480.125 });
    expect(value('1.48')).toEqual({ kind: 'value', value: 1.48 });
    expect(value('-2,5')).toEqual({ kind: 'value', value: -2.5 });
  });

  it('more than one decimal mark is refused, not guessed', () => {
    for (const typed of ['1.480,5', '1,480.5', '1.480.000', '1,2,3']) {
      expect(value(typed, 'de-DE')).toMatchObject({
        kind: 'unclear',
        message: `is not clear: ${typed} has more than one "." or ",": type one decimal mark and thousands without a separator, as in 1480,5`,
      });
    }
  });

  it('what is not a number a clinician meant is none', () => {
    for (const typed of ['abc', '12 mg', '1e3', '0x10', 'Infinity', 'NaN', '.', '-', '+', '1..5x']) {
      expect(value(typed)).toEqual({ kind: 'not-a-number' });
    }
    expect(value('   ')).toEqual({ kind: 'empty' });
    expect(numberOrNaN('')).toBeUndefined();
    expect(numberOrNaN('1.480')).toBeNaN();
    expect(numberOrNaN('2,5')).toBe(2.5);
  });

  it('a stored number shown for entry reads back as the same number, in every locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEPARTMENT_LOCALE_TAGS),
        fc.oneof(
          fc.integer({ min: 0, max: 100_000 }),
          fc.double({ min: 1e-6, max: 100_000, noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
        ),
        (locale, stored) => {
          const shown = numberForEntry(stored, locale);
          expect(readNumber(shown, locale)).toEqual({ kind: 'value', value: stored });
        },
      ),
    );
    expect(numberForEntry(1.125, 'de-CH')).toBe('1.1250');
    expect(numberForEntry(148.5, 'de-DE')).toBe('148,5');
  });
});

describe('a number as the locale writes it', () => {
  it('with its decimal mark and no thousands separator', () => {
    expect(formatNumber(148.5, 'de-CH')).toBe('148.5');
    expect(formatNumber(148.5, 'de-DE')).toBe('148,5');
    expect(formatNumber(148.5, 'fr-CH')).toBe('148,5');
    expect(formatNumber(1480.25, 'de-AT')).toBe('1480,25');
    expect(formatNumber(1480.25, 'en-GB')).toBe('1480.25');
    expect(formatNumber(2.3456, 'de-DE', { maximumDecimals: 2 })).toBe('2,35');
    expect(formatNumber(12, 'de-DE', { maximumDecimals: 1, minimumDecimals: 1 })).toBe('12,0');
  });
});
