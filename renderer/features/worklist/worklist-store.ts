import { create } from 'zustand';
import type { Said, WorklistStatus } from '../../../db/model/index.js';
import { client, refusalOf } from '../../app/api-client.js';

interface WorklistState {
  status: WorklistStatus | null;
  /** A problem reaching the main process itself (the server's own problems are in status.problem). */
  message: Said | null;
  /** Alt+W asks for the first row to take the focus: the panel does it once it shows the list, then says so. */
  focusWanted: boolean;
  /** The list as the main process last received it; never waits for the server. */
  load: () => Promise<void>;
  /** Asks the server now (the main process bounds the wait). */
  refresh: () => Promise<void>;
  requestFocus: () => void;
  focusDone: () => void;
}

const words = refusalOf;

/** Today's worklist as the window sees it: what the main process keeps, refreshed there in the background. */
export const useWorklist = create<WorklistState>((set, get) => ({
  status: null,
  message: null,
  focusWanted: false,
  load: async () => {
    try {
      const status = await client.worklist.status();
      set({ status, message: null });
      // A request under way (the first one after start): its answer, as soon as it is there.
      if (status.asking) set({ status: await client.worklist.refresh() });
    } catch (error) {
      set({ message: words(error) });
    }
  },
  refresh: async () => {
    const before = get().status;
    if (before) set({ status: { ...before, asking: true } });
    try {
      set({ status: await client.worklist.refresh(), message: null });
    } catch (error) {
      set({ message: words(error), status: before });
    }
  },
  requestFocus: () => set({ focusWanted: true }),
  focusDone: () => set({ focusWanted: false }),
}));
