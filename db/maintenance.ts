import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { writingTo } from './files/output-guard.js';
import type { ChainHead } from './ledger/head.js';
import { type LedgerReport, verifyLedger } from './ledger/verify.js';
import type { BackupReport } from './model/answers.js';
import { RootLogError } from './model/index.js';
import { proceduresWithWrongFacts } from './sqlite/dashboard-facts.js';
import { SCHEMA_VERSION } from './sqlite/migrations/index.js';
import { nativeBinding } from './sqlite/native-binding.js';
import { checkHeader, checkSchema, explainOpenFailure, openReadOnlyAnywhere } from './sqlite/open.js';
import type { Store } from './store.js';

export type { BackupReport } from './model/answers.js';

export interface CheckReport {
  ok: boolean;
  path: string;
  schemaVersion: number;
  appSchemaVersion: number;
  integrity: string[];
  foreignKeyViolations: number;
  /** Procedures whose dashboard facts do not match their own columns (the first few ids). */
  wrongDashboardFacts: { count: number; ids: string[] };
  counts: Record<string, number>;
  /** The hash chains, the protective triggers and signed records against their versions (sound, current files only). */
  ledger: LedgerReport | null;
}

const TABLES = [
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

/**
 * Full integrity check, foreign keys, schema version, row counts and the tamper evidence
 * (ledger/verify.ts), without writing anything. `expectHead` is a chain head kept elsewhere.
 */
export function checkDatabase(path: string, { expectHead }: { expectHead?: ChainHead } = {}): CheckReport {
  if (!existsSync(path)) throw new RootLogError('database_unavailable', `The database file ${path} does not exist.`);
  let db: ReturnType<typeof openReadOnlyAnywhere> | undefined;
  try {
    checkHeader(path);
    db = openReadOnlyAnywhere(path);
    checkSchema(db, path, db.pragma('user_version', { simple: true }) as number);
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const messages = integrity.map((row) => row.integrity_check);
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const sound = messages.length === 1 && messages[0] === 'ok';
    const wrong = schemaVersion >= 2 && sound ? proceduresWithWrongFacts(db) : [];
    const ledger = schemaVersion === SCHEMA_VERSION && sound ? verifyLedger(db, expectHead) : null;
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      counts[table] = schemaVersion >= 1 ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0;
    }
    return {
      ok:
        messages.length === 1 &&
        messages[0] === 'ok' &&
        foreignKeyViolations === 0 &&
        wrong.length === 0 &&
        schemaVersion === SCHEMA_VERSION &&
        ledger?.ok === true,
      path,
      schemaVersion,
      appSchemaVersion: SCHEMA_VERSION,
      integrity: messages,
      foreignKeyViolations,
      wrongDashboardFacts: { count: wrong.length, ids: wrong.slice(0, 10) },
      counts,
      ledger,
    };
  } finally {
    db.close();
  }
}

/**
 * Copies a live database with SQLite's online backup API (consistent even while the app
 * writes), to a temporary name first; only a copy that opens and passes integrity_check
 * is renamed into place.
 */
export async function backupDatabase(
  store: Store,
  outPath: string,
  { force = false, excludeKey = false }: { force?: boolean; excludeKey?: boolean } = {},
): Promise<BackupReport> {
  return writingTo([outPath], { database: store.path, force, field: 'out' }, () =>
    copyVerified(store, outPath, excludeKey),
  );
}

async function copyVerified(store: Store, outPath: string, excludeKey: boolean): Promise<BackupReport> {
  // A name of its own (never an existing file's, which is left alone), beside the target.
  const partial = `${outPath}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  const removePartial = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
  };
  try {
    // From a read-only connection of its own: the copy never holds the writer.
    await store.snapshot((read) => read.db.backup(partial));
    const copy = new Database(partial, { nativeBinding: nativeBinding() });
    let integrity: string;
    let procedures: number;
    try {
      // One self-contained file: no -wal or -shm beside the backup (it is copied, mailed, archived).
      copy.pragma('journal_mode = DELETE');
      if (excludeKey) {
        // A copy that leaves the department keeps no means to re-identify pseudonymised exports.
        copy.prepare("DELETE FROM settings WHERE key = 'pseudonymKey'").run();
        copy.exec('VACUUM');
      }
      integrity = String(copy.pragma('integrity_check', { simple: true }));
      procedures = copy.prepare('SELECT count(*) FROM procedures').pluck().get() as number;
    } finally {
      copy.close();
    }
    if (integrity !== 'ok')
      throw new RootLogError('database_corrupt', `The backup copy failed its integrity check: ${integrity}`);
    renameSync(partial, outPath);
    const { size } = statSync(outPath);
    return { path: outPath, bytes: size, procedures, integrity, keyExcluded: excludeKey };
  } catch (error) {
    removePartial();
    throw error;
  }
}
