import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { JSON_FORMAT, JSON_FORMAT_VERSION } from '../exports/json.js';
import { type ExportedRecord, readExportedRecord } from '../exports/records.js';
import { IMPORT_LIMITS } from '../imports/limits.js';
import { importFile } from '../imports/merge.js';
import { checkRecord } from '../imports/record-check.js';
import { contentHash } from '../ledger/content-hash.js';
import { drugCatalogue, getSettings, listOperators, operatorsOfLogbook } from '../settings.js';
import { SCHEMA_VERSION } from '../sqlite/migrations/index.js';
import type { ServiceContext, Store } from '../store.js';
import { ensureServerSchema } from './server-schema.js';

/*
 * One sync with the department hub (PostgreSQL): push what this console signed, amended or
 * followed up (its outbox), then pull what other consoles pushed. The console never waits for
 * the network to log or sign; a sync can stop anywhere and be run again:
 *
 * - push, record by record, each in its own server transaction (the row locked): a record the
 *   server lacks is added; one it has is extended when this console's versions continue the
 *   server's (and new follow-ups are added); a record whose versions part from the server's is
 *   a conflict, recorded and reported, never overwritten. Each version and follow-up is held
 *   once (keyed by record and version, and by follow-up id). The outbox row goes only after
 *   the server committed, and only if nothing was queued for that record meanwhile.
 * - pull, in batches by the server's sequence number: the records arrive through the JSON
 *   import's own checks and merge rules (db/imports/merge.ts), so a hub record is judged
 *   exactly as a file from another console; the last sequence number taken is kept per server.
 *
 * Before a record is pushed it is checked as the import checks it (its versions against its
 * content, its hash links): a record changed behind the app's back is refused, with the reason,
 * and the refusal is kept on the server too.
 */

export interface ServerConfig {
  /** postgres://user@host:port/database (the password from PGPASSWORD, never stored in the logbook). */
  url: string;
  password?: string;
  /** TLS with certificate verification when the server offers it. */
  ssl?: boolean;
}

export interface SyncReport {
  pushed: number;
  unchanged: number;
  pulled: number;
  followUpsPulled: number;
  conflicts: { id: string; reason: string }[];
  refused: { id: string; reason: string }[];
  /** Records still waiting in the outbox after this sync. */
  pending: number;
  lastSeq: number;
}

const PULL_BATCH = 1000;
/** Records pushed per server transaction: few round trips, short locks. */
const PUSH_BATCH = 100;

export function serverKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/**
 * Connects with TLS and certificate verification when the server offers TLS; a server that
 * offers none is reached without it unless TLS is required (`ssl: true`). A certificate that
 * fails verification is never tried again without TLS.
 */
