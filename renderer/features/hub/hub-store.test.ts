import { describe, expect, it } from 'vitest';
import { fakeWindow } from '../../testing/fake-window.js';
import { useHub } from './hub-store.js';

/*
 * The hub's state as the window sees it, against a fake main process: "Sync now" shows the
 * sync running at once and then its outcome; a refusal is said in the main process's words;
 * a console without hub sync shows nothing rather than an error; conflicts are loaded when
 * their count changes, and a resolution refused (warnings not confirmed) is said.
 */

const conflict = {
  id: '0190aaaa-0000-8000-8000-000000000001',
  recordId: '0190aaaa-0000-7000-8000-000000000002',
  patientId: 'P1',
  owner: 'CT 1',
  proposer: 'CT 2',
  proposedBy: 'Dr. B',
  proposedAt: '2026-06-01T10:00:00Z',
  reason: 're-scored',
  resolvesHere: true,
  fields: [{ field: 'painPost', here: 3, proposed: 4 }],
  warnings: [],
  resolution: null,
};

describe('the hub store', () => {
  it('shows the sync running, then what it did', async () => {
    const seen: unknown[] = [];
    const unsubscribe = useHub.subscribe((state) => seen.push(state.status?.running));
    fakeWindow({
      'hub.status': () => ({ state: 'idle', running: false }),
      'hub.syncNow': () => ({ state: 'synced', running: false, pushed: 3 }),
      'hub.conflicts': () => [],
    });
    await useHub.getState().syncNow();
    unsubscribe();
    expect(seen.filter((running) => running !== undefined)).toEqual([true, false, false]);
    expect(useHub.getState()).toMatchObject({ status: { state: 'synced', pushed: 3 }, message: null });
  });

  it('says why a password could not be kept', async () => {
    fakeWindow({
      'hub.setPassword': () => ({
        error: { code: 'validation', message: 'This computer has no keyring.' },
      }),
    });
    expect(await useHub.getState().setPassword('secret')).toBe(false);
    expect(useHub.getState().message).toEqual({ message: 'This computer has no keyring.' });
  });

  it('shows nothing, not an error, when this console has no hub sync', async () => {
    useHub.setState({ status: null, message: null });
    fakeWindow({ 'hub.status': () => ({ error: { code: 'internal', message: 'no hub' } }) });
    await useHub.getState().refresh();
    expect(useHub.getState()).toMatchObject({ status: null, message: null });
  });

  it('loads the conflicts when their count changes, and says why a resolution was refused', async () => {
    useHub.setState({ conflicts: [], message: null });
    const { calls } = fakeWindow({
      'hub.status': () => ({ running: false, openConflicts: 1 }),
      'hub.conflicts': () => [conflict],
      'hub.resolveConflict': () => ({
        error: { code: 'warnings_unconfirmed', message: 'Before signing, confirm this warning: Dose above maximum.' },
      }),
    });
    await useHub.getState().refresh();
    expect(useHub.getState().conflicts).toEqual([conflict]);
    await useHub.getState().refresh();
    expect(calls.filter(([method]) => method === 'hub.conflicts')).toHaveLength(1);
    expect(
      await useHub
        .getState()
        .resolve(conflict.id, { decision: 'took', reason: 'CT 2 is right' }, { operatorId: 'op-1', pin: '2580' }),
    ).toBe(false);
    expect(useHub.getState().message?.message).toMatch(/confirm this warning/);
    expect(useHub.getState().conflicts).toEqual([conflict]);
  });
});
