import { describe, expect, it } from 'vitest';
import { daysCovered, monthLabel } from './month-labels.js';

describe('month labels', () => {
  it('name a whole month, and the days of a part month', () => {
    const whole = { month: '2026-03', from: '2026-03-01', to: '2026-03-31', days: 31, partial: false };
    expect(monthLabel(whole)).toBe('Mar 2026');
    expect(daysCovered(whole)).toBe('all 31 days');
    const start = { month: '2026-03', from: '2026-03-01', to: '2026-03-14', days: 14, partial: true };
    expect(monthLabel(start)).toBe('1–14 Mar 2026');
    expect(daysCovered(start)).toBe('14 of 31 days');
    const oneDay = { month: '2028-02', from: '2028-02-29', to: '2028-02-29', days: 1, partial: true };
    expect(monthLabel(oneDay)).toBe('29 Feb 2028');
    expect(daysCovered(oneDay)).toBe('1 of 29 days');
  });
});
