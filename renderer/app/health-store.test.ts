import { afterEach, expect, it, vi } from 'vitest';
import { fakeWindow } from '../testing/fake-window.js';
import { HEALTH_POLL_MS, useDatabaseHealth } from './health-store.js';

afterEach(() => vi.useRealTimers());

it('asks until the page check has an answer, then stops', async () => {
  vi.useFakeTimers();
  const answers = [
    { state: 'checking', problems: [], lastCleanCheck: null },
    {
      state: 'damaged',
      problems: ['*** in database main *** Page 7: btreeInitPage() returns error code 11'],
      lastCleanCheck: null,
    },
  ];
  const { calls } = fakeWindow({ 'database.health': () => answers.shift() });
  useDatabaseHealth.getState().watch();
  await vi.advanceTimersByTimeAsync(0);
  expect(useDatabaseHealth.getState().health?.state).toBe('checking');
  await vi.advanceTimersByTimeAsync(HEALTH_POLL_MS);
  expect(useDatabaseHealth.getState().health?.state).toBe('damaged');
  await vi.advanceTimersByTimeAsync(HEALTH_POLL_MS * 3);
  expect(calls).toHaveLength(2);
});
