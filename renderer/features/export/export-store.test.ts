import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportJobStatus } from '../../../electron/shared/api-contract.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { POLL_MS, useExport } from './export-store.js';

const job = (patch: Partial<ExportJobStatus>): ExportJobStatus => ({
  id: '0a5b6f5e-5b5a-4b4c-9d3d-2f1e0c9b8a77',
  state: 'running',
  done: 0,
  total: 10,
  result: null,
  error: null,
  ...patch,
});

describe('the export store', () => {
  afterEach(() => {
    useExport.getState().stopFollowing();
    useExport.setState({ job: null, problem: null });
    vi.useRealTimers();
  });

  it('starts a job without a file path and follows it until it is done', async () => {
    vi.useFakeTimers();
    const statuses = [job({ done: 5 }), job({ state: 'done', done: 10 })];
    const { calls } = fakeWindow({
      'exports.start': () => job({}),
      'exports.status': () => statuses.shift(),
    });
    await useExport.getState().start({ format: 'csv', pseudonymize: true });
    expect(calls[0]).toEqual(['exports.start', [{ format: 'csv', pseudonymize: true }]]);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(useExport.getState().job?.done).toBe(5);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(useExport.getState().job?.state).toBe('done');
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(calls.filter(([method]) => method === 'exports.status')).toHaveLength(2);
  });

  it('says why an export was refused, and does nothing when the dialog was cancelled', async () => {
    fakeWindow({
      'exports.start': () => ({ error: { code: 'validation', message: 'From must not start after it ends' } }),
    });
    await useExport.getState().start({ format: 'csv', from: '2026-02-01', to: '2026-01-01' });
    expect(useExport.getState().problem).toEqual({ message: 'From must not start after it ends' });
    fakeWindow({ 'exports.start': () => ({ cancelled: true }) });
    await useExport.getState().start({ format: 'json' });
    expect(useExport.getState()).toMatchObject({ job: null, problem: null });
  });

  it('cancels the running job', async () => {
    vi.useFakeTimers();
    const { calls } = fakeWindow({
      'exports.start': () => job({}),
      'exports.cancel': () => job({ state: 'cancelled' }),
      'exports.status': () => job({ state: 'cancelled' }),
    });
    await useExport.getState().start({ format: 'xlsx' });
    await useExport.getState().cancel();
    expect(useExport.getState().job?.state).toBe('cancelled');
    expect(calls.map(([method]) => method)).toContain('exports.cancel');
  });
});
