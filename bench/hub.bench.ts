import pg from 'pg';
import { syncOnce } from '../db/hub/sync.js';
import { seedDatabase } from '../db/seed.js';
import { updateSettings } from '../db/settings.js';
import { openStore, type Store } from '../db/store.js';
import { tempPath } from '../db/testing/fixtures.js';
import { createDatabase, startTestCluster } from '../db/testing/postgres.js';

/*
 * The department hub at scale, on a throw-away PostgreSQL:
 * 1. ten consoles with 10 000 signed records each push into an empty server at once, then one
 *    console pulls the 90 000 the others pushed (time and memory);
 * 2. an incremental sync — one day's 30 records pushed, the same pulled — by a console that is
 *    up to date, against a server that holds 1 000 000 records.
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
  const url = createDatabase(cluster, 'hub_bench');
  let started = performance.now();
  const consoles = Array.from({ length: CONSOLES }, (_, index) =>
    seededConsole(`Room ${index + 1}`, PER_CONSOLE, 50 + index),
  );
  console.log(`seeded ${CONSOLES} consoles × ${PER_CONSOLE} records in ${seconds(performance.now() - started)}`);

  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  started = performance.now();
  const pushed = await Promise.all(consoles.map((store) => syncOnce(store, { url }, context, { pull: false })));
  const pushMs = performance.now() - started;
  const total = pushed.reduce((sum, report) => sum + report.pushed, 0);
  console.log(
    `${CONSOLES} consoles pushing at once into an empty server: ${total} records in ${seconds(pushMs)} (${Math.round(total / (pushMs / 1000))} records/s)`,
  );
  started = performance.now();
  const pulled = await syncOnce(consoles[0] as Store, { url }, context, { push: false });
  const pullMs = performance.now() - started;
  clearInterval(sample);
  console.log(
    `one console pulling the other consoles' ${pulled.pulled} records: ${seconds(pullMs)} (${Math.round(pulled.pulled / (pullMs / 1000))} records/s); peak memory of this process ${mb(peak)}`,
  );
  for (const store of consoles) store.close();

  // A server of BIG records: the pushed ones copied with new ids, by SQL.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  started = performance.now();
  const have = Number((await client.query('SELECT count(*) FROM hub_records')).rows[0].count);
  await client.query(`
    WITH sample AS (SELECT row_number() OVER () AS n, record FROM hub_records)
    INSERT INTO hub_records (id, console, latest_version, record)
    SELECT gen_random_uuid(), 'filler', 1, sample.record
      FROM generate_series(1, ${Math.max(0, BIG - have)}) g
      JOIN sample ON sample.n = (g % ${have}) + 1`);
  await client.query('ANALYZE hub_records');
  const size = (await client.query("SELECT pg_size_pretty(pg_database_size('hub_bench')) AS size")).rows[0].size;
  const last = String((await client.query('SELECT max(seq) AS last FROM hub_records')).rows[0].last);
  await client.end();
  console.log(`server filled to ${BIG} records (${size}) in ${seconds(performance.now() - started)}`);

  // A console up to date with the server (its last pulled number is the server's last), with one day's 30 records.
  const today = seededConsole('Room today', 30, 999, new Date());
  const key = `hubPulledSeq:127.0.0.1:${cluster.port}/hub_bench`;
  today.writer.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, last);
  const timings: number[] = [];
  started = performance.now();
  const day = await syncOnce(today, { url }, context);
  timings.push(performance.now() - started);
  console.log(
    `incremental sync of one day (${day.pushed} pushed, ${day.pulled} pulled, ${day.pending} waiting) against ${BIG} records: ${(timings[0] as number).toFixed(0)} ms`,
  );
  started = performance.now();
  await syncOnce(today, { url }, context);
  console.log(`the next sync with nothing new: ${(performance.now() - started).toFixed(0)} ms`);
  today.close();
} finally {
  cluster.stop();
}
