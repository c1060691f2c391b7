import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendProcedure, clinicalContent, getProcedure } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { updateSettings } from '../settings.js';
import { computeDashboard } from '../stats/dashboard.js';
import type { Store } from '../store.js';
import { context, EVERY_CONFIRMABLE_WARNING, tempStore } from '../testing/fixtures.js';
import { createDatabase, startTestCluster, type TestCluster } from '../testing/postgres.js';
import { someSigner } from '../testing/signer.js';
import { syncOnce } from './sync.js';

/*
 * The department hub against a real PostgreSQL, started for this file (initdb in a temporary
 * folder, a free port, stopped afterwards): no mock.
 */

let cluster: TestCluster;
let databases = 0;
beforeAll(async () => {
  cluster = await startTestCluster();
}, 60_000);
afterAll(() => cluster?.stop());

const newServer = () => ({ url: createDatabase(cluster, `hub_${++databases}`) });

function console_(name: string, count: number, seed: number): Store {
  const { store } = tempStore();
  updateSettings(store, { consoleName: name }, context);
  if (count > 0) seedDatabase(store, { count, seed, until: new Date('2026-06-30T12:00:00Z'), years: 1 }, context);
  return store;
}

const signedIds = (store: Store) =>
  (
    store.reader.prepare("SELECT id FROM procedures WHERE status <> 'draft' ORDER BY id").pluck().all() as string[]
  ).join(',');
const outbox = (store: Store) => store.reader.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;

