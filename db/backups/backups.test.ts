import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../maintenance.js';
import { seedDatabase } from '../seed.js';
import { updateSettings, writeSetting } from '../settings.js';
import { openStore, type Store } from '../store.js';
import { context, tempPath } from '../testing/fixtures.js';
import { Backups } from './backups.js';
import { backupIntoFolder } from './folder-backup.js';
import { backupFileName } from './naming.js';
import { backupLog } from './records.js';
import type { BackupScheduler, Clock } from './scheduler.js';

/*
 * The console's automatic backups on a clock the test turns: daily at the time of day, a missed
 * one soon after start, one at quit when the last is older than a day, the newest N of this
 * logbook kept and nothing else in the folder touched, a folder that disappears said in words
 * and tried again. Real logbooks and real files; only the time is the test's.
 */

class TestClock implements Clock {
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  private last = 0;
  constructor(private current: Date) {}
  now = () => new Date(this.current);
  setTimeout = (run: () => void, ms: number) => {
    this.last += 1;
    this.timers.set(this.last, { at: this.current.getTime() + ms, run });
    return this.last;
  };
  clearTimeout = (timer: unknown) => {
    this.timers.delete(timer as number);
  };
  /** Turns the clock to `until`, firing each timer at its time and letting the backup it starts finish. */
  async turnTo(until: Date, scheduler: BackupScheduler): Promise<void> {
    for (;;) {
      const [id, next] = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !next || next.at > until.getTime()) break;
      this.timers.delete(id);
      this.current = new Date(Math.max(next.at, this.current.getTime()));
      next.run();
      await scheduler.idle();
    }
    this.current = until;
  }
}

/** 2026-03-DD HH:MM, local time (no change to or from summer time in that week, in Europe or America). */
const march = (day: number, hours: number, minutes = 0) => new Date(2026, 2, day, hours, minutes);

function logbook(consoleName = 'CT 1'): Store {
  const store = openStore(tempPath());
  seedDatabase(store, { count: 4, seed: 7 }, context);
  updateSettings(store, { consoleName }, context);
  return store;
}

/** The files this logbook's backups are (in these tests: named after March 2026). */
const ourBackups = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.startsWith('rootlog-backup-ct-1-2026-03-'))
    .sort();

