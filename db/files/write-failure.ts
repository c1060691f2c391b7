import { dirname, resolve } from 'node:path';
import { RootLogError } from '../model/index.js';

/*
 * A file RootLog was asked to write (an export, a backup) that could not be written: why, in
 * the words of the person who chose where it goes, and what that left. The system's wording
 * ("ENOSPC: no space left on device, write", "database or disk is full") never reaches them.
 */

/** What was being written, as the sentence names it. */
export type Output = 'export' | 'backup';

const AGAIN: Record<Output, string> = { export: 'export again', backup: 'back up again' };

/** The system's error code: Node's (ENOSPC) or SQLite's (SQLITE_FULL, SQLITE_IOERR_WRITE). */
const codeOf = (error: unknown): string => String((error as { code?: unknown } | undefined)?.code ?? '');

/** The cause, as a clause naming the folder, and what to do about it; null when the code says nothing we can word. */
function cause(code: string, folder: string, what: Output): { clause: string; remedy: string } | null {
  const elsewhere = `then ${AGAIN[what]}`;
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL'))
    return {
      clause: `The disk holding ${folder} is full`,
      remedy: `Free some space there or choose another disk, ${elsewhere}.`,
    };
  if (code === 'EDQUOT')
    return {
      clause: `Your share of the disk holding ${folder} is used up (disk quota)`,
      remedy: `Free some of your files there or choose another disk, ${elsewhere}.`,
    };
  if (code === 'EFBIG')
    return {
      clause: `The ${what} is larger than the disk holding ${folder} accepts for one file (a FAT32 USB stick takes at most 4 GB)`,
      remedy: `Choose another disk, or a shorter date range, ${elsewhere}.`,
    };
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY'))
    return { clause: `The disk holding ${folder} is read-only`, remedy: `Choose another disk, ${elsewhere}.` };
  if (code === 'EACCES' || code === 'EPERM')
    return { clause: `You may not write in the folder ${folder}`, remedy: `Choose another folder, ${elsewhere}.` };
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'ESTALE')
    return {
      clause: `The folder ${folder} went away while the ${what} was written (a disk removed or a network share lost)`,
      remedy: `Connect the disk again or choose another one, ${elsewhere}.`,
    };
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR'))
    return {
      clause: `The disk holding ${folder} failed while the ${what} was written (an input/output error: it may be failing or was removed)`,
      remedy: `Choose another disk, ${elsewhere}.`,
    };
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
    `${path} could not be written (${code || (error instanceof Error ? error.message : String(error))})`;
  const remedy = known?.remedy ?? `Try again, or choose another disk; if it happens again, report it to IT support.`;
  return RootLogError.untranslated(
    'validation',
    `${clause}: the ${what} was not written; nothing in the logbook changed. ${remedy}`,
    { field: 'out', cause: error },
  );
}
