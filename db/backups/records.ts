import { appendAudit, diff } from '../audit.js';
import {
  asItIs,
  type BackupFailure,
  type BackupMade,
  type BackupSchedule,
  backupScheduleSchema,
  problemsFromZod,
  RootLogError,
  STARTING_BACKUP_SCHEDULE,
} from '../model/index.js';
import { readSetting, writeSetting } from '../settings.js';
import { type ReadSource, type ServiceContext, type Store, timestamp } from '../store.js';

/*
 * What the logbook keeps about its backups: the schedule (Settings → Backups; every change
 * audited, like any setting) and the last backup made and the last that failed (not audited:
 * a note, like the last page check). A backup made by the command line is noted too, so the
 * app's top bar knows of a scheduled job's backups.
 */

const SCHEDULE = 'backupSchedule';
const LOG = 'backupLog';

export interface BackupLog {
  lastSuccess: BackupMade | null;
  lastFailure: BackupFailure | null;
}

export function backupSchedule(source: ReadSource): BackupSchedule {
  return backupScheduleSchema
    .catch(STARTING_BACKUP_SCHEDULE)
    .parse(readSetting(source, SCHEDULE) ?? STARTING_BACKUP_SCHEDULE);
}

export function saveBackupSchedule(store: Store, input: unknown, context: ServiceContext): BackupSchedule {
  const parsed = backupScheduleSchema.safeParse(input);
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  const write = store.writer;
  return write.db
    .transaction(() => {
      const before = backupSchedule(write);
      writeSetting(write, SCHEDULE, parsed.data);
      const changes = diff(before, parsed.data);
      if (Object.keys(changes).length > 0) {
        appendAudit(write, {
          at: timestamp(context),
          actor: context.actor,
          action: 'settings',
          entity: 'settings',
          entityId: 'backups',
          changes,
        });
      }
      return parsed.data;
    })
    .immediate();
}

export function backupLog(source: ReadSource): BackupLog {
  const stored = readSetting<Partial<BackupLog>>(source, LOG);
  const failure = stored?.lastFailure;
  return {
    lastSuccess: stored?.lastSuccess ?? null,
    // A failure noted before its words were kept (English only) is said as it was written.
    lastFailure: failure
      ? { ...failure, reason: failure.reason ?? 'other', words: failure.words ?? asItIs(failure.message ?? '') }
      : null,
  };
}

/** Notes a backup made (and that the failures before it are over). False when the logbook could not be written. */
export function noteBackupMade(store: Store, made: BackupMade): boolean {
  return note(store, () => ({ lastSuccess: made, lastFailure: null }));
}

export function noteBackupFailed(store: Store, failure: BackupFailure): boolean {
  return note(store, (log) => ({ ...log, lastFailure: failure }));
}

function note(store: Store, change: (log: BackupLog) => BackupLog): boolean {
  try {
    const write = store.writer;
    write.db.transaction(() => writeSetting(write, LOG, change(backupLog(write)))).immediate();
    return true;
  } catch {
    // A read-only or damaged logbook, or one busy with another program: the note is lost, not the backup.
    return false;
  }
}
