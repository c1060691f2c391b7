import { describe, expect, it } from 'vitest';
import { dateOrder, decimalMark, formatDate, formatDateTime, formatTime } from './locale-format.js';
import { DEPARTMENT_LOCALE_TAGS } from './locales.js';

/* Dates as each department's locale writes them with digits, on the 24-hour clock. */
describe('a date as the locale writes it', () => {
  it('day first with points in German, French and Italian Switzerland, Germany and Austria', () => {
    for (const locale of ['de-CH', 'de-DE', 'de-AT', 'fr-CH', 'it-CH']) {
      expect(formatDate('1958-03-12', locale)).toBe('12.03.1958');
      expect(dateOrder(locale).pattern).toBe('dd.mm.yyyy');
    }
  });

  it('as the British and the Americans write it', () => {
    expect(formatDate('1958-03-12', 'en-GB')).toBe('12/03/1958');
    expect(formatDate('1958-03-12', 'en-US')).toBe('03/12/1958');
    expect(dateOrder('en-US').pattern).toBe('mm/dd/yyyy');
  });

  it('a date and time at the wall-clock time it was recorded with, 24 hours, wherever it is read', () => {
    // +13:00 is no zone this machine is in: the time shown is the console's, not shifted.
    expect(formatDateTime('2026-03-14T21:05:00+13:00', 'de-CH')).toBe('14.03.2026 21:05');
    expect(formatDateTime('2026-03-14T09:30', 'en-GB')).toBe('14/03/2026 09:30');
    expect(formatDateTime('2026-03-14T21:05:00-05:00', 'en-US')).toBe('03/14/2026 21:05');
    expect(formatDateTime('not a date', 'de-CH')).toBe('not a date');
  });

  it('a UTC instant in the reading machine’s time', () => {
    const instant = new Date(2026, 2, 14, 9, 30);
    expect(formatDateTime(instant.toISOString(), 'de-DE')).toBe('14.03.2026 09:30');
  });

  it('every department locale has a decimal mark and a day, month and year', () => {
    for (const locale of DEPARTMENT_LOCALE_TAGS) {
      expect(['.', ',']).toContain(decimalMark(locale));
      expect([...dateOrder(locale).parts].sort()).toEqual(['day', 'month', 'year']);
    }
  });
});

describe('a time of day', () => {
  it('is the wall-clock time the timestamp carries, on the 24-hour clock, never the system’s "9:30 PM"', () => {
    expect(formatTime('2026-03-14T21:30:00+01:00')).toBe('21:30');
    expect(formatTime('2026-03-14T09:05')).toBe('09:05');
    // A UTC instant (an operator's lock) at this machine's wall-clock time.
    const instant = new Date(2026, 2, 14, 21, 30);
    expect(formatTime(instant.toISOString())).toBe('21:30');
    expect(formatTime('not a time')).toBe('not a time');
  });
});
