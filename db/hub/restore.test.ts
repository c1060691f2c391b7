import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inEnglish, type Words } from '../model/index.js';
import { amendProcedure, clinicalContent, getProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import type { Store } from '../store.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { copyRoles, dumpDatabase, restoreDatabase, startTestCluster, type TestCluster } from '../testing/postgres.js';
import { recordSigner } from '../testing/signer.js';
import { adminClient, asAdmin, joinHub, type TestHub, testHub } from '../testing/test-hub.js';
import { initHub } from './server-schema.js';

const english = (said: Words | null) => (said ? inEnglish(said) : '');

/*
 * IT restores the hub from a pg_dump (routine): what the consoles pushed after the dump is gone
 * from the hub, and their positions are past its sequence. Each console notices, says so,
 * pushes again what the hub lacks, and reads the hub again from the start; nothing is lost or
 * taken twice. A dump restored into another PostgreSQL server is finished by `hub init`.
 */

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster?.stop());

const UNTIL = new Date('2026-06-30T12:00:00Z');
const ids = (store: Store) =>
  (
    store.reader.prepare("SELECT id FROM procedures WHERE status <> 'draft' ORDER BY id").pluck().all() as string[]
  ).join(',');
const dumpFile = () => join(mkdtempSync(join(tmpdir(), 'rootlog-dump-')), 'hub.dump');

async function twoConsoles(hub: TestHub) {
  const a = await joinHub(hub, tempStore().store, 'CT 1');
  seedDatabase(a.store, { count: 5, seed: 3, until: UNTIL, years: 1 }, context);
  const b = await joinHub(hub, tempStore().store, 'CT 2');
  seedDatabase(b.store, { count: 2, seed: 4, until: UNTIL, years: 1 }, context);
  await a.sync();
  await b.sync();
  await a.sync();
  return { a, b };
}

describe('a hub restored from a backup', () => {
  it('consoles notice, push again what the hub lost, and read it again from the start', async () => {
    const hub = await testHub(cluster);
    const { a, b } = await twoConsoles(hub);
    const file = dumpFile();
    dumpDatabase(cluster, hub.database, file);
    // After the dump: three new records and an amendment on CT 1, pulled by CT 2.
    seedDatabase(a.store, { count: 3, seed: 5, until: UNTIL, years: 1 }, context);
    const amended = ids(a.store).split(',')[0] as string;
    amendProcedure(
      a.store,
      { ...clinicalContent(getProcedure(a.store, amended).record), painPost: 0, doseExceedanceReason: 'patient_size' },
      { reason: 'pain re-scored after the dump', confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
      recordSigner(a.store, amended),
      context,
    );
    expect(await a.sync()).toMatchObject({ pushed: 4, refused: [] });
    expect((await b.sync()).pulled).toBe(3);
    restoreDatabase(cluster, hub.database, file);
    const [lost] = await asAdmin<{ versions: string }>(hub, 'SELECT count(*) AS versions FROM hub_versions');
    expect(lost?.versions).toBe('7');

    // CT 2 first: it says so, reads again from the start, loses nothing it had.
    const onB = await b.sync();
    expect(english(onB.notice)).toMatch(/restored from a backup/);
    expect(onB).toMatchObject({ pulled: 0, refused: [], conflicts: [] });
    expect(ids(b.store).split(',')).toHaveLength(10);
    // CT 1 pushes again what the hub lacks: its three records and the amendment.
    const onA = await a.sync();
    expect(english(onA.notice)).toMatch(/restored from a backup.*pushes again what the hub lacks \(4 records\)/);
    expect(onA).toMatchObject({ pushed: 4, refused: [], conflicts: [], pending: 0 });
    const [back] = await asAdmin<{ versions: string }>(hub, 'SELECT count(*) AS versions FROM hub_versions');
    expect(back?.versions).toBe('11');
    // Nothing twice, and a console that joins now gets everything.
    expect(await b.sync()).toMatchObject({ pulled: 0, amendmentsPulled: 0, notice: null, refused: [] });
    const c = await joinHub(hub, tempStore().store, 'CT 3');
    await c.sync();
    expect(ids(c.store)).toBe(ids(a.store));
    expect(getProcedure(c.store, amended).record).toMatchObject({ painPost: 0, version: 2 });
  });

  it('a dump restored into another PostgreSQL server: consoles are told, IT finishes it with hub init, then all goes on', async () => {
    const hub = await testHub(cluster);
    // A server that has run for a while: its transaction numbers are far ahead of a new one's.
    await asAdmin(hub, 'DO $$ BEGIN FOR i IN 1..3000 LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$');
    const { a, b } = await twoConsoles(hub);
    const file = dumpFile();
    dumpDatabase(cluster, hub.database, file);
    const moved = await startTestCluster();
    try {
      copyRoles(cluster, moved);
      restoreDatabase(moved, hub.database, file);
      const there = { ...hub, cluster: moved, admin: { ...hub.admin, port: moved.port } };
      a.endpoint.port = moved.port;
      b.endpoint.port = moved.port;
      await expect(b.sync()).rejects.toThrow(/stamped by another PostgreSQL server.*rootlog hub init/);
      const client = await adminClient(there);
      const report = await initHub(client, hub.schema);
      await client.end();
      expect(report).toMatchObject({ hubId: hub.hubId, renumbered: expect.any(Number) });
      expect(report.renumbered).toBeGreaterThan(0);
      seedDatabase(a.store, { count: 2, seed: 9, until: UNTIL, years: 1 }, context);
      expect(await a.sync()).toMatchObject({ pushed: 2, refused: [] });
      const onB = await b.sync();
      expect(onB).toMatchObject({ pulled: 2, refused: [] });
      expect(ids(b.store)).toBe(ids(a.store));
    } finally {
      moved.stop();
    }
  });
});
