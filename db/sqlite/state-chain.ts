import type Database from 'better-sqlite3';
import { connectionSettingsPatchSchema } from '../model/connection-settings.js';
import { settingsPatchSchema } from '../model/settings.js';
import { preparedOn, type ReadableDb, type WriteConnection } from './connection.js';
import { GENESIS, type StateLink, stateFingerprint, stateHash, stateText } from './hash-chain.js';
import { RECORD_TABLES, type RecordRows, readRecordRows } from './procedure-rows.js';

/*
 * The state chain (schema 19): what reports, exports and rules read besides the records'
 * content — the department's settings, the operators, the drug catalogue (and the catalogue
 * as it was at schema 6), and each signed record's stored rows — kept as fingerprints in a
 * hash chain of their own, a link appended in the very transaction of each change. `check`
 * recomputes each fingerprint from what is stored and compares it with the chain's latest,
 * so a change made behind the app (sqlite3, triggers dropped) shows, and the chain head kept
 * elsewhere covers them too. Only fingerprints are kept, never the values: the pseudonym key
 * and any credential stay where they are.
 *
 * Rows are read whole (SELECT *), so a column another migration adds is covered as soon as it
 * holds a value; a migration that gives existing rows a value (a non-empty default, a
 * backfill) of a chained table or of a signed record re-chains them (`rechainAll`) in its
 * own transaction.
 */

/** The tables whose every row is chained, each by its key column. */
export const CHAINED_TABLES = {
  operators: 'id',
  drug_catalogue: 'code',
  drug_catalogue_at_schema_6: 'code',
} as const;
export type ChainedTable = keyof typeof CHAINED_TABLES;

/**
 * The settings that are chained: every setting the department can set (the settings and the
 * connection settings patches, as the model declares them) and the pseudonym key. Other keys
 * of the settings table are the console's own bookkeeping (the last integrity check, the hub's
 * cursors, the backup schedule and log), read by no report, export or rule.
 */
export const CHAINED_SETTINGS: readonly string[] = [
  ...Object.keys(settingsPatchSchema.shape),
  ...Object.keys(connectionSettingsPatchSchema.shape),
  'pseudonymKey',
];
const chainedSetting = new Set(CHAINED_SETTINGS);
export const isChainedSetting = (key: string) => chainedSetting.has(key);

/** A backup made with --exclude-key removes the key from the copy: its absence is no change. */
export const KEY_SETTING = 'pseudonymKey';

export type Subject = 'settings' | ChainedTable | 'procedure';

/**
 * A signed record's seal: the fingerprint of its stored rows, every column of every table it
 * is made of, each table's rows in a fixed order; a table it has no rows in is left out (so a
 * table added later leaves the seals of older records as they were).
 */
export function sealOf(rows: Partial<RecordRows>): string {
  const sealed: Record<string, string[]> = {};
  for (const [table, tableRows] of Object.entries(rows)) {
    if (tableRows && tableRows.length > 0) sealed[table] = tableRows.map(stateText).sort();
  }
  return stateFingerprint('procedure', sealed);
}

