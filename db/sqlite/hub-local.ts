import type { ConflictDecision } from '../model/index.js';
import type { ReadConnection, WriteConnection } from './connection.js';
import { GENESIS } from './hash-chain.js';

/*
 * The console's side of the department hub in SQLite (schema 13): its public key, where each
 * pull stands, what came from the hub, what was refused, conflicts. SQL only: the rules, and
 * the writes that are audited, are in db/hub/.
 */

const now = () => new Date().toISOString();

// ---- this console's public key

export function readConsoleKeyRow(read: ReadConnection): { publicKey: string; keptIn: string } | null {
  const row = read
    .prepare('SELECT public_key AS publicKey, kept_in AS keptIn FROM hub_console_key WHERE id = 1')
    .get() as { publicKey: string; keptIn: string } | undefined;
  return row ?? null;
}

/** Keeps the console's public key (a new one replaces the old); the caller audits it. */
export function writeConsoleKeyRow(write: WriteConnection, publicKey: string, keptIn: string): void {
  write
    .prepare(
      `INSERT INTO hub_console_key (id, public_key, kept_in, created_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET public_key = excluded.public_key, kept_in = excluded.kept_in, created_at = excluded.created_at`,
    )
    .run(publicKey, keptIn, now());
}

// ---- positions and what each hub was seen to hold

export interface HubPosition {
  xid: string;
  seq: string;
}
const START: HubPosition = { xid: '0', seq: '0' };

export function readPosition(read: ReadConnection, hubId: string, stream: string): HubPosition {
  return (
    (read.prepare('SELECT xid, seq FROM hub_positions WHERE hub_id = ? AND stream = ?').get(hubId, stream) as
      | HubPosition
      | undefined) ?? START
  );
}

export function savePosition(write: WriteConnection, hubId: string, stream: string, position: HubPosition): void {
  write
    .prepare(
      `INSERT INTO hub_positions (hub_id, stream, xid, seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (hub_id, stream) DO UPDATE SET xid = excluded.xid, seq = excluded.seq`,
    )
    .run(hubId, stream, position.xid, position.seq);
}

export function forgetPositions(write: WriteConnection, hubId: string): void {
  write.prepare('DELETE FROM hub_positions WHERE hub_id = ?').run(hubId);
}

export interface HubSeen {
  seq: string;
  stream: string | null;
  rowKey: string | null;
  horizon: string;
}

export function readSeen(read: ReadConnection, hubId: string): HubSeen | null {
  return (
    (read.prepare('SELECT seq, stream, row_key AS rowKey, horizon FROM hub_seen WHERE hub_id = ?').get(hubId) as
      | HubSeen
      | undefined) ?? null
  );
}

/** Whether this console has met any hub before (a new one then means: push again what it lacks). */
export const hubsSeen = (read: ReadConnection): number =>
  read.prepare('SELECT count(*) FROM hub_seen').pluck().get() as number;

export function saveSeen(write: WriteConnection, hubId: string, seen: HubSeen): void {
  const at = now();
  write
    .prepare(
      `INSERT INTO hub_seen (hub_id, seq, stream, row_key, horizon, first_seen_at, last_sync_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hub_id) DO UPDATE SET seq = excluded.seq, stream = excluded.stream, row_key = excluded.row_key,
         horizon = excluded.horizon, last_sync_at = excluded.last_sync_at`,
    )
    .run(hubId, seen.seq, seen.stream, seen.rowKey, seen.horizon, at, at);
}

// ---- the outbox (schema 12)

export const queuedRecords = (read: ReadConnection): { id: string; at: string }[] =>
  read
    .prepare('SELECT procedure_id AS id, queued_at AS at FROM sync_outbox ORDER BY queued_at, procedure_id')
    .all() as {
    id: string;
    at: string;
  }[];

export const pendingCount = (read: ReadConnection): number =>
  read.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;

/** The outbox row goes once the hub has the record, unless something was queued for it meanwhile. */
export function dequeue(write: WriteConnection, id: string, queuedAt: string): void {
  write.prepare('DELETE FROM sync_outbox WHERE procedure_id = ? AND queued_at = ?').run(id, queuedAt);
}

