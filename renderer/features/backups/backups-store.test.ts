import { describe, expect, it } from 'vitest';
import { translator } from '../../../db/i18n/translator.js';
import { type BackupStatus, inEnglish, REFUSAL_MESSAGES, sentence } from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { age, backupChipText, backupMessageWords } from './backup-words.js';

const en = translator('en');

import { useBackups } from './backups-store.js';

/*
 * Settings → Backups and the top bar against a fake main process: a failed Back up now is
 * said at the folder, in the main process's words; a refused schedule at its field; the top
 * bar says nothing while all is well and, when not, the age of the last backup and why.
 */
const unreachable = sentence(REFUSAL_MESSAGES.backupFolderUnreachable, { folder: '/mnt/share/rootlog' });
const status = (over: Partial<BackupStatus>): BackupStatus => ({
  schedule: { folder: '/mnt/share/rootlog', timeOfDay: '02:00', keep: 14 },
  state: 'ok',
  lastSuccess: {
    at: '2026-03-10T01:00:00.000Z',
    path: '/mnt/share/rootlog/rootlog-backup-ct-1-2026-03-10T01-00-00Z.sqlite',
    bytes: 2_400_000,
    procedures: 412,
    by: 'app',
  },
  lastFailure: null,
  nextDueAt: '2026-03-11T01:00:00.000Z',
  ...over,
});

describe('the backups store', () => {
  it('Back up now that fails: the failure in the main process’s words, at the folder', async () => {
    const failed = status({
      state: 'failed',
      lastFailure: {
        at: '2026-03-11T01:00:00.000Z',
        message: inEnglish(unreachable),
        words: unreachable,
        reason: 'unreachable',
      },
    });
    fakeWindow({ 'backups.runNow': () => failed });
    await useBackups.getState().backUpNow();
    expect(useBackups.getState()).toMatchObject({
      busy: false,
      status: failed,
      message: {
        kind: 'problem',
        field: 'folder',
        // Its words with it, so the panel says it in the reader's language.
        refusal: { message: inEnglish(unreachable), words: unreachable },
      },
    });
  });

  it('a schedule refused at its field; a saved one said so', async () => {
    const { calls } = fakeWindow({
      'backups.saveSchedule': ([change]) =>
        (change as { timeOfDay: string }).timeOfDay === '25:00'
          ? {
              error: {
                code: 'validation',
                message: 'Time of day must be a time of day as HH:MM, from 00:00 to 23:59',
                problems: [
                  { field: 'timeOfDay', message: 'Time of day must be a time of day as HH:MM, from 00:00 to 23:59' },
                ],
              },
            }
          : status({}),
    });
    expect(await useBackups.getState().save({ timeOfDay: '25:00', keep: 14 })).toBe(false);
    expect(useBackups.getState().message).toMatchObject({ kind: 'problem', field: 'timeOfDay' });
    expect(await useBackups.getState().save({ timeOfDay: '03:00', keep: 14 })).toBe(true);
    expect(useBackups.getState().message).toEqual({ kind: 'ok', said: 'saved' });
    expect(backupMessageWords({ kind: 'ok', said: 'saved' }, translator('de'), (refusal) => refusal.message)).toBe(
      'Sicherungsplan gespeichert.',
    );
    expect(calls.map(([method]) => method)).toEqual(['backups.saveSchedule', 'backups.saveSchedule']);
  });

  it('a cancelled folder dialog changes nothing', async () => {
    useBackups.setState({ status: status({}), message: null });
    fakeWindow({ 'backups.chooseFolder': () => ({ cancelled: true }) });
    await useBackups.getState().chooseFolder();
    expect(useBackups.getState()).toMatchObject({ status: status({}), message: null });
  });
});

describe('the top bar’s words', () => {
  const now = new Date('2026-03-13T09:00:00.000Z');
  it('nothing while the last backup is recent or one is running', () => {
    expect(backupChipText(status({}), now, en)).toBeNull();
    expect(backupChipText(status({ state: 'running' }), now, en)).toBeNull();
  });
  it('the age of the last backup when overdue, and why when failed', () => {
    expect(backupChipText(status({ state: 'overdue' }), now, en)).toBe('Last backup 3 days ago');
    expect(backupChipText(status({ state: 'overdue', lastSuccess: null }), now, en)).toBe('No backup yet');
    expect(
      backupChipText(
        status({
          state: 'failed',
          lastFailure: { at: now.toISOString(), message: '…', words: unreachable, reason: 'full' },
        }),
        now,
        en,
      ),
    ).toBe('Backup failed: disk full; last backup 3 days ago');
    expect(backupChipText(status({ state: 'overdue' }), now, translator('fr'))).toBe(
      'Dernière sauvegarde il y a 3 jours',
    );
    expect(backupChipText(status({ state: 'not-set-up', lastSuccess: null }), now, en)).toBe('No automatic backups');
  });
  it('ages in the largest unit that fits', () => {
    expect(age('2026-03-13T08:59:40.000Z', now, en)).toBe('a moment');
    expect(age('2026-03-13T08:59:00.000Z', now, en)).toBe('1 minute');
    expect(age('2026-03-13T07:01:00.000Z', now, en)).toBe('119 minutes');
    expect(age('2026-03-12T07:00:00.000Z', now, en)).toBe('26 hours');
    expect(age('2026-03-11T08:00:00.000Z', now, en)).toBe('2 days');
  });
});
