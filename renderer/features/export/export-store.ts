import { create } from 'zustand';
import type { Said } from '../../../db/model/index.js';
import type { ExportJobStatus, MethodInput } from '../../../electron/shared/api-contract.js';
import { client, refusalOf } from '../../app/api-client.js';

export type ExportRequest = MethodInput<'exports.start'>[0];

/** How often a running export's progress is asked for. */
export const POLL_MS = 150;

interface ExportState {
  job: ExportJobStatus | null;
  /** The main process's refusal, said with useRefusalWords. */
  problem: Said | null;
  /** Asks the main process to export (it asks the user where), then follows the job until it ends. */
  start: (request: ExportRequest) => Promise<void>;
  cancel: () => Promise<void>;
  /** Stops following the job (the screen closed); the export itself runs on. */
  stopFollowing: () => void;
  /** Follows a job still running when the screen opens again. */
  resumeFollowing: () => void;
}

/** The export job of this window: started, followed by polling its status, cancelled. */
export const useExport = create<ExportState>((set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (id: string) => {
    timer = setTimeout(async () => {
      try {
        const status = await client.exports.status(id);
        set({ job: status });
        if (status.state === 'running') follow(id);
      } catch (error) {
        set({ problem: refusalOf(error) });
      }
    }, POLL_MS);
  };
  return {
    job: null,
    problem: null,
    start: async (request) => {
      clearTimeout(timer);
      set({ job: null, problem: null });
      try {
        const started = await client.exports.start(request);
        if ('cancelled' in started) return;
        set({ job: started });
        if (started.state === 'running') follow(started.id);
      } catch (error) {
        set({ problem: refusalOf(error) });
      }
    },
    cancel: async () => {
      const job = get().job;
      if (job?.state !== 'running') return;
      try {
        set({ job: await client.exports.cancel(job.id) });
      } catch (error) {
        set({ problem: refusalOf(error) });
      }
    },
    stopFollowing: () => clearTimeout(timer),
    resumeFollowing: () => {
      const job = get().job;
      clearTimeout(timer);
      if (job?.state === 'running') follow(job.id);
    },
  };
});