export function queueAgain(write: WriteConnection, ids: readonly string[]): void {
  const queue = write.prepare(
    "INSERT OR IGNORE INTO sync_outbox (procedure_id, queued_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
  );
  for (const id of ids) queue.run(id);
}

/** What came from the hub need not go back: the trigger queued it, this takes it out again. */
export function unqueueReceived(write: WriteConnection, id: string, wasQueued: boolean): void {
  if (!wasQueued) write.prepare('DELETE FROM sync_outbox WHERE procedure_id = ?').run(id);
}

export const isQueued = (read: ReadConnection, id: string): boolean =>
  read.prepare('SELECT 1 FROM sync_outbox WHERE procedure_id = ?').get(id) !== undefined;

// ---- what a push reads

export interface RecordLifeRow {
  id: string;
  consoleName: string;
  status: string;
  version: number;
  createdAt: string;
  createdBy: string;
}

const inList = (ids: readonly string[]) => JSON.stringify(ids);

export function recordLives(read: ReadConnection, ids: readonly string[]): RecordLifeRow[] {
  return read
    .prepare(
      `SELECT id, console_name AS consoleName, status, version, created_at AS createdAt, created_by AS createdBy
         FROM procedures WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(inList(ids)) as RecordLifeRow[];
}

export interface StoredVersionRow {
  procedureId: string;
  version: number;
  content: string;
  signedBy: string;
  signedAt: string;
  reason: string | null;
  /** Who proved the signature and what it means (schema 20; null before). */
  signerId: string | null;
  meaning: string | null;
  hash: string | null;
  previousHash: string;
}

/** The signed versions of these records as stored, with the hash link each follows. */
export function storedVersions(read: ReadConnection, ids: readonly string[]): StoredVersionRow[] {
  return read
    .prepare(
      `SELECT procedure_id AS procedureId, version, content, signed_by AS signedBy, signed_at AS signedAt, reason,
              signer_id AS signerId, meaning, hash,
              coalesce((SELECT p.hash FROM procedure_versions p WHERE p.rowid < v.rowid ORDER BY p.rowid DESC LIMIT 1), '${GENESIS}') AS previousHash
         FROM procedure_versions v WHERE procedure_id IN (SELECT value FROM json_each(?)) ORDER BY procedure_id, version`,
    )
    .all(inList(ids)) as StoredVersionRow[];
}

/** The warnings the signer (version 1) or amender confirmed, from their audit rows. */
export function confirmedWarningsOf(read: ReadConnection, ids: readonly string[]): Map<string, string[]> {
  const rows = read
    .prepare(
      `SELECT entity_id AS id, version, json_extract(changes, '$.confirmedWarnings.after') AS confirmed
         FROM audit_log WHERE entity = 'procedure' AND action IN ('sign', 'amend')
          AND entity_id IN (SELECT value FROM json_each(?))`,
    )
    .all(inList(ids)) as { id: string; version: number; confirmed: string | null }[];
  const found = new Map<string, string[]>();
  for (const row of rows) {
    let codes: unknown = [];
    try {
      codes = row.confirmed ? JSON.parse(row.confirmed) : [];
    } catch {
      codes = [];
    }
    found.set(
      `${row.id}:${row.version}`,
      Array.isArray(codes) ? codes.filter((code): code is string => typeof code === 'string') : [],
    );
  }
  return found;
}

export interface StoredFollowUpRow {
  id: string;
  procedureId: string;
  contactDate: string;
  daysAfter: number;
  method: string;
  legNrs: number | null;
  backNrs: number | null;
  globalImpression: string | null;
  reliefPercent: number | null;
  newComplications: string;
  furtherTreatment: string | null;
  notes: string | null;
  supersedes: string | null;
  /** Who proved the entry and what it means (schema 20; null before). */
  recordedById: string | null;
  meaning: string | null;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
  hash: string;
  previousHash: string;
  receivedFrom: string | null;
}

export function storedFollowUps(read: ReadConnection, ids: readonly string[]): StoredFollowUpRow[] {
  return read
    .prepare(
      `SELECT f.id, procedure_id AS procedureId, contact_date AS contactDate, days_after AS daysAfter, method,
              leg_nrs AS legNrs, back_nrs AS backNrs, global_impression AS globalImpression, relief_percent AS reliefPercent,
              new_complications AS newComplications, further_treatment AS furtherTreatment, notes, supersedes, reason,
              recorded_by AS recordedBy, recorded_at AS recordedAt, recorded_by_id AS recordedById, meaning, hash,
              coalesce((SELECT p.hash FROM follow_up_entries p WHERE p.rowid < f.rowid ORDER BY p.rowid DESC LIMIT 1), '${GENESIS}') AS previousHash,
              r.console AS receivedFrom
         FROM follow_up_entries f LEFT JOIN hub_received_follow_ups r ON r.id = f.id
        WHERE procedure_id IN (SELECT value FROM json_each(?)) ORDER BY f.rowid`,
    )
    .all(inList(ids)) as StoredFollowUpRow[];
}

// ---- what came from the hub

/** The latest hub version received for each of these records, and the local version it became. */
export function receivedVersions(
  read: ReadConnection,
  ids: readonly string[],
): Map<string, { hubVersion: number; localVersion: number; console: string }> {
  const rows = read
    .prepare(
      `SELECT record_id AS id, max(hub_version) AS hubVersion, local_version AS localVersion, console
         FROM hub_received_versions WHERE record_id IN (SELECT value FROM json_each(?)) GROUP BY record_id`,
    )
    .all(inList(ids)) as { id: string; hubVersion: number; localVersion: number; console: string }[];
  return new Map(rows.map((row) => [row.id, row]));
}

export function latestReceived(
  read: ReadConnection,
  id: string,
): { hubVersion: number; localVersion: number; signedAt: string } | null {
  return (
    (read
      .prepare(
        `SELECT r.hub_version AS hubVersion, r.local_version AS localVersion, v.signed_at AS signedAt
           FROM hub_received_versions r JOIN procedure_versions v ON v.procedure_id = r.record_id AND v.version = r.local_version
          WHERE r.record_id = ? ORDER BY r.hub_version DESC LIMIT 1`,
      )
      .get(id) as { hubVersion: number; localVersion: number; signedAt: string } | undefined) ?? null
  );
}

export function recordReceivedVersion(
  write: WriteConnection,
  id: string,
  hubVersion: number,
  localVersion: number,
  console: string,
): void {
  write
    .prepare(
      'INSERT OR IGNORE INTO hub_received_versions (record_id, hub_version, local_version, console, received_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(id, hubVersion, localVersion, console, now());
}

export function recordReceivedFollowUp(write: WriteConnection, id: string, console: string): void {
  write
    .prepare('INSERT OR IGNORE INTO hub_received_follow_ups (id, console, received_at) VALUES (?, ?, ?)')
    .run(id, console, now());
}

export interface LocalVersionRow {
  version: number;
  content: string;
  signedAt: string;
}

export const localVersion = (read: ReadConnection, id: string, version: number): LocalVersionRow | undefined =>
  read
    .prepare(
      'SELECT version, content, signed_at AS signedAt FROM procedure_versions WHERE procedure_id = ? AND version = ?',
    )
    .get(id, version) as LocalVersionRow | undefined;

// ---- the catalogue as last synced

export function catalogueState(read: ReadConnection): Map<string, { version: number; digest: string }> {
  const rows = read.prepare('SELECT kind, key, hub_version AS version, digest FROM hub_catalogue_state').all() as {
    kind: string;
    key: string;
    version: number;
    digest: string;
  }[];
  return new Map(rows.map((row) => [`${row.kind}:${row.key}`, { version: row.version, digest: row.digest }]));
}

export function saveCatalogueState(
  write: WriteConnection,
  kind: string,
  key: string,
  version: number,
  digest: string,
): void {
  write
    .prepare(
      `INSERT INTO hub_catalogue_state (kind, key, hub_version, digest) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, key) DO UPDATE SET hub_version = excluded.hub_version, digest = excluded.digest`,
    )
    .run(kind, key, version, digest);
}

// ---- refusals (kept for IT) and rows waiting for another

export interface RefusalRow {
  hubId: string;
  stream: string;
  seq: string;
  subject: string;
  console: string | null;
  /** As words (storedRefusalReason, db/hub/local-state.ts); a row an earlier RootLog kept: an English sentence. */
  reason: string;
  entry: string | null;
  signature: string | null;
}

export function keepRefusal(write: WriteConnection, refusal: RefusalRow): void {
  write
    .prepare(
      `INSERT OR IGNORE INTO hub_refusals (hub_id, stream, seq, subject, console, reason, entry, signature, refused_at)
       VALUES (@hubId, @stream, @seq, @subject, @console, @reason, @entry, @signature, @at)`,
    )
    .run({ ...refusal, at: now() });
  forgetWaiting(write, refusal.hubId, refusal.stream, refusal.seq);
}

export function listRefusals(
  read: ReadConnection,
  limit: number,
): { stream: string; subject: string; console: string | null; reason: string; at: string; waiting: boolean }[] {
  return read
    .prepare(
      `SELECT stream, subject, console, reason, at, waiting FROM (
         SELECT stream, subject, console, reason, refused_at AS at, 0 AS waiting FROM hub_refusals
         UNION ALL SELECT stream, subject, NULL, reason, since, 1 FROM hub_waiting)
        ORDER BY at DESC LIMIT ?`,
    )
    .all(limit)
    .map((row) => {
      const found = row as {
        stream: string;
        subject: string;
        console: string | null;
        reason: string;
        at: string;
        waiting: number;
      };
      return { ...found, waiting: found.waiting === 1 };
    });
}

export const refusalCount = (read: ReadConnection): number =>
  read
    .prepare('SELECT (SELECT count(*) FROM hub_refusals) + (SELECT count(*) FROM hub_waiting)')
    .pluck()
    .get() as number;

export function keepWaiting(
  write: WriteConnection,
  row: { hubId: string; stream: string; seq: string; subject: string; reason: string },
): void {
  write
    .prepare(
      `INSERT INTO hub_waiting (hub_id, stream, seq, subject, reason, since) VALUES (@hubId, @stream, @seq, @subject, @reason, @since)
       ON CONFLICT (hub_id, stream, seq) DO UPDATE SET reason = excluded.reason`,
    )
    .run({ ...row, since: now() });
}

export const waitingCount = (read: ReadConnection, hubId: string): number =>
  read.prepare('SELECT count(*) FROM hub_waiting WHERE hub_id = ?').pluck().get(hubId) as number;

export function forgetWaiting(write: WriteConnection, hubId: string, stream: string, seq: string): void {
  write.prepare('DELETE FROM hub_waiting WHERE hub_id = ? AND stream = ? AND seq = ?').run(hubId, stream, seq);
}

export const waitingRows = (read: ReadConnection, hubId: string, stream: string): string[] =>
  read
    .prepare('SELECT seq FROM hub_waiting WHERE hub_id = ? AND stream = ? ORDER BY length(seq), seq LIMIT 5000')
    .pluck()
    .all(hubId, stream) as string[];

// ---- conflicts

export interface LocalConflictRow {
  id: string;
  recordId: string;
  owner: string;
  proposer: string;
  baseVersion: number;
  entry: string;
  signature: string;
  recordedAt: string;
  onHub: number;
  decision: ConflictDecision | null;
  decidedVersion: number | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionOnHub: number;
}

const CONFLICT_COLUMNS = `id, record_id AS recordId, owner, proposer, base_version AS baseVersion, entry, signature,
  recorded_at AS recordedAt, on_hub AS onHub, decision, decided_version AS decidedVersion, resolved_at AS resolvedAt,
  resolved_by AS resolvedBy, resolution_on_hub AS resolutionOnHub`;

export function keepConflict(
  write: WriteConnection,
  conflict: Pick<
    LocalConflictRow,
    'id' | 'recordId' | 'owner' | 'proposer' | 'baseVersion' | 'entry' | 'signature' | 'onHub'
  >,
): void {
  write
    .prepare(
      `INSERT INTO hub_conflicts (id, record_id, owner, proposer, base_version, entry, signature, recorded_at, on_hub)
       VALUES (@id, @recordId, @owner, @proposer, @baseVersion, @entry, @signature, @at, @onHub)
       ON CONFLICT (id) DO UPDATE SET on_hub = max(on_hub, excluded.on_hub)`,
    )
    .run({ ...conflict, at: now() });
}

export const conflictById = (read: ReadConnection, id: string): LocalConflictRow | undefined =>
  read.prepare(`SELECT ${CONFLICT_COLUMNS} FROM hub_conflicts WHERE id = ?`).get(id) as LocalConflictRow | undefined;

export const openConflicts = (read: ReadConnection): LocalConflictRow[] =>
  read
    .prepare(`SELECT ${CONFLICT_COLUMNS} FROM hub_conflicts WHERE decision IS NULL ORDER BY recorded_at`)
    .all() as LocalConflictRow[];

export const openConflictCount = (read: ReadConnection): number =>
  read.prepare('SELECT count(*) FROM hub_conflicts WHERE decision IS NULL').pluck().get() as number;

export const conflictsToPush = (read: ReadConnection): LocalConflictRow[] =>
  read
    .prepare(`SELECT ${CONFLICT_COLUMNS} FROM hub_conflicts WHERE on_hub = 0 ORDER BY recorded_at`)
    .all() as LocalConflictRow[];

export const resolutionsToPush = (read: ReadConnection): LocalConflictRow[] =>
  read
    .prepare(
      `SELECT ${CONFLICT_COLUMNS} FROM hub_conflicts WHERE decision IS NOT NULL AND resolution_on_hub = 0 ORDER BY resolved_at`,
    )
    .all() as LocalConflictRow[];

export function markConflictOnHub(write: WriteConnection, id: string): void {
  write.prepare('UPDATE hub_conflicts SET on_hub = 1 WHERE id = ?').run(id);
}

export function markResolutionOnHub(write: WriteConnection, id: string): void {
  write.prepare('UPDATE hub_conflicts SET resolution_on_hub = 1 WHERE id = ?').run(id);
}

/** Re-push after a restore: what this console added is pushed again (the hub ignores what it has). */
export function pushConflictsAgain(write: WriteConnection, console: string): void {
  write.prepare('UPDATE hub_conflicts SET on_hub = 0 WHERE proposer = ?').run(console);
  write.prepare('UPDATE hub_conflicts SET resolution_on_hub = 0 WHERE owner = ? AND decision IS NOT NULL').run(console);
}

export function resolveConflictRow(
  write: WriteConnection,
  id: string,
  resolution: { decision: ConflictDecision; version: number; by: string; at: string; onHub: boolean },
): void {
  write
    .prepare(
      `UPDATE hub_conflicts SET decision = ?, decided_version = ?, resolved_by = ?, resolved_at = ?, resolution_on_hub = ?
        WHERE id = ? AND decision IS NULL`,
    )
    .run(resolution.decision, resolution.version, resolution.by, resolution.at, resolution.onHub ? 1 : 0, id);
}

// ---- reconcile after a restore

export const ownSignedRecords = (read: ReadConnection, consoleName: string): { id: string; version: number }[] =>
  read.prepare("SELECT id, version FROM procedures WHERE console_name = ? AND status <> 'draft'").all(consoleName) as {
    id: string;
    version: number;
  }[];

/** Follow-ups made here (not received from the hub), with their record. */
export const ownFollowUps = (read: ReadConnection): { id: string; procedureId: string }[] =>
  read
    .prepare(
      `SELECT f.id, f.procedure_id AS procedureId FROM follow_up_entries f
        WHERE NOT EXISTS (SELECT 1 FROM hub_received_follow_ups r WHERE r.id = f.id)`,
    )
    .all() as { id: string; procedureId: string }[];