async function onServer<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the department hub on PostgreSQL', () => {
  it('two consoles end with every signed record; a repeated sync changes nothing twice', async () => {
    const server = newServer();
    const a = console_('CT 1', 30, 1);
    const b = console_('CT 2', 20, 2);
    expect(outbox(a)).toBe(30);
    const first = await syncOnce(a, server, context);
    expect(first).toMatchObject({ pushed: 30, pulled: 0, conflicts: [], refused: [], pending: 0 });
    const second = await syncOnce(b, server, context);
    expect(second).toMatchObject({ pushed: 20, pulled: 30, conflicts: [], refused: [] });
    const third = await syncOnce(a, server, context);
    expect(third).toMatchObject({ pushed: 0, pulled: 20 });
    expect(signedIds(a)).toBe(signedIds(b));
    expect(signedIds(a).split(',')).toHaveLength(50);
    // Again: nothing moves, nothing is queued.
    for (const store of [a, b]) {
      expect(await syncOnce(store, server, context)).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
    }
    const [counts] = await onServer<{ records: string; versions: string }>(
      server.url,
      'SELECT (SELECT count(*) FROM hub_records) AS records, (SELECT count(*) FROM hub_versions) AS versions',
    );
    expect(counts).toEqual({ records: '50', versions: '50' });
    // Each console's dashboard covers the department; a switch shows this console only.
    expect(computeDashboard(a, {}).procedures).toBe(50);
    expect(computeDashboard(a, { consoleNames: ['CT 1'] }).procedures).toBe(30);
    expect(computeDashboard(b, { consoleNames: ['CT 2'] }).procedures).toBe(20);
    // The merged records are the same records: content and versions equal on both consoles.
    const id = signedIds(b).split(',')[0] as string;
    expect(getProcedure(a, id).record).toEqual(getProcedure(b, id).record);
    expect(getProcedure(a, id).versions).toEqual(getProcedure(b, id).versions);
  }, 120_000);

  it('ten consoles syncing at once: every console ends with every record, each version held once', async () => {
    const server = newServer();
    const consoles = Array.from({ length: 10 }, (_, index) => console_(`Room ${index + 1}`, 12, 100 + index));
    // Twice at once: the first round pushes and pulls what is there, the second what came meanwhile.
    await Promise.all(consoles.map((store) => syncOnce(store, server, context)));
    const round = await Promise.all(consoles.map((store) => syncOnce(store, server, context)));
    expect(round.flatMap((report) => report.conflicts)).toEqual([]);
    const all = signedIds(consoles[0] as Store);
    expect(all.split(',')).toHaveLength(120);
    for (const store of consoles) expect(signedIds(store)).toBe(all);
    const [counts] = await onServer<{ records: string; versions: string; twice: string }>(
      server.url,
      `SELECT (SELECT count(*) FROM hub_records) AS records, (SELECT count(*) FROM hub_versions) AS versions,
              (SELECT count(*) FROM (SELECT record_id, version FROM hub_versions GROUP BY 1, 2 HAVING count(*) > 1) t) AS twice`,
    );
    expect(counts).toEqual({ records: '120', versions: '120', twice: '0' });
  }, 180_000);

  it('the same record amended on two consoles is a conflict, shown, and nothing is overwritten', async () => {
    const server = newServer();
    const a = console_('CT 1', 5, 7);
    const b = console_('CT 2', 0, 0);
    await syncOnce(a, server, context);
    await syncOnce(b, server, context);
    const id = signedIds(a).split(',')[0] as string;
    const amend = (store: Store, painPost: number, reason: string) => {
      const { record } = getProcedure(store, id);
      amendProcedure(
        store,
        { ...clinicalContent(record), painPost, doseExceedanceReason: 'patient_size' },
        { reason, confirmedWarnings: EVERY_CONFIRMABLE_WARNING },
        someSigner(store),
        context,
      );
    };
    amend(a, 3, 'pain after re-scored on CT 1');
    amend(b, 4, 'pain after re-scored on CT 2');
    expect(await syncOnce(a, server, context)).toMatchObject({ pushed: 1, conflicts: [] });
    const onB = await syncOnce(b, server, context);
    expect(onB.conflicts.map((conflict) => conflict.id)).toContain(id);
    expect(onB.conflicts.find((conflict) => conflict.id === id)?.reason).toMatch(
      /version 2 differs|amended on two consoles|differ/,
    );
    // Each console keeps its own amendment; the server keeps the first one it was given.
    expect(getProcedure(a, id).record.painPost).toBe(3);
    expect(getProcedure(b, id).record.painPost).toBe(4);
    const [kept] = await onServer<{ pain: number }>(
      server.url,
      `SELECT (record -> 'content' ->> 'painPost')::int AS pain FROM hub_records WHERE id = '${id}'`,
    );
    expect(kept?.pain).toBe(3);
    const conflicts = await onServer<{ console: string }>(server.url, 'SELECT console FROM hub_conflicts');
    expect(conflicts.map((row) => row.console)).toEqual(['CT 2']);
    // B's amendment stays queued until the conflict is resolved on CT 2.
    expect(onB.pending).toBe(1);
  }, 120_000);

  it('a record changed behind the app is refused by the hub, with the reason', async () => {
    const server = newServer();
    const a = console_('CT 1', 6, 9);
    const id = signedIds(a).split(',')[0] as string;
    a.writer.db.exec('DROP TRIGGER signed_procedure_no_update');
    a.writer.db.prepare('UPDATE procedures SET pain_post = 0 WHERE id = ?').run(id);
    const report = await syncOnce(a, server, context);
    expect(report.pushed).toBe(5);
    expect(report.refused.map((refusal) => refusal.id)).toEqual([id]);
    expect(report.refused[0]?.reason).toMatch(/painPost|differs from its latest signed version|version/i);
    const refusals = await onServer<{ record_id: string }>(server.url, 'SELECT record_id FROM hub_refusals');
    expect(refusals.map((row) => row.record_id)).toEqual([id]);
    expect(await onServer(server.url, `SELECT 1 FROM hub_records WHERE id = '${id}'`)).toEqual([]);
  }, 120_000);

  it('a day without the network: the outbox keeps the work, says why, and drains afterwards', async () => {
    const server = newServer();
    const a = console_('CT 1', 25, 11);
    cluster.kill();
    try {
      await expect(syncOnce(a, server, context)).rejects.toThrow(/ECONNREFUSED|connect|terminat/i);
      expect(outbox(a)).toBe(25);
    } finally {
      cluster.start();
    }
    expect(await syncOnce(a, server, context)).toMatchObject({ pushed: 25, pending: 0 });
  }, 120_000);

  it('the server killed in the middle of a push: no loss and no duplicate after the next sync', async () => {
    const server = newServer();
    const a = console_('CT 1', 300, 13);
    const b = console_('CT 2', 0, 0);
    const pushing = syncOnce(a, server, context);
    // Part of the way through the records (the first ones have left the outbox), the server
    // goes: the kill runs at once, before the push can take another turn.
    while (outbox(a) === 300) await new Promise((resolve) => setImmediate(resolve));
    cluster.kill();
    await expect(pushing).rejects.toThrow();
    cluster.start();
    const pendingAfterCrash = outbox(a);
    expect(pendingAfterCrash).toBeGreaterThan(0);
    expect(pendingAfterCrash).toBeLessThan(300);
    const again = await syncOnce(a, server, context);
    expect(again.pending).toBe(0);
    expect(again.pushed + again.unchanged).toBe(pendingAfterCrash);
    await syncOnce(b, server, context);
    expect(signedIds(b)).toBe(signedIds(a));
    const [counts] = await onServer<{ records: string; versions: string }>(
      server.url,
      'SELECT (SELECT count(*) FROM hub_records) AS records, (SELECT count(*) FROM hub_versions) AS versions',
    );
    expect(counts).toEqual({ records: '300', versions: '300' });
  }, 180_000);

  it('the server killed in the middle of a pull: the next sync brings the rest, nothing twice', async () => {
    const server = newServer();
    const a = console_('CT 1', 400, 17);
    await syncOnce(a, server, context);
    const b = console_('CT 2', 0, 0);
    const pulling = syncOnce(b, server, context);
    await new Promise((resolve) => setTimeout(resolve, 150));
    cluster.kill();
    const outcome = await pulling.then(
      () => 'finished before the kill',
      () => 'stopped',
    );
    cluster.start();
    await syncOnce(b, server, context);
    expect(signedIds(b)).toBe(signedIds(a));
    expect(signedIds(b).split(',')).toHaveLength(400);
    // Nothing arrived twice: one row per record, one version each, on the console.
    expect(b.reader.prepare('SELECT count(*) FROM procedure_versions').pluck().get()).toBe(400);
    expect(['stopped', 'finished before the kill']).toContain(outcome);
  }, 180_000);

  it('the command line does one push and pull, prints what moved, and says no to a password in the URL', async () => {
    const server = newServer();
    const a = console_('CT 1', 8, 21);
    const b = console_('CT 2', 0, 0);
    const cli = (store: Store, url = server.url) =>
      spawnSync(
        process.execPath,
        [join(process.cwd(), 'dist', 'cli', 'rootlog.cjs'), 'sync', '--db', store.path, '--server', url],
        {
          encoding: 'utf8',
          env: { ...process.env, PGPASSWORD: '' },
        },
      );
    a.close();
    b.close();
    const pushed = cli(a);
    expect(pushed.status, pushed.stderr).toBe(0);
    expect(pushed.stdout).toContain('pushed 8, already there 0, pulled 0 new record(s)');
    const pulled = cli(b);
    expect(pulled.status, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain('pulled 8 new record(s)');
    const withPassword = cli(a, server.url.replace('postgres@', 'postgres:secret@'));
    expect(withPassword.status).toBe(2);
    expect(withPassword.stderr).toContain('must not carry the password');
    const down = cli(a, server.url.replace(/:(\d+)\//, ':1/'));
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/could not be reached.*nothing was lost/);
  }, 120_000);

  it('a server offering TLS with a certificate that does not verify is refused, never tried in plain text', async () => {
    const tls = await startTestCluster({ tls: true });
    try {
      const url = createDatabase(tls, 'hub_tls');
      const a = console_('CT 1', 2, 23);
      await expect(syncOnce(a, { url }, context)).rejects.toThrow(/self[- ]signed|certificate/i);
      expect(outbox(a)).toBe(2);
      // The plain server of the other tests offers no TLS: reached without it.
      expect(await syncOnce(a, newServer(), context)).toMatchObject({ pushed: 2 });
    } finally {
      tls.stop();
    }
  }, 120_000);

  it('a record on the server that a console cannot accept is reported, and the pull goes on past it', async () => {
    const server = newServer();
    const a = console_('CT 1', 3, 29);
    await syncOnce(a, server, context);
    // Written into the server by hand (not by RootLog): content that disagrees with its version.
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const [first] = (await client.query('SELECT record FROM hub_records ORDER BY seq LIMIT 1')).rows as {
      record: { id: string; content: Record<string, unknown> };
    }[];
    const forged = {
      ...first?.record,
      id: '01900000-0000-7000-8000-000000000001',
      content: { ...first?.record.content, painPost: 0 },
    };
    await client.query("INSERT INTO hub_records (id, console, latest_version, record) VALUES ($1, 'forger', 1, $2)", [
      forged.id,
      JSON.stringify(forged),
    ]);
    await client.end();
    const later = console_('CT 3', 2, 31);
    await syncOnce(later, server, context);
    const b = console_('CT 2', 0, 0);
    const report = await syncOnce(b, server, context);
    expect(report.refused.map((refusal) => refusal.id)).toContain(forged.id);
    // Everything else arrived, including what was pushed after the forged row.
    expect(report.pulled).toBe(5);
    expect(b.reader.prepare('SELECT 1 FROM procedures WHERE id = ?').get(forged.id)).toBeUndefined();
    expect(await syncOnce(b, server, context)).toMatchObject({ pulled: 0, refused: [] });
  }, 120_000);
});
