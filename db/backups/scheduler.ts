import type { BackupSchedule, BackupState } from '../model/index.js';

/*
 * When the console makes its backups, decided by pure functions of the schedule, the last
 * backup made or failed, and the time, and run by a scheduler whose clock and timers are
 * injected (the main process gives the real ones; the tests a clock they turn). Rules:
 *  - daily at the time of day; one the console missed (switched off at that hour) is made soon
 *    after it starts, once;
 *  - at quit when the last backup is older than a day;
 *  - after a failure, tried again every RETRY_MS while it is due;
 *  - overdue when the last is more than a day and OVERDUE_GRACE_MS old, or none was ever made.
 */

export const DAY_MS = 24 * 60 * 60_000;
export const RETRY_MS = 30 * 60_000;
export const OVERDUE_GRACE_MS = 60 * 60_000;
/** After start, the console is left alone for this long (a missed backup waits that much). */
export const START_DELAY_MS = 2 * 60_000;
/** The timer never sleeps longer than this: a computer that slept or had its clock changed is noticed. */
export const LONGEST_SLEEP_MS = 15 * 60_000;

export interface BackupHistory {
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
}

/** The first time of day `HH:MM` (local time) strictly after `after`. */
export function nextTimeOfDay(timeOfDay: string, after: Date): Date {
  const [hours = 0, minutes = 0] = timeOfDay.split(':').map(Number);
  const candidate = new Date(after);
  candidate.setHours(hours, minutes, 0, 0);
  // setDate, not + 24 h: a day with a change to or from summer time is 23 or 25 hours long.
  if (candidate.getTime() <= after.getTime()) candidate.setDate(candidate.getDate() + 1);
  candidate.setHours(hours, minutes, 0, 0);
  return candidate;
}

/** When the next backup is due; null without a folder. */
export function nextDueAt(schedule: BackupSchedule, history: BackupHistory, now: Date): Date | null {
  if (!schedule.folder) return null;
  const { lastSuccessAt, lastFailureAt } = history;
  const scheduled = lastSuccessAt ? nextTimeOfDay(schedule.timeOfDay, lastSuccessAt) : now;
  const failedSince = lastFailureAt && (!lastSuccessAt || lastFailureAt > lastSuccessAt) ? lastFailureAt : null;
  if (failedSince && scheduled.getTime() <= failedSince.getTime() + RETRY_MS) {
    return new Date(failedSince.getTime() + RETRY_MS);
  }
  return scheduled;
}

export function isDue(schedule: BackupSchedule, history: BackupHistory, now: Date): boolean {
  const due = nextDueAt(schedule, history, now);
  return due !== null && due.getTime() <= now.getTime();
}

/** At quit: a backup when the last is older than a day (or there is none). */
export function dueAtQuit(schedule: BackupSchedule, history: BackupHistory, now: Date): boolean {
  if (!schedule.folder) return false;
  return !history.lastSuccessAt || now.getTime() - history.lastSuccessAt.getTime() >= DAY_MS;
}

/** What the top bar shows. */
export function backupState(
  schedule: BackupSchedule,
  history: BackupHistory,
  now: Date,
  running: boolean,
): BackupState {
  if (!schedule.folder) return 'not-set-up';
  if (running) return 'running';
  const { lastSuccessAt, lastFailureAt } = history;
  if (lastFailureAt && (!lastSuccessAt || lastFailureAt > lastSuccessAt)) return 'failed';
  if (!lastSuccessAt || now.getTime() - lastSuccessAt.getTime() > DAY_MS + OVERDUE_GRACE_MS) return 'overdue';
  return 'ok';
}

/** The clock and timers the scheduler runs on. */
export interface Clock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // The schedule alone never keeps a process (the command line, a test) alive.
    timer.unref?.();
    return timer;
  },
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export interface SchedulerDeps {
  clock: Clock;
  schedule: () => BackupSchedule;
  history: () => BackupHistory;
  /** Makes one backup (it notes its own success or failure where history() reads it). */
  backUp: () => Promise<void>;
  startDelayMs?: number;
}

/** Runs the backups when they are due; one at a time. */
export class BackupScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly deps: SchedulerDeps) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  start(): void {
    this.stopped = false;
    this.arm(this.deps.startDelayMs ?? START_DELAY_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** A backup now (Back up now, a schedule just set), or the one already running. */
  runNow(): Promise<void> {
    this.running ??= this.deps.backUp().finally(() => {
      this.running = null;
      if (!this.stopped) this.arm(this.wait());
    });
    return this.running;
  }

  /** The schedule changed: look again at once (a new folder gets its first backup). */
  rescheduled(): void {
    if (!this.stopped && !this.running) this.arm(0);
  }

  /** At quit: waits for a running backup, and makes one when the last is older than a day. */
  async atQuit(): Promise<void> {
    this.stop();
    if (this.running) await this.running;
    const now = this.deps.clock.now();
    if (dueAtQuit(this.deps.schedule(), this.deps.history(), now)) await this.runNow();
    this.stop();
  }

  /** Resolves when no backup is running (tests turn the clock, then wait for this). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private wait(): number {
    const now = this.deps.clock.now();
    const due = nextDueAt(this.deps.schedule(), this.deps.history(), now);
    if (!due) return LONGEST_SLEEP_MS;
    return Math.max(0, Math.min(due.getTime() - now.getTime(), LONGEST_SLEEP_MS));
  }

  private arm(ms: number): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.tick();
    }, ms);
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    if (isDue(this.deps.schedule(), this.deps.history(), this.deps.clock.now())) void this.runNow();
    else this.arm(this.wait());
  }
}