export async function connectHub(server: ServerConfig): Promise<pg.Client> {
  const attempt = async (tls: boolean) => {
    const client = new pg.Client({
      connectionString: server.url,
      password: server.password ?? process.env.PGPASSWORD,
      ssl: tls ? { rejectUnauthorized: true } : false,
      connectionTimeoutMillis: 5000,
      statement_timeout: 60_000,
    });
    // A server that goes away mid-sync fails the query in progress; the client's own error
    // event has nothing more to say.
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  try {
    return await attempt(true);
  } catch (error) {
    const noTls = error instanceof Error && /does not support SSL/i.test(error.message);
    if (!noTls || server.ssl) throw error;
    return attempt(false);
  }
}

/**
 * A signed version as every console knows it: its number, content, signer, time and reason.
 * (Its hash link belongs to the chain of the console that wrote the row, which differs from
 * console to console for the same version.)
 */
type VersionLink = { version: number; hash: string };
const versionsOf = (record: ExportedRecord): VersionLink[] =>
  record.versions.map((version) => ({
    version: version.version,
    hash: contentHash({
      content: version.content,
      signedBy: version.signedBy,
      signedAt: version.signedAt,
      reason: version.reason,
      // Who proved the signature (schema 17 on): hashed only when present, so older versions keep their hash.
      ...(version.signerId ? { signerId: version.signerId, meaning: version.meaning } : {}),
    }),
  }));

/** Does `longer` continue `shorter` (the same versions, in order, then perhaps more)? */
const continues = (longer: VersionLink[], shorter: VersionLink[]) =>
  shorter.every((link, index) => longer[index]?.version === link.version && longer[index]?.hash === link.hash);

async function pushCatalogue(client: pg.Client, store: Store): Promise<void> {
  // The operators as the catalogue knows them: never the state of their credentials (a PIN set, a lock, a badge).
  const operators = operatorsOfLogbook(store);
  const drugs = drugCatalogue(store);
  for (const [kind, key, value] of [
    ...operators.map((operator) => ['operator', operator.id, operator] as const),
    ...drugs.map((drug) => ['drug', drug.code, drug] as const),
  ]) {
    await client.query(
      'INSERT INTO hub_catalogue (kind, key, value) VALUES ($1, $2, $3) ON CONFLICT (kind, key) DO NOTHING',
      [kind, key, JSON.stringify(value)],
    );
  }
}

type PushOutcome = 'pushed' | 'unchanged' | { conflict: string };

/**
 * Pushes take turns on the server (a lock held to the end of each push's transaction), so
 * sequence numbers become visible in their order: a pull that has seen number n has seen every
 * number before it. Without it a push holding 49 could commit after one holding 50 was pulled,
 * and 49 would be missed for good.
 */
const PUSH_LOCK = 7_301_550_002;

/** Pushes records in one server transaction (the caller's batch); their outcomes in order. */
async function pushBatch(client: pg.Client, records: ExportedRecord[], consoleName: string): Promise<PushOutcome[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const outcomes: PushOutcome[] = [];
    for (const record of records) outcomes.push(await pushRecord(client, record, consoleName));
    await client.query('COMMIT');
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** One record, inside the batch's transaction: its row locked, added, extended, or a conflict. */
async function pushRecord(client: pg.Client, record: ExportedRecord, consoleName: string): Promise<PushOutcome> {
  const found = await client.query<{ record: ExportedRecord }>(
    'SELECT record FROM hub_records WHERE id = $1 FOR UPDATE',
    [record.id],
  );
  const existing = found.rows[0]?.record;
  let outcome: PushOutcome = 'unchanged';
  let stored: ExportedRecord | null = null;
  if (!existing) {
    stored = record;
    outcome = 'pushed';
  } else {
    const mine = versionsOf(record);
    const theirs = versionsOf(existing);
    const known = new Set(existing.followUps.map((entry) => entry.id));
    const newFollowUps = record.followUps.filter((entry) => !known.has(entry.id));
    if (continues(mine, theirs)) {
      if (mine.length > theirs.length || newFollowUps.length > 0) {
        stored = { ...record, followUps: [...existing.followUps, ...newFollowUps] };
        outcome = 'pushed';
      }
    } else if (continues(theirs, mine)) {
      // The server is ahead (another console amended it): only follow-ups may be new here.
      if (newFollowUps.length > 0) {
        stored = { ...existing, followUps: [...existing.followUps, ...newFollowUps] };
        outcome = 'pushed';
      }
    } else {
      const at = mine.findIndex((link, index) => theirs[index]?.hash !== link.hash);
      outcome = {
        conflict: `version ${mine[at]?.version ?? theirs[at]?.version} differs from the one on the server (signed by ${existing.versions[at]?.signedBy ?? 'another console'}): amended on two consoles`,
      };
      await client.query(
        'INSERT INTO hub_conflicts (record_id, console, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [record.id, consoleName, outcome.conflict],
      );
    }
  }
  if (stored) {
    const latest = stored.versions[stored.versions.length - 1]?.version ?? 1;
    await client.query(
      `INSERT INTO hub_records (id, console, latest_version, record) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET console = $2, latest_version = $3, record = $4, seq = nextval('hub_seq'), pushed_at = now()`,
      [stored.id, consoleName, latest, JSON.stringify(stored)],
    );
    for (const version of stored.versions) {
      await client.query(
        `INSERT INTO hub_versions (record_id, version, hash, content, console) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (record_id, version) DO NOTHING`,
        [stored.id, version.version, version.hash, JSON.stringify(version.content), consoleName],
      );
    }
    for (const entry of stored.followUps) {
      await client.query(
        'INSERT INTO hub_follow_ups (id, record_id, hash, entry) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
        [entry.id, stored.id, entry.hash, JSON.stringify(entry)],
      );
    }
  }
  return outcome;
}

/** Pushes the outbox; each record in its own server transaction. */
async function push(client: pg.Client, store: Store, report: SyncReport, context: ServiceContext): Promise<void> {
  const consoleName = getSettings(store).consoleName;
  const queued = store.reader
    .prepare('SELECT procedure_id AS id, queued_at AS at FROM sync_outbox ORDER BY queued_at')
    .all() as {
    id: string;
    at: string;
  }[];
  if (queued.length === 0) return;
  await pushCatalogue(client, store);
  const checkContext = {
    signing: {
      operatorIds: new Set(listOperators(store).map((operator) => operator.id)),
      drugCatalogue: drugCatalogue(store),
    },
    limits: IMPORT_LIMITS,
    now: context.now?.() ?? new Date(),
  };
  const dequeue = store.writer.prepare('DELETE FROM sync_outbox WHERE procedure_id = ? AND queued_at = ?');
  for (let from = 0; from < queued.length; from += PUSH_BATCH) {
    const batch: { id: string; at: string; record: ExportedRecord }[] = [];
    for (const { id, at } of queued.slice(from, from + PUSH_BATCH)) {
      const record = readExportedRecord(store.reader, id);
      const verdict = checkRecord(JSON.parse(JSON.stringify(record)), 0, checkContext);
      if (verdict.ok) {
        batch.push({ id, at, record });
        continue;
      }
      const reason = verdict.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      report.refused.push({ id, reason });
      await client.query(
        'INSERT INTO hub_refusals (record_id, console, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [id, consoleName, reason],
      );
    }
    if (batch.length === 0) continue;
    const outcomes = await pushBatch(
      client,
      batch.map((entry) => entry.record),
      consoleName,
    );
    // Committed on the server: now the outbox rows go (a conflict stays queued until resolved here).
    store.writer.db
      .transaction(() => {
        outcomes.forEach((outcome, index) => {
          const { id, at } = batch[index] as { id: string; at: string };
          if (outcome === 'pushed') report.pushed++;
          else if (outcome === 'unchanged') report.unchanged++;
          else report.conflicts.push({ id, reason: outcome.conflict });
          if (typeof outcome === 'string') dequeue.run(id, at);
        });
      })
      .immediate();
  }
}

/** Pulls everything after the last sequence number taken, through the JSON import. */
async function pull(
  client: pg.Client,
  store: Store,
  server: ServerConfig,
  report: SyncReport,
  context: ServiceContext,
): Promise<void> {
  const seqKey = `hubPulledSeq:${serverKey(server.url)}`;
  const readSeq = () =>
    Number(
      JSON.parse(
        (store.reader.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(seqKey) as string | undefined) ??
          '0',
      ),
    );
  const saveSeq = store.writer.prepare(
    'INSERT INTO settings (key, value) VALUES (?, json(?)) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const catalogue = await client.query<{ kind: string; value: unknown }>('SELECT kind, value FROM hub_catalogue');
  const header = {
    format: JSON_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    console: 'department hub',
    pseudonymized: false,
    filter: { from: null, to: null, operatorIds: null, includeDrafts: false },
    operators: catalogue.rows.filter((row) => row.kind === 'operator').map((row) => row.value),
    drugCatalogue: catalogue.rows.filter((row) => row.kind === 'drug').map((row) => row.value),
  };
  const dequeue = store.writer.prepare('DELETE FROM sync_outbox WHERE procedure_id = ?');
  const hasRecord = store.writer.prepare('SELECT 1 FROM procedures WHERE id = ?');
  const folder = mkdtempSync(join(tmpdir(), 'rootlog-hub-'));
  try {
    let last = readSeq();
    for (;;) {
      const batch = await client.query<{ seq: string; record: ExportedRecord }>(
        'SELECT seq, record FROM hub_records WHERE seq > $1 ORDER BY seq LIMIT $2',
        [last, PULL_BATCH],
      );
      if (batch.rows.length === 0) break;
      const file = join(folder, `pull-${last}.json`);
      writeFileSync(file, JSON.stringify({ ...header, procedures: batch.rows.map((row) => row.record) }));
      const merged = await importFile(store, file, { actor: context.actor });
      report.pulled += merged.added;
      report.followUpsPulled += merged.followUpsAdded;
      for (const conflict of merged.conflicts) report.conflicts.push({ id: conflict.id, reason: conflict.reason });
      for (const rejection of merged.rejected) {
        report.refused.push({ id: rejection.id, reason: rejection.problems.map((p) => p.message).join('; ') });
      }
      last = Number(batch.rows[batch.rows.length - 1]?.seq);
      // What came from the hub need not go back: its outbox row goes when this console's
      // latest version is the server's (a record amended here meanwhile stays queued).
      store.writer.db
        .transaction(() => {
          for (const { record } of batch.rows) {
            // A record the import refused is not here (and was reported): nothing to dequeue.
            if (!hasRecord.get(record.id)) continue;
            const here = readExportedRecord(store.writer, record.id);
            const mine = versionsOf(here);
            const theirs = versionsOf(record);
            const followUps = new Set(record.followUps.map((entry) => entry.id));
            const same =
              mine.length === theirs.length &&
              continues(mine, theirs) &&
              here.followUps.every((entry) => followUps.has(entry.id));
            if (same) dequeue.run(record.id);
          }
          saveSeq.run(seqKey, JSON.stringify(last));
        })
        .immediate();
      report.lastSeq = last;
      if (batch.rows.length < PULL_BATCH) break;
    }
    report.lastSeq = Math.max(report.lastSeq, last);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One push and one pull. Errors (server down, wrong password) reject with words; nothing is half done. */
export async function syncOnce(
  store: Store,
  server: ServerConfig,
  context: ServiceContext,
  /** Push only, or pull only (the benchmark times them apart); both by default. */
  parts: { push?: boolean; pull?: boolean } = {},
): Promise<SyncReport> {
  const report: SyncReport = {
    pushed: 0,
    unchanged: 0,
    pulled: 0,
    followUpsPulled: 0,
    conflicts: [],
    refused: [],
    pending: 0,
    lastSeq: 0,
  };
  const client = await connectHub(server);
  try {
    await ensureServerSchema(client);
    if (parts.push !== false) await push(client, store, report, context);
    if (parts.pull !== false) await pull(client, store, server, report, context);
  } finally {
    await client.end().catch(() => undefined);
  }
  report.pending = store.reader.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
  return report;
}
