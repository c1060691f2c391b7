import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupIntoFolder, type FolderBackupReport } from '../backups/folder-backup.js';
import { noteBackupMade } from '../backups/records.js';
import { type BackupReport, backupDatabase } from '../maintenance.js';
import { BACKUP_KEEP_RANGE, type Language, CLI_MESSAGES as M, sentence } from '../model/index.js';
import { openStore } from '../store.js';
import { cliSpeech } from './cli-speech.js';
import { printable } from './printable.js';
import type { Usage } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog backup: one verified online backup, to a file (--out) or into a folder with a name
 * RootLog chooses (--out-dir), keeping there this logbook's newest N (--rotate N) — what the
 * app's schedule does, for a scheduled job (cron, Windows Task Scheduler) on a machine
 * without the app open. Every backup made is noted in the logbook, so the app's top bar
 * knows of it.
 */

export const BACKUP_USAGE: Usage = {
  syntax: ['  backup  --db FILE (--out FILE [--force] | --out-dir DIR [--rotate N]) [--exclude-key]'],
  does: M.helpBackup,
};

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The language asked with --language (cli-speech.ts). */
  language?: Language;
}

function flags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        rotate: { type: 'string' },
        force: { type: 'boolean' },
        'exclude-key': { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const values = flags(args);
  if (values.db === undefined) throw new UsageError(sentence(M.usageRequired, { option: '--db' }));
  if ((values.out === undefined) === (values['out-dir'] === undefined)) {
    throw new UsageError(sentence(M.usageEither, { one: '--out FILE', other: '--out-dir DIR' }));
  }
  if (values.rotate !== undefined && values['out-dir'] === undefined) {
    throw new UsageError(sentence(M.usageRotateNeedsOutDir));
  }
  if (values.force && values.out === undefined) throw new UsageError(sentence(M.usageForceNeedsOut));
  const { min, max } = BACKUP_KEEP_RANGE;
  const keep = values.rotate === undefined ? undefined : Number(values.rotate);
  if (keep !== undefined && (!/^\d+$/.test(values.rotate ?? '') || keep < min || keep > max)) {
    throw new UsageError(sentence(M.usageWholeNumber, { option: '--rotate', min: String(min), max: String(max) }));
  }
  const excludeKey = values['exclude-key'] === true;
  const store = openStore(values.db, { mustExist: true });
  try {
    const now = new Date();
    const report: BackupReport & Partial<FolderBackupReport> = values.out
      ? await backupDatabase(store, values.out, { force: values.force === true, excludeKey })
      : await backupIntoFolder(store, {
          folder: resolve(values['out-dir'] ?? ''),
          keep,
          now,
          excludeKey,
          by: 'command line',
        });
    if (values.out) {
      noteBackupMade(store, {
        at: now.toISOString(),
        path: report.path,
        bytes: report.bytes,
        procedures: report.procedures,
        by: 'command line',
      });
    }
    const { say } = cliSpeech(store, io.language);
    if (report.keyExcluded) io.out(say(M.backupKeyLeftOut));
    io.out(
      say(M.backupWritten, {
        path: report.path,
        procedures: report.procedures,
        bytes: String(report.bytes),
        integrity: report.integrity,
      }),
    );
    const rotation = report.rotation ?? null;
    if (rotation) {
      io.out(
        say(M.backupsKept, {
          kept: rotation.kept,
          folder: resolve(values['out-dir'] ?? ''),
          removed:
            rotation.removed.length === 0
              ? sentence(M.backupsNoneRemoved)
              : sentence(M.backupsRemoved, { files: rotation.removed.join(', ') }),
        }),
      );
      for (const problem of rotation.notRemoved) io.err(say(M.backupNotRemoved, { problem: printable(problem) }));
      if (rotation.notRemoved.length > 0) return 1;
    }
    return 0;
  } finally {
    store.close();
  }
}
