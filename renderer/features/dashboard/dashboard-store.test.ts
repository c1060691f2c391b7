import { describe, expect, it } from 'vitest';
import { fakeWindow } from '../../testing/fake-window.js';
import { useDashboard } from './dashboard-store.js';

/*
 * The quality-review view against a fake main process: it opens on the last twelve months,
 * asks for the three parts with the same filter, and when the filter changes while an older
 * answer is on its way, shows only the newest filter's figures.
 */

describe('the dashboard store', () => {
  it('opens on the last twelve months and asks for every part with the same filter', async () => {
    const { calls } = fakeWindow({
      'stats.dashboard': () => ({ total: 1 }),
      'stats.outcomes': () => ({ overall: {} }),
      'stats.referenceComparison': () => [],
    });
    const { from, to } = useDashboard.getState().filter;
    const days = (Date.parse(to ?? '') - Date.parse(from ?? '')) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(363);
    expect(days).toBeLessThanOrEqual(365);
    await useDashboard.getState().load();
    expect(calls.map(([method, args]) => [method, args[0]])).toEqual([
      ['stats.dashboard', { from, to }],
      ['stats.outcomes', { from, to }],
      ['stats.referenceComparison', { from, to }],
    ]);
    expect(useDashboard.getState()).toMatchObject({ data: { total: 1 }, loading: false, error: null });
  });

  it('shows the newest filter’s figures when an older answer arrives last', async () => {
    const answers: ((value: unknown) => void)[] = [];
    fakeWindow({
      'stats.dashboard': ([filter]) =>
        new Promise((resolve) => answers.push(() => resolve({ total: (filter as { from: string }).from }))),
      'stats.outcomes': () => ({}),
      'stats.referenceComparison': () => [],
    });
    useDashboard.getState().setFilter({ from: '2025-01-01' });
    useDashboard.getState().setFilter({ from: '2026-01-01' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    answers[1]?.(undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    answers[0]?.(undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useDashboard.getState()).toMatchObject({ data: { total: '2026-01-01' }, loading: false });
  });

  it('says in words why the figures could not be computed', async () => {
    fakeWindow({
      'stats.dashboard': () => ({ error: { code: 'validation', message: 'From must not be after To', field: 'from' } }),
      'stats.outcomes': () => ({}),
      'stats.referenceComparison': () => [],
    });
    await useDashboard.getState().load();
    expect(useDashboard.getState()).toMatchObject({ error: 'From must not be after To', loading: false });
  });
});
