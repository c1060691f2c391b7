import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../db/i18n/translator.js';
import { dateOrder, formatDate, inEnglish, type Language, say, sayValue, type Words } from '../../db/model/index.js';
import {
  dateInWords,
  datePattern,
  dateTimeInWords,
  dateTimePattern,
  type Read,
  readDate,
  readDateTime,
  readTime,
  timePattern,
} from './date-entry.js';

/** What a text still needs, in English (its words said as the command line would). */
const needs = (read: Read<string>): string | null => (read.kind === 'not-yet' ? inEnglish(read.words as Words) : null);

/*
 * Dates typed in the department's order whatever the operating system's: the Swiss 12031958 is
 * 12 March 1958 (a mm/dd/yyyy native control stored 1958-12-03), and what is not a date yet
 * says what it still needs instead of becoming one.
 */

describe('the order of a date', () => {
  it('follows the locale: day first in Switzerland and Germany, month first in the US', () => {
    expect(dateOrder('de-CH')).toEqual({ parts: ['day', 'month', 'year'], separator: '.', pattern: 'dd.mm.yyyy' });
    expect(dateOrder('de-DE').pattern).toBe('dd.mm.yyyy');
    expect(dateOrder('en-US').parts).toEqual(['month', 'day', 'year']);
  });
});

describe('what to type, in the reader’s letters', () => {
  const said = (pattern: Parameters<typeof sayValue>[0], language: Language) =>
    sayValue(pattern, translator(language), language);

  it('says the department’s order with each part as clinicians write it in the language', () => {
    expect(said(datePattern('de-CH'), 'de')).toBe('TT.MM.JJJJ');
    expect(said(datePattern('fr-CH'), 'fr')).toBe('jj.mm.aaaa');
    expect(said(datePattern('it-CH'), 'it')).toBe('gg.mm.aaaa');
    expect(said(datePattern('de-CH'), 'en')).toBe('dd.mm.yyyy');
    // The order and the separator stay the locale's, whatever the reader's letters.
    expect(said(datePattern('en-US'), 'fr')).toBe('mm/jj/aaaa');
    expect(said(datePattern('en-US'), 'en')).toBe(dateOrder('en-US').pattern);
  });

  it('says a time as hh:mm in every language, and a date and time together', () => {
    for (const language of ['de', 'fr', 'it', 'en'] as const) expect(said(timePattern, language)).toBe('hh:mm');
    expect(said(dateTimePattern('de-CH'), 'de')).toBe('TT.MM.JJJJ hh:mm');
  });

  it('says what a date still needs with the pattern in the reader’s letters', () => {
    const read = readDate('120319', 'de-CH');
    if (read.kind !== 'not-yet') throw new Error('read as a date');
    expect(say(read.words, translator('de'), 'de')).toContain('TT.MM.JJJJ');
    expect(say(read.words, translator('it'), 'it')).toContain('gg.mm.aaaa');
  });
});

describe('a typed date', () => {
  it('reads eight digits in the department’s order', () => {
    expect(readDate('12031958', 'de-CH')).toEqual({ kind: 'value', value: '1958-03-12' });
    expect(readDate('12031958', 'de-DE')).toEqual({ kind: 'value', value: '1958-03-12' });
    // Only where the department's own order is month first.
    expect(readDate('12031958', 'en-US')).toEqual({ kind: 'value', value: '1958-12-03' });
  });

  it('reads separators, short days and months, and year-first dates', () => {
    for (const typed of ['12.03.1958', '12.3.1958', '12/3/1958', ' 12-03-1958 ', '1958-03-12'])
      expect(readDate(typed, 'de-CH')).toEqual({ kind: 'value', value: '1958-03-12' });
  });

  it('says what a date still needs, and never guesses a century', () => {
    expect(readDate('', 'de-CH')).toEqual({ kind: 'empty' });
    expect(needs(readDate('120319', 'de-CH'))).toBe('is not complete: type dd.mm.yyyy');
    expect(needs(readDate('12.03.58', 'de-CH'))).toMatch(/four digits/);
    expect(needs(readDate('31.02.1958', 'de-CH'))).toBe('has no day 31: February 1958 has 28 days');
    expect(needs(readDate('12.13.1958', 'de-CH'))).toMatch(/no month 13/);
    expect(readDate('12.03.1958x', 'de-CH').kind).toBe('not-yet');
  });

  it('reads back every date it writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          for (const locale of ['de-CH', 'de-DE', 'en-US', 'fr-CH'])
            expect(readDate(formatDate(iso, locale), locale)).toEqual({ kind: 'value', value: iso });
        },
      ),
    );
  });

  it('says what it still needs as words, its month in the reader’s', () => {
    const read = readDate('31.02.1958', 'de-CH', 'de-CH');
    expect(read).toMatchObject({ kind: 'not-yet', words: { message: { id: 'form.dateEntry.noDay' } } });
    expect(read.kind === 'not-yet' && read.words.values).toEqual({ day: 31, month: 'Februar 1958', days: 28 });
  });

  it('is said back in words', () => {
    expect(dateInWords('1958-03-12')).toBe('12 March 1958');
  });
});

describe('a typed time and a typed date and time', () => {
  it('reads 24-hour times, and says what is missing', () => {
    for (const typed of ['09:30', '9:30', '0930', '9.30'])
      expect(readTime(typed)).toEqual({ kind: 'value', value: '09:30' });
    expect(needs(readTime('09:'))).toBe('is not complete: type hh:mm');
    expect(readTime('25:00')).toMatchObject({ kind: 'not-yet' });
  });

  it('reads twelve digits or the date and the time apart, and never a half-typed one', () => {
    for (const typed of ['14.03.2026 09:30', '140320260930', '14.3.2026 9:30', '2026-03-14T09:30'])
      expect(readDateTime(typed, 'de-CH')).toEqual({ kind: 'value', value: '2026-03-14T09:30' });
    expect(needs(readDateTime('14.03.2026', 'de-CH'))).toBe('needs the time: type dd.mm.yyyy hh:mm');
    expect(needs(readDateTime('14.03.20', 'de-CH'))).toBe('needs the year with four digits: type dd.mm.yyyy hh:mm');
    expect(readDateTime('14.03.2026 09', 'de-CH').kind).toBe('not-yet');
    expect(readDateTime('14.03.26101', 'de-CH').kind).toBe('not-yet');
    expect(dateTimeInWords('2026-03-14T09:30')).toMatch(/^Saturday,? 14 March 2026, 09:30$/);
  });
});
