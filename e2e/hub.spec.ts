import { syncOnce } from '../db/hub/sync.js';
import { seedDatabase } from '../db/seed.js';
import { updateSettings } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { tempPath } from '../db/testing/fixtures.js';
import { createDatabase, startTestCluster, type TestCluster } from '../db/testing/postgres.js';
import { expect, test } from './fixtures.js';

/*
 * The department hub seen from the console, against a real PostgreSQL started for this file:
 * the server set in Settings, a sync, its state in words, and a record from another console.
 */

test.use({ department: 'signed-case' });

let cluster: TestCluster;
test.beforeAll(async () => {
  cluster = await startTestCluster();
});
test.afterAll(() => cluster?.stop());

test('the console syncs with the department server and shows how it went', async ({ page, expectAccessible }) => {
  const url = createDatabase(cluster, 'hub_e2e');
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Department server' });
  await panel.getByLabel('Server (empty: no hub)').fill('127.0.0.1');
  await panel.getByLabel('Port').fill(String(cluster.port));
  await panel.getByLabel('Database').fill('hub_e2e');
  await panel.getByLabel('User').fill('postgres');
  await panel.getByLabel('Password (kept by this computer)').fill('not-needed-here');
  await panel.getByRole('button', { name: 'Save server' }).click();
  await expect(page.locator('.hub-chip')).toHaveText(/Hub: not synced yet, 1 waiting/);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  const state = panel.locator('.hub-state');
  await expect(state).toContainText('pushed 1, received 0 record(s); 0 waiting to be pushed');
  await expectAccessible('settings with the department server');

  // Another console pushes two records; the next sync brings them here.
  const other = openStore(tempPath());
  updateSettings(other, { consoleName: 'CT 2' }, { actor: 'e2e-setup' });
  seedDatabase(other, { count: 2, seed: 5, until: new Date(), years: 1 / 365 }, { actor: 'e2e-setup' });
  await syncOnce(other, { url }, { actor: 'e2e-setup' });
  other.close();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(state).toContainText('received 2 record(s)');
  await expect(page.locator('.hub-chip')).toHaveText(/Hub: synced just now, 0 waiting/);

  // A server that does not answer: said in words, nothing lost.
  await panel.getByLabel('Port').fill('1');
  await panel.getByRole('button', { name: 'Save server' }).click();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(state).toContainText('could not be reached or refused the sync');
  await expect(state).toContainText('Nothing is lost');
});
