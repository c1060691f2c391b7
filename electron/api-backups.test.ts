import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStore } from '../db/testing/fixtures.js';
import { TEST_PIN } from '../db/testing/signer.js';
import { createApi } from './api.js';

/* Settings → Backups through the one contract: the folder only ever from the main process's folder dialog. */
describe('the backups API', () => {
  const setup = async (chosen: string | null) => {
    const { store, operatorId } = tempStore();
    const api = createApi(store, { actor: () => 'api-test', chooseBackupFolder: async () => chosen });
    // The schedule is an administrator's: their PIN opens the console and the changes.
    await api.session.administer({ operatorId, pin: TEST_PIN });
    return { store, api };
  };

  it('a folder sent by the window is refused; one chosen in the dialog is kept, audited, and backed up into', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rootlog-api-backups-'));
    const { store, api } = await setup(folder);
    expect(await api.backups.saveSchedule({ timeOfDay: '03:00', keep: 5, folder: '/etc' } as never)).toMatchObject({
      error: { code: 'validation', problems: [{ field: 'folder' }] },
    });
    expect(await api.backups.status()).toMatchObject({ state: 'not-set-up', schedule: { folder: null } });
    expect(await api.backups.chooseFolder()).toMatchObject({ schedule: { folder, timeOfDay: '02:00', keep: 14 } });
    expect(await api.backups.saveSchedule({ timeOfDay: '03:00', keep: 5 })).toMatchObject({
      schedule: { folder, timeOfDay: '03:00', keep: 5 },
    });
    const after = await api.backups.runNow();
    expect(after).toMatchObject({ state: 'ok', lastSuccess: { by: 'app', procedures: 0 }, lastFailure: null });
    expect(readdirSync(folder)).toHaveLength(1);
    const audited = store.reader
      .prepare("SELECT changes FROM audit_log WHERE entity = 'settings' AND entity_id = 'backups' ORDER BY seq")
      .pluck()
      .all() as string[];
    expect(audited.map((changes) => Object.keys(JSON.parse(changes)).sort())).toEqual([
      ['folder'],
      ['keep', 'timeOfDay'],
    ]);
    // No automatic backups any more: the folder is forgotten, the window can ask for that.
    expect(await api.backups.saveSchedule({ timeOfDay: '03:00', keep: 5, folder: null })).toMatchObject({
      state: 'not-set-up',
      schedule: { folder: null },
    });
  });

  it('a cancelled folder dialog changes nothing', async () => {
    const { api } = await setup(null);
    expect(await api.backups.chooseFolder()).toEqual({ cancelled: true });
    expect(await api.backups.status()).toMatchObject({ schedule: { folder: null } });
    expect(await api.backups.runNow()).toMatchObject({ error: { field: 'folder' } });
  });
});