describe('automatic backups', () => {
  it('back up daily at the time of day and keep the newest N of this logbook, touching nothing else', async () => {
    const store = logbook();
    const folder = mkdtempSync(join(tmpdir(), 'rootlog-backups-'));
    // What else lives in a department's backup share:
    const other = logbook('CT 2');
    await backupIntoFolder(other, { folder, now: new Date('2026-01-01T00:00:00Z'), by: 'app' });
    const notOurs = [
      // another console's backup, named the same way
      'rootlog-backup-ct-2-2026-01-01T00-00-00Z.sqlite',
      // an SQLite file that is not a RootLog logbook, under a RootLog name
      'rootlog-backup-ct-1-2026-01-02T00-00-00Z.sqlite',
      // a damaged file under a RootLog name
      'rootlog-backup-ct-1-2026-01-03T00-00-00Z.sqlite',
      'notes.txt',
    ];
    const foreign = new Database(join(folder, notOurs[1] ?? ''));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    writeFileSync(join(folder, notOurs[2] ?? ''), 'not a database');
    writeFileSync(join(folder, 'notes.txt'), 'keep me');

    const clock = new TestClock(march(10, 1, 0));
    const backups = new Backups(store, { clock });
    backups.start();
    expect(backups.status().state).toBe('not-set-up');
    backups.saveSchedule({ folder, timeOfDay: '02:00', keep: 3 }, context);
    // A folder just set gets its first backup at once.
    await clock.turnTo(march(10, 1, 59), backups.scheduler);
    expect(ourBackups(folder)).toEqual([backupFileName('CT 1', march(10, 1, 0))]);
    await clock.turnTo(march(10, 2, 0), backups.scheduler);
    await clock.turnTo(march(11, 1, 59), backups.scheduler);
    expect(ourBackups(folder)).toHaveLength(2);
    await clock.turnTo(march(14, 9, 0), backups.scheduler);
    expect(ourBackups(folder)).toEqual(
      [11, 12, 13, 14].slice(1).map((day) => backupFileName('CT 1', march(day, 2, 0))),
    );
    for (const name of notOurs) expect(readdirSync(folder)).toContain(name);
    const status = backups.status();
    expect(status).toMatchObject({ state: 'ok', lastFailure: null, lastSuccess: { at: march(14, 2).toISOString() } });
    expect(status.nextDueAt).toBe(march(15, 2).toISOString());
    expect(checkDatabase(join(folder, ourBackups(folder).at(-1) ?? '')).integrity).toEqual(['ok']);
    backups.stop();
    store.close();
    other.close();
  });

  it('a day the console was off: one backup soon after it starts, not two', async () => {
    const store = logbook();
    const folder = mkdtempSync(join(tmpdir(), 'rootlog-backups-'));
    const clock = new TestClock(march(9, 2, 0));
    const before = new Backups(store, { clock });
    before.saveSchedule({ folder, timeOfDay: '02:00', keep: 10 }, context);
    await before.runNow();
    // Switched off from the 9th to the 11th at 07:55.
    await clock.turnTo(march(11, 7, 55), before.scheduler);
    const backups = new Backups(store, { clock });
    expect(backups.status().state).toBe('overdue');
    backups.start();
    await clock.turnTo(march(11, 7, 56), backups.scheduler);
    expect(ourBackups(folder)).toHaveLength(1);
    await clock.turnTo(march(11, 7, 58), backups.scheduler);
    expect(ourBackups(folder)).toEqual([march(9, 2), march(11, 7, 57)].map((at) => backupFileName('CT 1', at)));
    expect(backups.status().state).toBe('ok');
    await clock.turnTo(march(12, 1, 59), backups.scheduler);
    expect(ourBackups(folder)).toHaveLength(2);
    await clock.turnTo(march(12, 2, 1), backups.scheduler);
    expect(ourBackups(folder)).toHaveLength(3);
    backups.stop();
    store.close();
  });

  it('at quit: a backup when the last is older than a day, none when it is recent', async () => {
    const store = logbook();
    const folder = mkdtempSync(join(tmpdir(), 'rootlog-backups-'));
    const clock = new TestClock(march(10, 2, 0));
    const backups = new Backups(store, { clock });
    backups.saveSchedule({ folder, timeOfDay: '02:00', keep: 10 }, context);
    await backups.runNow();
    await clock.turnTo(march(10, 18, 0), backups.scheduler);
    await backups.atQuit();
    expect(ourBackups(folder)).toHaveLength(1);
    await clock.turnTo(march(11, 3, 0), backups.scheduler);
    await backups.atQuit();
    expect(ourBackups(folder)).toEqual([march(10, 2), march(11, 3)].map((at) => backupFileName('CT 1', at)));
    store.close();
  });

  it('a folder that disappears: the failure in words, the top bar says failed, tried again, then backed up', async () => {
    const store = logbook();
    const folder = join(mkdtempSync(join(tmpdir(), 'rootlog-share-')), 'rootlog');
    mkdirSync(folder);
    const clock = new TestClock(march(10, 1, 0));
    const failures: unknown[] = [];
    const backups = new Backups(store, { clock, onFailure: (error) => failures.push(error) });
    backups.start();
    backups.saveSchedule({ folder, timeOfDay: '02:00', keep: 5 }, context);
    await clock.turnTo(march(10, 12, 0), backups.scheduler);
    expect(ourBackups(folder)).toHaveLength(2);
    // The network share is gone.
    rmSync(folder, { recursive: true });
    await clock.turnTo(march(11, 2, 0), backups.scheduler);
    const failed = backups.status();
    expect(failed.state).toBe('failed');
    expect(failed.lastFailure).toEqual({
      at: march(11, 2).toISOString(),
      message: `The backup folder ${folder} cannot be reached: it does not exist, or its network share is not connected. No backup was written.`,
      reason: 'unreachable',
      // Its words kept with it, so Settings → Backups says it in the reader's language.
      words: { message: expect.objectContaining({ id: 'refusal.backupFolderUnreachable' }), values: { folder } },
    });
    expect(failed.lastSuccess?.at).toBe(march(10, 2).toISOString());
    expect(failed.nextDueAt).toBe(march(11, 2, 30).toISOString());
    expect(failures).toHaveLength(1);
    // Not tried again before the retry time; still failing while the share is away.
    await clock.turnTo(march(11, 2, 29), backups.scheduler);
    expect(failures).toHaveLength(1);
    await clock.turnTo(march(11, 2, 30), backups.scheduler);
    expect(failures).toHaveLength(2);
    // The share is back.
    mkdirSync(folder);
    await clock.turnTo(march(11, 3, 0), backups.scheduler);
    expect(readdirSync(folder)).toEqual([backupFileName('CT 1', march(11, 3))]);
    expect(backups.status()).toMatchObject({ state: 'ok', lastFailure: null });
    backups.stop();
    store.close();
  });

  it('a failure noted before its words were kept is said as it was written', () => {
    const store = logbook();
    const at = march(10, 2).toISOString();
    const message = 'The backup folder /mnt/share cannot be reached.';
    const write = store.writer;
    write.db.transaction(() => writeSetting(write, 'backupLog', { lastSuccess: null, lastFailure: { at, message } }))();
    expect(backupLog(store.reader).lastFailure).toEqual({
      at,
      message,
      reason: 'other',
      words: { message: expect.objectContaining({ id: 'refusal.asItIs' }), values: { english: message } },
    });
    store.close();
  });

  it('Back up now without a folder is refused at the folder field', async () => {
    const store = logbook();
    const backups = new Backups(store, { clock: new TestClock(march(10, 9)) });
    await expect(backups.runNow()).rejects.toMatchObject({
      code: 'validation',
      field: 'folder',
      message: 'Choose the backup folder first, then back up.',
    });
    store.close();
  });

  it('a schedule that does not parse is refused field by field and nothing is saved', () => {
    const store = logbook();
    const backups = new Backups(store, { clock: new TestClock(march(10, 9)) });
    expect(() => backups.saveSchedule({ folder: 'backups', timeOfDay: '25:00', keep: 0 }, context)).toThrow(
      expect.objectContaining({
        problems: [
          // Each with its words too (said in the reader's language), their English as before.
          expect.objectContaining({
            field: 'folder',
            message:
              'Backup folder must be a whole path from the top, e.g. /mnt/backup, D:\\Backup or \\\\server\\share\\rootlog',
          }),
          expect.objectContaining({
            field: 'timeOfDay',
            message: 'Time of day must be a time of day as HH:MM, from 00:00 to 23:59',
          }),
          expect.objectContaining({
            field: 'keep',
            message: 'Backups to keep must be a whole number of backups from 1 to 365',
          }),
        ],
      }),
    );
    expect(backups.status().schedule).toEqual({ folder: null, timeOfDay: '02:00', keep: 14 });
    store.close();
  });
});
