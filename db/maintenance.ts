import { existsSync, renameSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyDurably } from './files/durable-copy.js';
import { writingTo } from './files/output-guard.js';
import { partialPath, releasePartial, removeLeftovers, removePartial } from './files/partial-files.js';
import { writeFailure } from './files/write-failure.js';
import type { ChainHead } from './ledger/head.js';
import { type LedgerReport, verifyLedger } from './ledger/verify.js';
import type { BackupReport } from './model/answers.js';
import { REFUSAL_MESSAGES as R, RootLogError, sentence } from './model/index.js';
import { proceduresWithWrongFacts } from './sqlite/dashboard-facts.js';
import { fileIntegrity, finishBackupCopy, schemaVersionOf, tableCounts } from './sqlite/file-check.js';
import { SCHEMA_VERSION } from './sqlite/migrations/index.js';
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

/**
 * Full integrity check, foreign keys, schema version, row counts and the tamper evidence
 * (ledger/verify.ts), without writing anything. `expectHead` is a chain head kept elsewhere.
 */
export function checkDatabase(path: string, { expectHead }: { expectHead?: ChainHead } = {}): CheckReport {
  if (!existsSync(path)) throw new RootLogError('database_unavailable', sentence(R.noLogbookFile, { path }));
  let db: ReturnType<typeof openReadOnlyAnywhere> | undefined;
  try {
    checkHeader(path);
    db = openReadOnlyAnywhere(path);
    checkSchema(db, path, schemaVersionOf(db));
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
  try {
    const { messages, foreignKeyViolations } = fileIntegrity(db);
    const schemaVersion = schemaVersionOf(db);
    const sound = messages.length === 1 && messages[0] === 'ok';
    const wrong = schemaVersion >= 2 && sound ? proceduresWithWrongFacts(db) : [];
    const ledger = schemaVersion === SCHEMA_VERSION && sound ? verifyLedger(db, expectHead) : null;
    const counts = tableCounts(db, schemaVersion);
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

/** How far a backup has got: the pages copied so far, then checking the copy, then putting it in place. */
export type BackupProgress =
  | { stage: 'copying'; pages: number; totalPages: number }
  | { stage: 'checking' }
  | { stage: 'placing' };

/**
 * Copies a live database with SQLite's online backup API (consistent even while the app
 * writes), to a temporary name first; only a copy that opens and passes integrity_check
 * is renamed into place.
 */
export async function backupDatabase(
  store: Store,
  outPath: string,
  {
    force = false,
    excludeKey = false,
    onProgress,
  }: { force?: boolean; excludeKey?: boolean; onProgress?: (progress: BackupProgress) => void } = {},
): Promise<BackupReport> {
  return writingTo([outPath], { database: store.path, force, field: 'out' }, () =>
    copyVerified(store, outPath, excludeKey, onProgress),
  );
}

async function copyVerified(
  store: Store,
  outPath: string,
  excludeKey: boolean,
  onProgress: ((progress: BackupProgress) => void) | undefined,
): Promise<BackupReport> {
  const destination = dirname(resolve(outPath));
  // A copy that is to leave without the key is made and stripped of it beside the logbook,
  // where the key is anyway: the destination only ever receives a copy that never held it.
  // A full copy may be made where it goes: nothing in it is more than the backup will be.
  const workshop = excludeKey ? dirname(resolve(store.path)) : destination;
  // What a backup killed on the way left (partial-files.ts) goes first.
  removeLeftovers(destination, outPath);
  if (workshop !== destination) removeLeftovers(workshop);
  const made = partialPath(outPath, workshop);
  let placed: string | null = null;
  // The folder being written when something fails: its disk is the one the message names.
  let writing = workshop;
  try {
    // From a read-only connection of its own: the copy never holds the writer.
    await store.snapshot((read) =>
      read.db.backup(made, {
        progress: ({ totalPages, remainingPages }) => {
          onProgress?.({ stage: 'copying', pages: totalPages - remainingPages, totalPages });
          return BACKUP_PAGES_PER_STEP;
        },
      }),
    );
    onProgress?.({ stage: 'checking' });
    const { integrity, procedures } = finishBackupCopy(made, excludeKey);
    if (integrity !== 'ok')
      throw new RootLogError('database_corrupt', sentence(R.backupCopyDamaged, { why: integrity }));
    onProgress?.({ stage: 'placing' });
    if (statSync(workshop).dev === statSync(destination).dev) renameSync(made, outPath);
    else {
      // Another disk: copied beside its place under a temporary name, checked, then renamed.
      placed = partialPath(outPath);
      writing = destination;
      copyDurably(made, placed);
      renameSync(placed, outPath);
      releasePartial(placed);
      removePartial(made);
    }
    releasePartial(made);
    const { size } = statSync(outPath);
    return { path: outPath, bytes: size, procedures, integrity, keyExcluded: excludeKey };
  } catch (error) {
    removePartial(made);
    if (placed) removePartial(placed);
    throw writeFailure(outPath, error, 'backup', writing);
  }
}

/** Pages the online backup copies between two progress reports. */
const BACKUP_PAGES_PER_STEP = 256;
