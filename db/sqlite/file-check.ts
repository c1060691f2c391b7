import Database from 'better-sqlite3';
import type { ReadableDb } from './connection.js';
import { nativeBinding } from './native-binding.js';
import { KEY_SETTING } from './state-chain.js';

/*
 * The SQL of `rootlog check` and of a backup's copy (db/maintenance.ts keeps the rules: what
 * passes, where files go). Reads only, except on a backup's own copy before it is placed.
 */

/** The tables `check` counts the rows of. */
export const COUNTED_TABLES = [
  'procedures',
  'targets',
  'target_spread',
  'caudal_spread',
  'drug_administrations',
  'complications',
  'procedure_indications',
  'procedure_versions',
  'operators',
  'drug_catalogue',
  'settings',
  'audit_log',
] as const;

export const schemaVersionOf = (db: ReadableDb) => db.pragma('user_version', { simple: true }) as number;

/** SQLite's full integrity check (its messages: ['ok'] when sound) and how many foreign keys point nowhere. */
export function fileIntegrity(db: ReadableDb): { messages: string[]; foreignKeyViolations: number } {
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  return {
    messages: integrity.map((row) => row.integrity_check),
    foreignKeyViolations: (db.pragma('foreign_key_check') as unknown[]).length,
  };
}

/** The rows of each counted table (none before schema 1). */
export function tableCounts(db: ReadableDb, schemaVersion: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES)
    counts[table] = schemaVersion >= 1 ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0;
  return counts;
}

/**
 * Makes a backup's copy one self-contained file (no -wal or -shm beside it: it is copied,
 * mailed, archived), without the pseudonym key when asked (a copy that leaves the department
 * keeps no means to re-identify pseudonymised exports), and checks it whole.
 */
export function finishBackupCopy(path: string, excludeKey: boolean): { integrity: string; procedures: number } {
  const copy = new Database(path, { nativeBinding: nativeBinding() });
  try {
    copy.pragma('journal_mode = DELETE');
    if (excludeKey) {
      copy.prepare('DELETE FROM settings WHERE key = ?').run(KEY_SETTING);
      copy.exec('VACUUM');
    }
    return {
      integrity: String(copy.pragma('integrity_check', { simple: true })),
      procedures: copy.prepare('SELECT count(*) FROM procedures').pluck().get() as number,
    };
  } finally {
    copy.close();
  }
}
