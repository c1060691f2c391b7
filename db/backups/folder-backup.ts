import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupReport, backupDatabase } from '../maintenance.js';
import { type BackupFailureReason, REFUSAL_MESSAGES as R, RootLogError, sentence, type Words } from '../model/index.js';
import { getSettings } from '../settings.js';
import type { Store } from '../store.js';
import { logbookId } from './identity.js';
import { backupFileName } from './naming.js';
import { noteBackupMade } from './records.js';
import { type RotationReport, rotateBackups } from './rotation.js';

/*
 * One backup into a folder, named by RootLog: the existing online backup, verified with
 * integrity_check before it appears (maintenance.ts), then the folder's oldest backups of this
 * logbook beyond `keep` removed. What goes wrong with the folder — a network share not
 * connected, no permission, a full disk, a share that drops while writing — is said in words
 * naming the folder; nothing half-written is ever left under a backup's name.
 */

export interface FolderBackupReport extends BackupReport {
  /** Rotation's outcome, or null when nothing is removed (no `keep`). */
  rotation: RotationReport | null;
}

export interface FolderBackupOptions {
  folder: string;
  /** Keep this many of the logbook's backups in the folder (the newest); undefined keeps all. */
  keep?: number;
  /** The time the backup is named by (the scheduler's clock). */
  now: Date;
  excludeKey?: boolean;
  by: 'app' | 'command line';
}

const refuse = (words: Words, cause?: unknown) => new RootLogError('validation', words, { field: 'folder', cause });

/** Why the folder cannot take a backup now, or nothing. */
function checkFolder(folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (error) {
    throw explainFolderFailure(folder, error);
  }
  if (!isFolder) throw refuse(sentence(R.backupFolderIsFile, { folder }));
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw explainFolderFailure(folder, error);
  }
}

const codeOf = (error: unknown): string => {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
};

const REASONS: [RegExp, BackupFailureReason][] = [
  [/^(ENOSPC|EDQUOT|SQLITE_FULL)/, 'full'],
  [/^(ENOENT|SQLITE_CANTOPEN|ENOTDIR)/, 'unreachable'],
  [/^(EACCES|EPERM|EROFS|SQLITE_READONLY)/, 'not-allowed'],
  [/^(EIO|ETIMEDOUT|EHOSTDOWN|EHOSTUNREACH|ENOTCONN|ESTALE|ECONNRESET|SQLITE_IOERR)/, 'dropped'],
];

/** Why a backup failed, in a word for the top bar: from the file system's or SQLite's code beneath the message. */
export function failureReason(error: unknown): BackupFailureReason {
  if (error instanceof RootLogError && error.code === 'database_corrupt') return 'not-verified';
  const code = codeOf(error instanceof RootLogError ? error.cause : error);
  return REASONS.find(([pattern]) => pattern.test(code))?.[1] ?? 'other';
}

/**
 * Why the backup folder could not be used, in words. A failure while the copy is written (a
 * full disk, a share that drops) is worded by the backup itself (db/files/write-failure.ts) and
 * passes through as it is.
 */
export function explainFolderFailure(folder: string, error: unknown): RootLogError {
  if (error instanceof RootLogError) return error;
  const code = codeOf(error);
  if (/^(ENOENT|SQLITE_CANTOPEN)/.test(code)) {
    return refuse(sentence(R.backupFolderUnreachable, { folder }), error);
  }
  if (/^(EACCES|EPERM|EROFS|SQLITE_READONLY)/.test(code)) {
    return refuse(sentence(R.backupFolderNotAllowed, { folder }), error);
  }
  if (code === 'ENOTDIR') return refuse(sentence(R.backupFolderNotFolder, { folder }), error);
  return refuse(
    sentence(R.backupFailed, { folder, why: error instanceof Error ? error.message : String(error) }),
    error,
  );
}

export async function backupIntoFolder(store: Store, options: FolderBackupOptions): Promise<FolderBackupReport> {
  const { folder } = options;
  checkFolder(folder);
  // The id goes into the copy, so this logbook's rotation knows the copy as its own.
  const id = logbookId(store);
  const name = backupFileName(getSettings(store).consoleName, options.now);
  let report: BackupReport;
  try {
    report = await backupDatabase(store, join(folder, name), { excludeKey: options.excludeKey });
  } catch (error) {
    throw explainFolderFailure(folder, error);
  }
  noteBackupMade(store, {
    at: options.now.toISOString(),
    path: report.path,
    bytes: report.bytes,
    procedures: report.procedures,
    by: options.by,
  });
  const rotation = options.keep === undefined ? null : rotateBackups(folder, id, options.keep, name);
  return { ...report, rotation };
}
