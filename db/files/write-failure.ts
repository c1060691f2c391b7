import { dirname, resolve } from 'node:path';
import { type Message, REFUSAL_MESSAGES, RootLogError, sentence, type Words } from '../model/index.js';

/*
 * A file RootLog was asked to write (an export, a backup) that could not be written: why, in
 * the words of the person who chose where it goes, and what that left. The system's wording
 * ("ENOSPC: no space left on device, write", "database or disk is full") never reaches them.
 */

/** What was being written, as the sentence names it. */
export type Output = 'export' | 'backup';

const R = REFUSAL_MESSAGES;
const AGAIN: Record<Output, Message> = { export: R.thenExportAgain, backup: R.thenBackUpAgain };
const UNWRITTEN: Record<Output, Message> = { export: R.exportUnwritten, backup: R.backupUnwritten };

/** The system's error code: Node's (ENOSPC) or SQLite's (SQLITE_FULL, SQLITE_IOERR_WRITE). */
const codeOf = (error: unknown): string => String((error as { code?: unknown } | undefined)?.code ?? '');

/** The cause, as a clause naming the folder, and what to do about it; null when the code says nothing we can word. */
function cause(code: string, folder: string, what: Output): { clause: Words; remedy: Words } | null {
  const at = { folder };
  const again = { again: sentence(AGAIN[what]) };
  const said = (clause: Message, remedy: Message) => ({
    clause: sentence(clause, at),
    remedy: sentence(remedy, again),
  });
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return said(R.diskFull, R.freeSpace);
  if (code === 'EDQUOT') return said(R.quotaUsed, R.freeFiles);
  if (code === 'EFBIG') return said(what === 'export' ? R.exportTooLarge : R.backupTooLarge, R.shorterRange);
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return said(R.diskReadOnly, R.anotherDisk);
  if (code === 'EACCES' || code === 'EPERM') return said(R.mayNotWrite, R.anotherFolder);
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'ESTALE')
    return said(what === 'export' ? R.folderGoneExport : R.folderGoneBackup, R.connectAgain);
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR'))
    return said(what === 'export' ? R.diskFailedExport : R.diskFailedBackup, R.anotherDisk);
  return null;
}

/**
 * The error to show for a write to `path` that failed with `error`: the cause in words, and
 * that the file was not written and the logbook not changed (both hold: the file is written
 * under a temporary name that is removed, and exports and backups only read the logbook).
 */
export function writeFailure(
  path: string,
  error: unknown,
  what: Output,
  /** The folder written to when it failed, when it is not the file's own (a backup made beside the logbook). */
  folder = dirname(resolve(path)),
): RootLogError {
  if (error instanceof RootLogError) return error;
  const code = codeOf(error);
  const known = cause(code, folder, what);
  const clause =
    known?.clause ??
    sentence(R.couldNotWrite, { path, why: code || (error instanceof Error ? error.message : String(error)) });
  const remedy = known?.remedy ?? sentence(R.tryAgain);
  return new RootLogError(
    'validation',
    sentence(R.writeFailed, { clause, unwritten: sentence(UNWRITTEN[what]), remedy }),
    { field: 'out', cause: error },
  );
}
