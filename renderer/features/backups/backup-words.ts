import {
  type BackupFailureReason,
  type BackupStatus,
  declareMessages,
  formatNumber,
  type Message,
  type Said,
  type Translate,
} from '../../../db/model/index.js';

/*
 * Every word the backups screens show, as messages to translate (db/i18n/catalogues/). Pure:
 * the top bar's few words and the panel's lines are tested without a window.
 */

const P = 'Settings → Backups (the automatic copies of the logbook)';
export const BACKUP_MESSAGES = declareMessages('backups.panel', {
  panelTitle: ['Backups', `${P}: the heading.`],
  panelHint: [
    'RootLog copies this logbook into the folder every day at the time below (a network share is typical), checks the copy and keeps the newest ones; older copies of this logbook are removed, nothing else in the folder is touched. A day the console was switched off at that time, it backs up soon after it starts, and when quitting if the last backup is more than a day old.',
    `${P}: under the heading.`,
  ],
  folder: ['Folder', `${P}: the folder the copies go to.`],
  noFolder: ['None: no automatic backups', `${P}: in the folder field when none is chosen.`],
  chooseFolder: ['Choose folder…', `${P}: a button; the operating system's folder dialog follows.`],
  stopBackups: ['No automatic backups', `${P}: a button that stops the automatic backups.`],
  timeOfDay: ['Every day at (HH:MM)', `${P}: the time of day of the backup.`],
  keep: ['Backups to keep', `${P}: how many copies are kept.`],
  save: ['Save backup schedule', `${P}: a button.`],
  backUpNow: ['Back up now', `${P}: a button.`],
  saved: ['Backup schedule saved.', `${P}: after saving.`],
  stopped: ['Automatic backups are off: no folder.', `${P}: after "No automatic backups".`],
  backedUp: ['Backed up to {path}.', `${P}: after "Back up now"; {path} is the copy's file.`],
  lastBackup: [
    'Last backup {at}: {procedures, plural, one {# procedure} other {# procedures}}, {size}, {path}.',
    `${P}: {at} is a date and time, {size} the copy's size ("12.5 MB"), {path} its file.`,
  ],
  lastBackupByCommandLine: [
    'Last backup {at}: {procedures, plural, one {# procedure} other {# procedures}}, {size}, {path} (made by the command line).',
    `${P}: the same, for a copy made with the command line.`,
  ],
  megabytes: ['{size} MB', `${P}: a file's size in megabytes.`],
  noBackupYet: ['No backup has been made yet.', `${P}.`],
  nextBackup: ['Next backup {at}.', `${P}: {at} is a date and time.`],
  lastFailed: ['The backup at {at} failed: {reason}', `${P}: {reason} is the reason in words.`],
  running: ['Backing up…', `${P}: the button while a backup runs.`],
});

const C = 'Top bar, the backups chip (shown only when something is wrong; it opens Settings)';
export const BACKUP_CHIP_MESSAGES = declareMessages('backups.chip', {
  moment: ['a moment', `${C}: how long ago, less than a minute.`],
  minutes: ['{count, plural, one {# minute} other {# minutes}}', `${C}: how long ago.`],
  hours: ['{count, plural, one {# hour} other {# hours}}', `${C}: how long ago.`],
  days: ['{count, plural, one {# day} other {# days}}', `${C}: how long ago.`],
  notSetUp: ['No automatic backups', `${C}: no folder is set.`],
  overdue: ['Last backup {age} ago', `${C}: the last backup is overdue; {age} is "3 days".`],
  noBackupYet: ['No backup yet', `${C}: overdue, and none was ever made.`],
  failed: ['Backup failed: {reason}; last backup {age} ago', `${C}: the last attempt failed.`],
  failedNoBackup: ['Backup failed: {reason}; no backup yet', `${C}: the last attempt failed and none was ever made.`],
  unreachable: ['folder not reachable', `${C}: why the backup failed.`],
  full: ['disk full', `${C}: why the backup failed.`],
  notAllowed: ['no permission in the folder', `${C}: why the backup failed.`],
  dropped: ['the folder stopped answering', `${C}: why the backup failed.`],
  notVerified: ['the copy failed its check', `${C}: why the backup failed.`],
  other: ['details under Backups', `${C}: why the backup failed: see Settings → Backups.`],
});

/** A copy's size in megabytes, as the reader's locale writes it ("12.5 MB", "12,5 MB"). */
export const megabytes = (bytes: number, t: Translate, locale: string): string =>
  t(BACKUP_MESSAGES.megabytes, {
    size: formatNumber(bytes / 1_000_000, locale, {
      maximumDecimals: bytes < 10_000_000 ? 1 : 0,
      minimumDecimals: bytes < 10_000_000 ? 1 : 0,
    }),
  });

/** "3 days", "5 hours", "12 minutes", "a moment": how long ago, in the largest unit that fits. */
export function age(sinceIso: string, now: Date, t: Translate): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / 60_000));
  if (minutes < 1) return t(BACKUP_CHIP_MESSAGES.moment);
  if (minutes < 120) return t(BACKUP_CHIP_MESSAGES.minutes, { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t(BACKUP_CHIP_MESSAGES.hours, { count: hours });
  return t(BACKUP_CHIP_MESSAGES.days, { count: Math.floor(hours / 24) });
}

const REASON_WORDS: Record<BackupFailureReason, Message> = {
  unreachable: BACKUP_CHIP_MESSAGES.unreachable,
  full: BACKUP_CHIP_MESSAGES.full,
  'not-allowed': BACKUP_CHIP_MESSAGES.notAllowed,
  dropped: BACKUP_CHIP_MESSAGES.dropped,
  'not-verified': BACKUP_CHIP_MESSAGES.notVerified,
  other: BACKUP_CHIP_MESSAGES.other,
};

/**
 * The top bar's words, or null when all is well (a recent backup, or one running). Shown
 * when no folder is set, when the last backup is overdue, and when the last attempt failed.
 */
export function backupChipText(status: BackupStatus, now: Date, t: Translate): string | null {
  const ago = status.lastSuccess ? age(status.lastSuccess.at, now, t) : null;
  switch (status.state) {
    case 'ok':
    case 'running':
      return null;
    case 'not-set-up':
      return t(BACKUP_CHIP_MESSAGES.notSetUp);
    case 'overdue':
      return ago ? t(BACKUP_CHIP_MESSAGES.overdue, { age: ago }) : t(BACKUP_CHIP_MESSAGES.noBackupYet);
    case 'failed': {
      const reason = t(REASON_WORDS[status.lastFailure?.reason ?? 'other']);
      return ago
        ? t(BACKUP_CHIP_MESSAGES.failed, { reason, age: ago })
        : t(BACKUP_CHIP_MESSAGES.failedNoBackup, { reason });
    }
  }
}

/** What the last action in Settings → Backups did: a code the panel words, or the main process's refusal. */
export type BackupMessage =
  | { kind: 'ok'; said: 'saved' | 'stopped' }
  | { kind: 'ok'; said: 'backedUp'; path: string }
  | { kind: 'problem'; refusal: Said; field?: string }
  | null;

/** The panel's line for an action's outcome; `refused` says a refusal (useRefusalWords). */
export function backupMessageWords(
  message: NonNullable<BackupMessage>,
  t: Translate,
  refused: (refusal: Said) => string,
): string {
  if (message.kind === 'problem') return refused(message.refusal);
  if (message.said === 'backedUp') return t(BACKUP_MESSAGES.backedUp, { path: message.path });
  return t(message.said === 'saved' ? BACKUP_MESSAGES.saved : BACKUP_MESSAGES.stopped);
}