/** What the chain keeps of a subject's key as it is stored now (null: there is none). */
export function currentFingerprint(db: ReadableDb, subject: Subject, key: string): string | null {
  if (subject === 'procedure') {
    const rows = readRecordRows(db, key);
    return rows.procedures.length === 0 ? null : sealOf(rows);
  }
  if (subject === 'settings') {
    const value = preparedOn(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return value === undefined ? null : stateFingerprint('settings', JSON.parse(value));
  }
  const row = preparedOn(db, `SELECT * FROM ${subject} WHERE ${CHAINED_TABLES[subject]} = ?`).get(key);
  return row === undefined ? null : stateFingerprint(subject, row);
}

/** The chain's latest fingerprint of a subject's key (undefined: never chained). */
export function chainedFingerprint(db: ReadableDb, subject: Subject, key: string): string | null | undefined {
  const row = preparedOn(
    db,
    'SELECT fingerprint FROM state_chain WHERE subject = ? AND key = ? ORDER BY seq DESC LIMIT 1',
  ).get(subject, key) as { fingerprint: string | null } | undefined;
  return row?.fingerprint;
}

/** Appends the next link of the state chain; call it in the transaction of the change. */
function appendState(write: WriteConnection, subject: string, key: string, fingerprint: string | null): void {
  const last = write.prepare('SELECT seq, hash FROM state_chain ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const link: StateLink = { seq: (last?.seq ?? 0) + 1, subject, key, fingerprint };
  write
    .prepare(
      'INSERT INTO state_chain (seq, subject, key, fingerprint, hash) VALUES (@seq, @subject, @key, @fingerprint, @hash)',
    )
    .run({ ...link, hash: stateHash(last?.hash ?? GENESIS, link) });
}

/** Appends a link when `now` differs from the chain's latest fingerprint of the subject's key. */
function chainIfChanged(write: WriteConnection, subject: string, key: string, now: string | null): void {
  const chained = chainedFingerprint(write.db, subject as Subject, key);
  if (chained === undefined ? now === null : chained === now) return;
  appendState(write, subject, key, now);
}

/** Chains a subject's key as it is stored now, if it differs from the chain's latest (a no-op otherwise). */
export function chainState(write: WriteConnection, subject: Subject, key: string): void {
  if (subject === 'settings' && !isChainedSetting(key)) return;
  chainIfChanged(write, subject, key, currentFingerprint(write.db, subject, key));
}

/** Seals a signed record's rows as just written (sign, amend, a record brought in whole). */
export const sealRecord = (write: WriteConnection, id: string) => chainState(write, 'procedure', id);

/** Every chained setting (after a change of the department's settings). */
export function chainSettings(write: WriteConnection): void {
  for (const key of CHAINED_SETTINGS) chainState(write, 'settings', key);
}

/** What a migration chains, as that migration's schema has it (its own lists: a migration never changes). */
export interface ChainedAtSchema {
  settings: readonly string[];
  tables: Readonly<Record<string, string>>;
  recordTables: readonly string[];
}

/**
 * Chains everything chained as it is stored now: the settings, every row of the chained
 * tables and every signed record's rows, by the lists given. Run by the migration that made
 * the chain (with its lists), and by a later migration that rewrites chained rows (with its own).
 */
export function chainAsStored(write: WriteConnection, lists: ChainedAtSchema): void {
  const db = write.db;
  for (const key of lists.settings) {
    const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    chainIfChanged(
      write,
      'settings',
      key,
      value === undefined ? null : stateFingerprint('settings', JSON.parse(value)),
    );
  }
  for (const [table, column] of Object.entries(lists.tables)) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${column}`).all() as Record<string, unknown>[])
      chainIfChanged(write, table, String(row[column]), stateFingerprint(table, row));
  }
  // A migration that rewrote no record's rows chains no seal again.
  if (lists.recordTables.length === 0) return;
  const reads = lists.recordTables.map(
    (table) =>
      [
        table,
        db.prepare(`SELECT * FROM ${table} WHERE ${table === 'procedures' ? 'id' : 'procedure_id'} = ?`),
      ] as const,
  );
  const signed = db
    .prepare("SELECT id FROM procedures WHERE status <> 'draft' ORDER BY rowid")
    .pluck()
    .all() as string[];
  for (const id of signed) {
    const rows = Object.fromEntries(reads.map(([table, read]) => [table, read.all(id) as Record<string, unknown>[]]));
    chainIfChanged(write, 'procedure', id, sealOf(rows as Partial<RecordRows>));
  }
}

/**
 * Gives every row of a chained table that has no link at all one as it is stored now; a row
 * that has a link is left alone, even when it differs from it (that difference is what check
 * reports, and a migration must not bless it).
 */
export function chainUnlinked(write: WriteConnection, table: string, column: string): void {
  for (const row of write.db.prepare(`SELECT * FROM ${table} ORDER BY ${column}`).all() as Record<string, unknown>[]) {
    const key = String(row[column]);
    if (chainedFingerprint(write.db, table as Subject, key) === undefined)
      appendState(write, table, key, stateFingerprint(table, row));
  }
}

/** chainAsStored with today's lists. */
export const rechainAll = (write: WriteConnection) =>
  chainAsStored(write, { settings: CHAINED_SETTINGS, tables: CHAINED_TABLES, recordTables: RECORD_TABLES });

/** The state chain's links in order, with their hashes (for `check`, ledger/state.ts). */
export const stateChainRows = (db: Database.Database) =>
  db.prepare('SELECT seq, subject, key, fingerprint, hash FROM state_chain ORDER BY seq').iterate() as IterableIterator<
    StateLink & { hash: string }
  >;

/** Every row of a chained table as stored, to compare with its latest link. */
export const chainedRows = (db: Database.Database, table: ChainedTable) =>
  db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>;
