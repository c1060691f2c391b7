import { describe, expect, it } from 'vitest';
import { fakeWindow } from '../../testing/fake-window.js';
import { useHub } from './hub-store.js';

/*
 * The hub's state as the window sees it, against a fake main process: "Sync now" shows the
 * sync running at once and then its outcome; a refusal is said in the main process's words;
 * a console without hub sync shows nothing rather than an error.
 */

describe('the hub store', () => {
  it('shows the sync running, then what it did', async () => {
    const seen: unknown[] = [];
    const unsubscribe = useHub.subscribe((state) => seen.push(state.status?.running));
    fakeWindow({
      'hub.status': () => ({ state: 'idle', running: false }),
      'hub.syncNow': () => ({ state: 'synced', running: false, pushed: 3 }),
    });
    await useHub.getState().syncNow();
    unsubscribe();
    expect(seen).toEqual([true, false]);
    expect(useHub.getState()).toMatchObject({ status: { state: 'synced', pushed: 3 }, message: null });
  });

  it('says why a password could not be kept', async () => {
    fakeWindow({
      'hub.setPassword': () => ({
        error: { code: 'validation', message: 'No keychain: the password is kept for this session only.' },
      }),
    });
    expect(await useHub.getState().setPassword('secret')).toBe(false);
    expect(useHub.getState().message).toBe('No keychain: the password is kept for this session only.');
  });

  it('shows nothing, not an error, when this console has no hub sync', async () => {
    useHub.setState({ status: null, message: null });
    fakeWindow({ 'hub.status': () => ({ error: { code: 'internal', message: 'no hub' } }) });
    await useHub.getState().refresh();
    expect(useHub.getState()).toMatchObject({ status: null, message: null });
  });
});
