import { type BackupFailureReason, type BackupStatus, counted } from '../../../db/model/index.js';

/*
 * Every word the backups screens show, in one place (for the translations to come). Pure:
 * the top bar's few words and the panel's lines are tested without a window.
 */

export const BACKUP_WORDS = {
  panelTitle: 'Backups',
  panelHint:
    'RootLog copies this logbook into the folder every day at the time below (a network share is typical), checks the copy and keeps the newest ones; older copies of this logbook are removed, nothing else in the folder is touched. A day the console was switched off at that time, it backs up soon after it starts, and when quitting if the last backup is more than a day old.',
  folder: 'Folder',
  noFolder: 'None: no automatic backups',
  chooseFolder: 'Choose folder…',
  stopBackups: 'No automatic backups',
  timeOfDay: 'Every day at (HH:MM)',
  keep: 'Backups to keep',
  save: 'Save backup schedule',
  backUpNow: 'Back up now',
  saved: 'Backup schedule saved.',
  stopped: 'Automatic backups are off: no folder.',
  backedUp: (path: string) => `Backed up to ${path}.`,
  lastBackup: (at: string, procedures: number, bytes: number, path: string, byCommandLine: boolean) =>
    `Last backup ${at}: ${procedures} ${procedures === 1 ? 'procedure' : 'procedures'}, ${megabytes(bytes)}, ${path}${byCommandLine ? ' (made by the command line)' : ''}.`,
  noBackupYet: 'No backup has been made yet.',
  nextBackup: (at: string) => `Next backup ${at}.`,
  lastFailed: (at: string, message: string) => `The backup at ${at} failed: ${message}`,
  running: 'Backing up…',
} as const;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;

/** "3 days", "5 hours", "12 minutes", "a moment": how long ago, in the largest unit that fits. */
export function age(sinceIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / 60_000));
  if (minutes < 1) return 'a moment';
  if (minutes < 120) return counted(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return counted(hours, 'hour');
  return counted(Math.floor(hours / 24), 'day');
}

const REASON_WORDS: Record<BackupFailureReason, string> = {
  unreachable: 'folder not reachable',
  full: 'disk full',
  'not-allowed': 'no permission in the folder',
  dropped: 'the folder stopped answering',
  'not-verified': 'the copy failed its check',
  other: 'details under Backups',
};

/**
 * The top bar's words, or null when all is well (a recent backup, or one running). Shown
 * when no folder is set, when the last backup is overdue, and when the last attempt failed.
 */
export function backupChipText(status: BackupStatus, now: Date): string | null {
  const last = status.lastSuccess ? `last backup ${age(status.lastSuccess.at, now)} ago` : 'no backup yet';
  switch (status.state) {
    case 'ok':
    case 'running':
      return null;
    case 'not-set-up':
      return 'No automatic backups';
    case 'overdue':
      return status.lastSuccess ? `Last backup ${age(status.lastSuccess.at, now)} ago` : 'No backup yet';
    case 'failed':
      return `Backup failed: ${status.lastFailure ? REASON_WORDS[status.lastFailure.reason] : REASON_WORDS.other}; ${last}`;
  }
}
