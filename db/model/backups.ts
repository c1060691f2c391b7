import { z } from 'zod';
import type { Said } from './problems.js';
import { RULE_MESSAGES as RULE } from './rule-messages.js';
import type { Words } from './words.js';
import { rule } from './zod-words.js';

/*
 * The console's automatic backups (db/backups/): a folder (typically a network share), the
 * time of day, and how many to keep. Kept in the logbook's settings, changes audited.
 */

export const BACKUP_KEEP_RANGE = { min: 1, max: 365 } as const;

const keepMessage = rule(RULE.backupsKept, BACKUP_KEEP_RANGE).error;

/** A folder the main process can open without a working directory: /…, C:\… or \\server\share\…. */
const ABSOLUTE_FOLDER = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

export const backupScheduleSchema = z
  .object({
    folder: z
      .string(rule(RULE.folder))
      .trim()
      .max(1000, rule(RULE.atMostCharacters, { count: 1000 }))
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
      .refine((folder) => !/[\u0000-\u001f]/.test(folder), rule(RULE.noControlCharacters))
      .refine((folder) => ABSOLUTE_FOLDER.test(folder), rule(RULE.wholePath))
      .nullable(),
    timeOfDay: z.string(rule(RULE.timeOfDayKind)).regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule(RULE.timeOfDay)),
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

/** The last failed backup: when, its few words' reason, and the refusal behind it (its words and their English). */
export interface BackupFailure extends Said {
  at: string;
  reason: BackupFailureReason;
  words: Words;
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
