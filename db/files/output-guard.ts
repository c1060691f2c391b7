import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { REFUSAL_MESSAGES as R, RootLogError, sentence, type Words } from '../model/index.js';

/*
 * Where RootLog may write a file it was asked to write (an export, a backup): never over the
 * logbook itself, its -wal/-shm/-journal, or a file another export or backup is writing right
 * now; and never over an existing file unless the person said so (--force on the command
 * line; the save dialog's own "replace?" question in the app).
 */

/** Files being written by a running export or backup of this process, by their real path. */
const beingWritten = new Set<string>();

/** The path as the file system will resolve it: symlinked folders (and the file itself, when it exists) followed. */
function realTarget(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const folder = dirname(absolute);
  return join(existsSync(folder) ? realpathSync(folder) : folder, basename(absolute));
}

const sameFile = (a: string, b: string): boolean => {
  if (realTarget(a) === realTarget(b)) return true;
  // A hard link to the logbook is the logbook too.
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
};

export interface OutputRules {
  /** The open logbook's file. */
  database: string;
  /** Replace an existing file (the person confirmed it). */
  force: boolean;
  /** The field a refusal is reported under. */
  field: string;
}

/** Throws a field error when `path` may not be written; otherwise returns. */
export function checkOutputPath(path: string, rules: OutputRules): void {
  const refuse = (words: Words) => {
    throw new RootLogError('validation', words, { field: rules.field });
  };
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (sameFile(path, `${rules.database}${suffix}`)) {
      refuse(suffix ? sentence(R.isPartOfLogbook, { path, suffix }) : sentence(R.isTheLogbook, { path }));
    }
  }
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) refuse(sentence(R.folderMissing, { path, folder }));
  if (beingWritten.has(realTarget(path))) refuse(sentence(R.beingWritten, { path }));
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) refuse(sentence(R.isAFolder, { path }));
    if (!rules.force) refuse(sentence(R.alreadyExists, { path }));
  }
}

/** Checks every path, marks them as being written while `write` runs, and unmarks them after. */
export async function writingTo<T>(paths: readonly string[], rules: OutputRules, write: () => Promise<T>): Promise<T> {
  for (const path of paths) checkOutputPath(path, rules);
  const marked = paths.map(realTarget);
  for (const path of marked) beingWritten.add(path);
  try {
    return await write();
  } finally {
    for (const path of marked) beingWritten.delete(path);
  }
}
