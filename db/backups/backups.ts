import {
  type BackupFailure,
  type BackupStatus,
  REFUSAL_MESSAGES as R,
  RootLogError,
  saidOf,
  sentence,
} from '../model/index.js';
import type { ServiceContext, Store } from '../store.js';
import { backupIntoFolder, failureReason } from './folder-backup.js';
import { backupLog, backupSchedule, noteBackupFailed, saveBackupSchedule } from './records.js';
import { type BackupHistory, BackupScheduler, backupState, type Clock, nextDueAt, systemClock } from './scheduler.js';

/*
 * The console's automatic backups as the main process runs them: the schedule kept in the
 * logbook, the scheduler (scheduler.ts) on an injected clock, each backup into the folder
 * (folder-backup.ts), and the status the top bar and Settings → Backups show.
 */

export interface BackupsOptions {
  clock?: Clock;
  startDelayMs?: number;
  /** A failure's details for the log (the status already says it in words). */
  onFailure?: (error: unknown) => void;
}

type Failure = BackupFailure;

const later = (a: Failure | null, b: Failure | null) => (!a ? b : !b ? a : a.at >= b.at ? a : b);

export class Backups {
  readonly scheduler: BackupScheduler;
  private readonly clock: Clock;
  /** The last failure, also when the logbook could not take the note (read-only, damaged). */
  private failure: Failure | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: BackupsOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.scheduler = new BackupScheduler({
      clock: this.clock,
      schedule: () => backupSchedule(store),
      history: () => this.history(),
      backUp: () => this.backUp(),
      startDelayMs: options.startDelayMs,
    });
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler.stop();
  }

  atQuit(): Promise<void> {
    return this.scheduler.atQuit();
  }

  status(): BackupStatus {
    const schedule = backupSchedule(this.store);
    const log = backupLog(this.store);
    const now = this.clock.now();
    const history = this.history();
    const failure = later(log.lastFailure, this.failure);
    const failedSince = failure && (!log.lastSuccess || failure.at > log.lastSuccess.at) ? failure : null;
    return {
      schedule,
      state: backupState(schedule, history, now, this.scheduler.isRunning),
      lastSuccess: log.lastSuccess,
      lastFailure: failedSince,
      nextDueAt: nextDueAt(schedule, history, now)?.toISOString() ?? null,
    };
  }

  saveSchedule(input: unknown, context: ServiceContext): BackupStatus {
    const before = backupSchedule(this.store).folder;
    const saved = saveBackupSchedule(this.store, input, context);
    // A new folder gets its first backup soon; a failure in the old one is no longer the news.
    if (saved.folder !== before) this.failure = null;
    this.scheduler.rescheduled();
    return this.status();
  }

  /** Back up now (Settings → Backups): the status after it, with the failure in words if it failed. */
  async runNow(): Promise<BackupStatus> {
    if (!backupSchedule(this.store).folder) {
      throw new RootLogError('validation', sentence(R.chooseBackupFolder), { field: 'folder' });
    }
    await this.scheduler.runNow();
    return this.status();
  }

  private history(): BackupHistory {
    const log = backupLog(this.store);
    const failure = later(log.lastFailure, this.failure);
    return {
      lastSuccessAt: log.lastSuccess ? new Date(log.lastSuccess.at) : null,
      lastFailureAt: failure ? new Date(failure.at) : null,
    };
  }

  private async backUp(): Promise<void> {
    const schedule = backupSchedule(this.store);
    if (!schedule.folder) return;
    const now = this.clock.now();
    try {
      await backupIntoFolder(this.store, { folder: schedule.folder, keep: schedule.keep, now, by: 'app' });
      this.failure = null;
    } catch (error) {
      const words =
        error instanceof RootLogError && error.words
          ? error.words
          : sentence(R.backupUnexpected, { why: String(error) });
      this.failure = { at: now.toISOString(), ...saidOf(words), words, reason: failureReason(error) };
      noteBackupFailed(this.store, this.failure);
      this.options.onFailure?.(error);
    }
  }
}
