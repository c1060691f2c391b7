import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { monthsLocale } from './dashboard-words.js';
import { daysCovered, monthLabel } from './month-labels.js';

const en = translator('en');

describe('month labels', () => {
  it('name a whole month, and the days of a part month', () => {
    const whole = { month: '2026-03', from: '2026-03-01', to: '2026-03-31', days: 31, partial: false };
    expect(monthLabel(whole)).toBe('Mar 2026');
    expect(daysCovered(whole, en)).toBe('all 31 days');
    const start = { month: '2026-03', from: '2026-03-01', to: '2026-03-14', days: 14, partial: true };
    expect(monthLabel(start)).toBe('1–14 Mar 2026');
    expect(daysCovered(start, en)).toBe('14 of 31 days');
    const oneDay = { month: '2028-02', from: '2028-02-29', to: '2028-02-29', days: 1, partial: true };
    expect(monthLabel(oneDay)).toBe('29 Feb 2028');
    expect(daysCovered(oneDay, en)).toBe('1 of 29 days');
  });

  it('in the reader’s language and locale: German month names and a German count of days', () => {
    const start = { month: '2026-03', from: '2026-03-01', to: '2026-03-14', days: 14, partial: true };
    expect(monthLabel(start, 'de-CH')).toBe('1–14 März 2026');
    expect(daysCovered(start, translator('de'))).toBe('14 von 31 Tagen');
    expect(daysCovered({ ...start, to: '2026-03-31', days: 31, partial: false }, translator('fr'))).toBe(
      'les 31 jours',
    );
  });
});

describe('the months’ locale', () => {
  it('is the reader’s locale when it speaks the reader’s language, else the language in its country', () => {
    expect(monthsLocale('de', 'de-CH')).toBe('de-CH');
    expect(monthsLocale('en', 'de-CH')).toBe('en-CH');
    expect(
      monthLabel({ month: '2026-12', from: '2026-12-01', to: '2026-12-31', days: 31, partial: false }, 'en-CH'),
    ).toBe('Dec 2026');
  });
});
