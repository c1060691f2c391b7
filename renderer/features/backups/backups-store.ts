import { create } from 'zustand';
import type { BackupScheduleChange, BackupStatus } from '../../../db/model/index.js';
import { ApiCallError, client, refusalOf } from '../../app/api-client.js';
import type { BackupMessage } from './backup-words.js';

interface BackupsState {
  status: BackupStatus | null;
  message: BackupMessage;
  /** A backup asked for with Back up now is running. */
  busy: boolean;
  refresh: () => Promise<void>;
  save: (change: BackupScheduleChange) => Promise<boolean>;
  chooseFolder: () => Promise<void>;
  backUpNow: () => Promise<void>;
}

const problem = (error: unknown): BackupMessage => ({
  kind: 'problem',
  refusal: refusalOf(error),
  ...(error instanceof ApiCallError ? { field: error.error.problems?.[0]?.field ?? error.error.field } : {}),
});

/** The console's automatic backups as the window sees them: polled for the top bar, changed in Settings. */
export const useBackups = create<BackupsState>((set) => ({
  status: null,
  message: null,
  busy: false,
  refresh: async () => {
    try {
      set({ status: await client.backups.status() });
    } catch {
      // A busy main process: the last known status stays until the next poll.
    }
  },
  save: async (change) => {
    try {
      const status = await client.backups.saveSchedule(change);
      set({
        status,
        message: { kind: 'ok', said: change.folder === null ? 'stopped' : 'saved' },
      });
      return true;
    } catch (error) {
      set({ message: problem(error) });
      return false;
    }
  },
  chooseFolder: async () => {
    try {
      const chosen = await client.backups.chooseFolder();
      if ('cancelled' in chosen) return;
      set({ status: chosen, message: { kind: 'ok', said: 'saved' } });
    } catch (error) {
      set({ message: problem(error) });
    }
  },
  backUpNow: async () => {
    set({ busy: true, message: null });
    try {
      const status = await client.backups.runNow();
      set({
        status,
        message:
          status.state === 'failed' && status.lastFailure
            ? {
                kind: 'problem',
                refusal: { message: status.lastFailure.message, words: status.lastFailure.words },
                field: 'folder',
              }
            : { kind: 'ok', said: 'backedUp', path: status.lastSuccess?.path ?? '' },
      });
    } catch (error) {
      set({ message: problem(error) });
    } finally {
      set({ busy: false });
    }
  },
}));
