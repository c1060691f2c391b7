import { seedDatabase } from '../db/seed.js';
import { updateSettings } from '../db/settings.js';
import { savePosition, saveSeen } from '../db/sqlite/hub-local.js';
import { openStore, type Store } from '../db/store.js';
import { tempPath } from '../db/testing/fixtures.js';
import { startTestCluster } from '../db/testing/postgres.js';
import { asAdmin, joinHub, type TestConsole, testHub } from '../db/testing/test-hub.js';

/*
 * The department hub at scale, on a throw-away PostgreSQL set up as IT would (hub init, each
 * console with its own role), signatures made and checked throughout:
 * 1. ten consoles with 10 000 signed records each push into an empty hub at once, then one
 *    console pulls the 90 000 the others pushed (time and memory);
 * 2. an incremental sync — one day's 30 records pushed — by a console that is up to date,
 *    against a hub that holds 1 000 000 records.
 */
const CONSOLES = Number(process.env.BENCH_HUB_CONSOLES ?? 10);
const PER_CONSOLE = Number(process.env.BENCH_HUB_RECORDS ?? 10_000);
const BIG = Number(process.env.BENCH_HUB_SERVER_RECORDS ?? 1_000_000);
const context = { actor: 'bench' };
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function seededConsole(name: string, count: number, seed: number, until = new Date('2026-06-30T12:00:00Z')): Store {
  const store = openStore(tempPath());
  updateSettings(store, { consoleName: name }, context);
  seedDatabase(store, { count, seed, until, followUps: false }, context);
  return store;
}

const cluster = await startTestCluster();
try {
  const hub = await testHub(cluster);
  let started = performance.now();
  const consoles: TestConsole[] = [];
  for (let index = 0; index < CONSOLES; index++)
    consoles.push(await joinHub(hub, seededConsole(`Room ${index + 1}`, PER_CONSOLE, 50 + index), `Room ${index + 1}`));
  console.log(`seeded ${CONSOLES} consoles × ${PER_CONSOLE} records in ${seconds(performance.now() - started)}`);

  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  started = performance.now();
  const pushed = await Promise.all(consoles.map((entry) => entry.sync({ pull: false })));
  const pushMs = performance.now() - started;
  const total = pushed.reduce((sum, report) => sum + report.pushed, 0);
  console.log(
    `${CONSOLES} consoles pushing at once into an empty hub: ${total} records in ${seconds(pushMs)} (${Math.round(total / (pushMs / 1000))} records/s), each version signed`,
  );
  started = performance.now();
  const pulled = await (consoles[0] as TestConsole).sync({ push: false });
  const pullMs = performance.now() - started;
  clearInterval(sample);
  console.log(
    `one console pulling the other consoles' ${pulled.pulled} records: ${seconds(pullMs)} (${Math.round(pulled.pulled / (pullMs / 1000))} records/s), each signature checked; refused ${pulled.refused.length}; peak memory of this process ${mb(peak)}`,
  );
  for (const entry of consoles) entry.store.close();

  // A hub of BIG records: the pushed versions copied under new record ids, by SQL.
  started = performance.now();
  const [{ have }] = (await asAdmin<{ have: string }>(hub, 'SELECT count(*) AS have FROM hub_versions')) as [
    { have: string },
  ];
  await asAdmin(
    hub,
    `WITH sample AS (SELECT row_number() OVER () AS n, console, entry, signature FROM hub_versions)
     INSERT INTO hub_versions (record_id, version, console, entry, signature)
     SELECT gen_random_uuid(), 1, sample.console, sample.entry, sample.signature
       FROM generate_series(1, ${Math.max(0, BIG - Number(have))}) g
       JOIN sample ON sample.n = (g % ${Number(have)}) + 1`,
  );
  await asAdmin(hub, 'ANALYZE hub_versions');
  const [{ size }] = (await asAdmin<{ size: string }>(
    hub,
    `SELECT pg_size_pretty(pg_database_size('${hub.database}')) AS size`,
  )) as [{ size: string }];
  console.log(`hub filled to ${BIG} records (${size}) in ${seconds(performance.now() - started)}`);

  // A console up to date with the hub (its positions at the hub's last rows), with one day's 30 records.
  const today = await joinHub(hub, seededConsole('Room today', 30, 999, new Date()), 'Room today');
  const ends = await asAdmin<{ stream: string; xid: string; seq: string }>(
    hub,
    `SELECT 'versions' AS stream, xid::text, seq::text FROM (SELECT xid, seq FROM hub_versions ORDER BY xid DESC, seq DESC LIMIT 1) v
     UNION ALL SELECT 'catalogue', xid::text, seq::text FROM (SELECT xid, seq FROM hub_catalogue ORDER BY xid DESC, seq DESC LIMIT 1) c`,
  );
  const [{ seq, horizon }] = (await asAdmin<{ seq: string; horizon: string }>(
    hub,
    'SELECT last_value::text AS seq, pg_snapshot_xmax(pg_current_snapshot())::text AS horizon FROM hub_seq',
  )) as [{ seq: string; horizon: string }];
  today.store.writer.db.transaction(() => {
    for (const end of ends) savePosition(today.store.writer, hub.hubId, end.stream, { xid: end.xid, seq: end.seq });
    saveSeen(today.store.writer, hub.hubId, {
      seq: '0',
      stream: null,
      rowKey: null,
      horizon: String(BigInt(horizon) - 1n),
    });
  })();
  void seq;
  started = performance.now();
  const day = await today.sync();
  console.log(
    `incremental sync of one day (${day.pushed} pushed, ${day.pulled} pulled, ${day.pending} waiting) against ${BIG} records: ${(performance.now() - started).toFixed(0)} ms`,
  );
  started = performance.now();
  await today.sync();
  console.log(`the next sync with nothing new: ${(performance.now() - started).toFixed(0)} ms`);
  today.store.close();
} finally {
  cluster.stop();
}
