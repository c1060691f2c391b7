import { z } from 'zod';

/*
 * The console's automatic backups (db/backups/): a folder (typically a network share), the
 * time of day, and how many to keep. Kept in the logbook's settings, changes audited.
 */

export const BACKUP_KEEP_RANGE = { min: 1, max: 365 } as const;

const keepMessage = `must be a whole number of backups from ${BACKUP_KEEP_RANGE.min} to ${BACKUP_KEEP_RANGE.max}`;

/** A folder the main process can open without a working directory: /…, C:\… or \\server\share\…. */
const ABSOLUTE_FOLDER = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

export const backupScheduleSchema = z
  .object({
    folder: z
      .string({ error: 'must be a folder' })
      .trim()
      .max(1000, { error: 'must be at most 1000 characters' })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
      .refine((folder) => !/[\u0000-\u001f]/.test(folder), { error: 'must not contain control characters' })
      .refine((folder) => ABSOLUTE_FOLDER.test(folder), {
        error: 'must be a whole path from the top, e.g. /mnt/backup, D:\\Backup or \\\\server\\share\\rootlog',
      })
      .nullable(),
    timeOfDay: z
      .string({ error: 'must be a time of day' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day as HH:MM, from 00:00 to 23:59' }),
    keep: z
      .number({ error: keepMessage })
      .int({ error: keepMessage })
      .min(BACKUP_KEEP_RANGE.min, { error: keepMessage })
      .max(BACKUP_KEEP_RANGE.max, { error: keepMessage }),
  })
  .strict();
export type BackupSchedule = z.output<typeof backupScheduleSchema>;

/** Until the department sets a folder there are no automatic backups (the top bar says so). */
export const STARTING_BACKUP_SCHEDULE: BackupSchedule = { folder: null, timeOfDay: '02:00', keep: 14 };

/** What the top bar and Settings → Backups show. */
export type BackupState = 'not-set-up' | 'ok' | 'running' | 'overdue' | 'failed';

export interface BackupMade {
  at: string;
  path: string;
  bytes: number;
  procedures: number;
  /** Who made it: this console's schedule or a person in the app, or the command line (a scheduled job). */
  by: 'app' | 'command line';
}

/** Why the last attempt failed, for the top bar's few words (the message says it whole). */
export type BackupFailureReason = 'unreachable' | 'full' | 'not-allowed' | 'dropped' | 'not-verified' | 'other';

export interface BackupFailure {
  at: string;
  message: string;
  reason: BackupFailureReason;
}

export interface BackupStatus {
  schedule: BackupSchedule;
  state: BackupState;
  lastSuccess: BackupMade | null;
  /** The latest attempt, when it failed after the last success: when, and why in words. */
  lastFailure: BackupFailure | null;
  /** When the schedule makes the next one (ISO time), or null without a folder. */
  nextDueAt: string | null;
}

/**
 * What the window may change: the time and how many to keep, and stop automatic backups
 * (folder null). A folder itself is only ever chosen in the main process's native folder
 * dialog, never sent by the window (like every path RootLog writes to).
 */
export const backupScheduleChangeSchema = backupScheduleSchema
  .pick({ timeOfDay: true, keep: true })
  .extend({ folder: z.null().optional() })
  .strict();
export type BackupScheduleChange = z.input<typeof backupScheduleChangeSchema>;
