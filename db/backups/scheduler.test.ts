import { describe, expect, it } from 'vitest';
import type { BackupSchedule } from '../model/index.js';
import { backupFileName, backupTimeOf, consoleSlug } from './naming.js';
import { backupState, dueAtQuit, isDue, nextDueAt, nextTimeOfDay } from './scheduler.js';

// The department's time zone, whatever the machine's: summer time begins on 29 March 2026 at 02:00.
process.env.TZ = 'Europe/Zurich';

const schedule: BackupSchedule = { folder: '/mnt/backup', timeOfDay: '02:00', keep: 14 };
const at = (iso: string) => new Date(iso);

describe('when a backup is due', () => {
  it('daily at the time of day, local time, across the change to summer time', () => {
    expect(nextTimeOfDay('04:00', at('2026-03-28T04:00:00+01:00')).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    // 04:00 Zurich in winter is 03:00 UTC, in summer 02:00 UTC: 23 hours apart, same hour on the clock.
    expect(nextTimeOfDay('04:00', at('2026-03-28T03:59:00+01:00')).toISOString()).toBe('2026-03-28T03:00:00.000Z');
  });

  it('never backed up: now; after a success: the next time of day; after a failure: in 30 minutes', () => {
    const now = at('2026-03-10T09:00:00+01:00');
    expect(nextDueAt(schedule, { lastSuccessAt: null, lastFailureAt: null }, now)).toEqual(now);
    const success = at('2026-03-10T02:00:00+01:00');
    expect(nextDueAt(schedule, { lastSuccessAt: success, lastFailureAt: null }, now)?.toISOString()).toBe(
      '2026-03-11T01:00:00.000Z',
    );
    const failure = at('2026-03-11T02:00:00+01:00');
    expect(nextDueAt(schedule, { lastSuccessAt: success, lastFailureAt: failure }, now)?.toISOString()).toBe(
      '2026-03-11T01:30:00.000Z',
    );
    expect(nextDueAt({ ...schedule, folder: null }, { lastSuccessAt: null, lastFailureAt: null }, now)).toBeNull();
    expect(isDue(schedule, { lastSuccessAt: success, lastFailureAt: null }, at('2026-03-11T01:59:59+01:00'))).toBe(
      false,
    );
    expect(isDue(schedule, { lastSuccessAt: success, lastFailureAt: null }, at('2026-03-11T02:00:00+01:00'))).toBe(
      true,
    );
  });

  it('at quit only when the last is a day old or more', () => {
    const history = { lastSuccessAt: at('2026-03-10T02:00:00+01:00'), lastFailureAt: null };
    expect(dueAtQuit(schedule, history, at('2026-03-11T01:59:00+01:00'))).toBe(false);
    expect(dueAtQuit(schedule, history, at('2026-03-11T02:00:00+01:00'))).toBe(true);
    expect(dueAtQuit({ ...schedule, folder: null }, history, at('2026-03-12T00:00:00+01:00'))).toBe(false);
  });
});

describe('what the top bar shows', () => {
  const success = at('2026-03-10T02:00:00+01:00');
  it('nothing to say while the last backup is at most a day and an hour old', () => {
    expect(
      backupState(schedule, { lastSuccessAt: success, lastFailureAt: null }, at('2026-03-11T03:00:00+01:00'), false),
    ).toBe('ok');
  });
  it('overdue after that, or when none was ever made', () => {
    expect(
      backupState(schedule, { lastSuccessAt: success, lastFailureAt: null }, at('2026-03-11T03:01:00+01:00'), false),
    ).toBe('overdue');
    expect(backupState(schedule, { lastSuccessAt: null, lastFailureAt: null }, success, false)).toBe('overdue');
  });
  it('failed when the latest attempt failed; not set up without a folder; running while one runs', () => {
    const failure = at('2026-03-11T02:00:00+01:00');
    expect(backupState(schedule, { lastSuccessAt: success, lastFailureAt: failure }, failure, false)).toBe('failed');
    expect(
      backupState({ ...schedule, folder: null }, { lastSuccessAt: null, lastFailureAt: null }, failure, false),
    ).toBe('not-set-up');
    expect(backupState(schedule, { lastSuccessAt: success, lastFailureAt: failure }, failure, true)).toBe('running');
  });
});

describe('backup file names', () => {
  it('carry the console and the UTC time, and are read back', () => {
    const made = at('2026-03-12T02:15:09+01:00');
    expect(backupFileName('CT 1 Zürich', made)).toBe('rootlog-backup-ct-1-zuerich-2026-03-12T01-15-09Z.sqlite');
    expect(backupTimeOf('rootlog-backup-ct-1-zuerich-2026-03-12T01-15-09Z.sqlite')).toEqual(made);
    expect(backupFileName('', made)).toBe('rootlog-backup-2026-03-12T01-15-09Z.sqlite');
    expect(backupTimeOf('rootlog-backup-2026-03-12T01-15-09Z.sqlite')).toEqual(made);
    expect(consoleSlug('Röntgen / CT-Süd (Haus B)')).toBe('roentgen-ct-sued-haus-b');
  });
  it('anything else is not RootLog’s: a copy renamed, a half-written file, another program’s', () => {
    for (const name of [
      'rootlog-backup-ct-1-2026-03-12T01-15-09Z.sqlite.partial-123-ab12cd34',
      'copy of rootlog-backup-ct-1-2026-03-12T01-15-09Z.sqlite',
      'rootlog-backup-ct-1-2026-03-12.sqlite',
      'rootlog.sqlite',
    ]) {
      expect(backupTimeOf(name), name).toBeNull();
    }
  });
});
