import { consolePublicKey } from '../db/hub/console-key.js';
import { addConsole } from '../db/hub/server-schema.js';
import { amendProcedure, clinicalContent, getProcedure } from '../db/procedures.js';
import { seedDatabase } from '../db/seed.js';
import { openStore } from '../db/store.js';
import { tempStore } from '../db/testing/fixtures.js';
import { startTestCluster, type TestCluster } from '../db/testing/postgres.js';
import { recordSigner, TEST_PIN } from '../db/testing/signer.js';
import { adminClient, joinHub, type TestHub, testHub } from '../db/testing/test-hub.js';
import { expect, test } from './fixtures.js';

/*
 * The department hub seen from the console, against a real PostgreSQL started for this file and
 * set up as IT would: the console's key fingerprint shown, the console registered, the server
 * set in Settings, a sync, its state in words, a record from another console, a true conflict
 * shown side by side and resolved here (the owner), and a server that does not answer.
 */

test.use({ department: 'signed-case' });

let cluster: TestCluster;
test.beforeAll(async () => {
  cluster = await startTestCluster();
});
test.afterAll(() => cluster?.stop());

async function register(hub: TestHub, dbPath: string, role: string): Promise<string> {
  const logbook = openStore(dbPath, { readonly: true });
  const key = consolePublicKey(logbook);
  logbook.close();
  if (!key) throw new Error('the console made no key at start');
  const client = await adminClient(hub);
  try {
    await addConsole(client, {
      schema: hub.schema,
      name: 'CT 1',
      role,
      publicKey: key.publicKeyText,
      fingerprint: key.fingerprint,
    });
  } finally {
    await client.end();
  }
  return key.fingerprint;
}

test('the console syncs with the department hub, shows how it went, and resolves a conflict on its record', async ({
  page,
  dbPath,
  expectAccessible,
}) => {
  const hub = await testHub(cluster);
  const fingerprint = await register(hub, dbPath, 'e2e_ct1');
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Department server' });
  await expect(panel.locator('.hub-fingerprint')).toHaveText(fingerprint);
  await panel.getByLabel('Server (empty: no hub)').fill('127.0.0.1');
  await panel.getByLabel('Port').fill(String(cluster.port));
  await panel.getByLabel('Database').fill(hub.database);
  await panel.getByLabel('User').fill('e2e_ct1');
  await panel.getByLabel('Administrator: allow unencrypted connections to this host only').fill('127.0.0.1');
  await panel.getByRole('button', { name: 'Save server' }).click();
  await expect(page.locator('.hub-chip')).toHaveText(/Hub: not synced yet, 1 waiting/);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  const state = panel.locator('.hub-state');
  await expect(state).toContainText('pushed 1, received 0 records; 0 waiting to be pushed');
  await expect(panel.getByRole('cell', { name: 'CT 1 (this console)' })).toBeVisible();
  await expect(panel).toContainText('The hub has this key registered for this console.');
  await expectAccessible('settings with the department hub');

  // Another console pushes two records and amends this console's record: a true conflict.
  const other = await joinHub(hub, tempStore().store, 'CT 2');
  seedDatabase(other.store, { count: 2, seed: 5, until: new Date(), years: 1 / 365 }, { actor: 'e2e-setup' });
  await other.sync();
  const mine = other.store.reader
    .prepare("SELECT id FROM procedures WHERE console_name = 'CT 1'")
    .pluck()
    .get() as string;
  amendProcedure(
    other.store,
    { ...clinicalContent(getProcedure(other.store, mine).record), painPost: 1 },
    { reason: 'pain re-scored at 30 minutes on CT 2' },
    recordSigner(other.store, mine),
    { actor: 'Dr. B. Other' },
  );
  expect((await other.sync()).conflicts).toHaveLength(1);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(state).toContainText('received 2 records');
  const conflict = panel.getByRole('article');
  await expect(conflict).toContainText('amended on CT 2, owned by CT 1');
  await expect(conflict.getByRole('row', { name: /Pain after \(NRS\)/ })).toContainText(/2\s*1/);
  await expect(page.locator('.hub-chip')).toHaveText(/1 conflict/);
  await expectAccessible('a conflict side by side');
  await conflict.getByLabel('Reason (kept with the resolution)').fill('CT 2 re-scored after 30 minutes');
  // Taking it is an amendment here: signed with the deciding radiologist's PIN.
  await conflict.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
  await conflict.getByRole('button', { name: "Take CT 2's amendment" }).click();
  await expect(panel.getByRole('article')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(state).toContainText('pushed 1');
  await other.sync();
  expect(getProcedure(other.store, mine).record.painPost).toBe(1);
  other.store.close();

  // A server that does not answer: said in words, as the server's side, nothing lost.
  await panel.getByLabel('Port').fill('1');
  await panel.getByRole('button', { name: 'Save server' }).click();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(state).toContainText('The server:');
  await expect(state).toContainText('could not be reached');
  await expect(state).toContainText('Nothing was lost');

  // The same words in the reader's language: the window says the hub client's words (German here),
  // the network's own ("ECONNREFUSED") as they came.
  await page.goto('http://rootlog.test/index.html?language=de');
  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  const german = page.getByRole('region', { name: 'Abteilungsserver' }).locator('.hub-state');
  await expect(german).toContainText(/Der Server: Der Abteilungsserver 127\.0\.0\.1:1\/\S+ war nicht erreichbar \(/);
  await expect(german).toContainText('Nichts ging verloren: Was wartet, wird beim nächsten Abgleich gesendet.');
});
