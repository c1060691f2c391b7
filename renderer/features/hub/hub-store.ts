import { create } from 'zustand';
import type {
  ConflictResolution,
  HubConflictView,
  HubRefusal,
  HubStatus,
  Said,
  SignerProof,
} from '../../../db/model/index.js';
import { client, refusalOf } from '../../app/api-client.js';

interface HubState {
  status: HubStatus | null;
  /** True conflicts still open: the record here beside the other console's amendment. */
  conflicts: HubConflictView[];
  /** Rows of the hub this console refused or that wait (kept for IT). */
  refusals: HubRefusal[];
  /** A problem with the last action here (saving the password, a sync, a resolution): the main process's refusal, said with useRefusalWords. */
  message: Said | null;
  refresh: () => Promise<void>;
  syncNow: () => Promise<void>;
  setPassword: (password: string | null) => Promise<boolean>;
  replaceKey: () => Promise<void>;
  loadConflicts: () => Promise<void>;
  resolve: (id: string, resolution: ConflictResolution, signer: SignerProof) => Promise<boolean>;
  loadRefusals: () => Promise<void>;
}

const words = refusalOf;

/** The department hub's sync as the window sees it: polled, never waited for by the form. */
export const useHub = create<HubState>((set, get) => ({
  status: null,
  conflicts: [],
  refusals: [],
  message: null,
  refresh: async () => {
    try {
      const status = await client.hub.status();
      set({ status });
      if (status.openConflicts !== get().conflicts.length) await get().loadConflicts();
    } catch {
      // A console without hub sync (or a main process that is busy) simply shows nothing.
    }
  },
  syncNow: async () => {
    try {
      set({ status: { ...(await client.hub.status()), running: true } });
      set({ status: await client.hub.syncNow(), message: null });
      await get().loadConflicts();
    } catch (error) {
      set({ message: words(error) });
    }
  },
  setPassword: async (password) => {
    try {
      await client.hub.setPassword(password);
      set({ message: null });
      return true;
    } catch (error) {
      set({ message: words(error) });
      return false;
    }
  },
  replaceKey: async () => {
    try {
      set({ status: await client.hub.replaceKey(), message: null });
    } catch (error) {
      set({ message: words(error) });
    }
  },
  loadConflicts: async () => {
    try {
      set({ conflicts: await client.hub.conflicts() });
    } catch (error) {
      set({ message: words(error) });
    }
  },
  resolve: async (id, resolution, signer) => {
    try {
      await client.hub.resolveConflict(id, resolution, signer);
      set({ message: null });
      await get().loadConflicts();
      return true;
    } catch (error) {
      set({ message: words(error) });
      return false;
    }
  },
  loadRefusals: async () => {
    try {
      set({ refusals: await client.hub.refusals() });
    } catch (error) {
      set({ message: words(error) });
    }
  },
}));
