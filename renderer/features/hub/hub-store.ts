import { create } from 'zustand';
import type { HubStatus } from '../../../db/model/index.js';
import { ApiCallError, client } from '../../app/api-client.js';

interface HubState {
  status: HubStatus | null;
  /** A problem with the last action here (saving the password, asking for a sync). */
  message: string | null;
  refresh: () => Promise<void>;
  syncNow: () => Promise<void>;
  setPassword: (password: string | null) => Promise<boolean>;
}

/** The department hub's sync as the window sees it: polled, never waited for by the form. */
export const useHub = create<HubState>((set) => ({
  status: null,
  message: null,
  refresh: async () => {
    try {
      set({ status: await client.hub.status() });
    } catch {
      // A console without hub sync (or a main process that is busy) simply shows nothing.
    }
  },
  syncNow: async () => {
    try {
      set({ status: { ...(await client.hub.status()), running: true } });
      set({ status: await client.hub.syncNow(), message: null });
    } catch (error) {
      set({ message: error instanceof ApiCallError ? error.error.message : String(error) });
    }
  },
  setPassword: async (password) => {
    try {
      await client.hub.setPassword(password);
      set({ message: null });
      return true;
    } catch (error) {
      set({ message: error instanceof ApiCallError ? error.error.message : String(error) });
      return false;
    }
  },
}));
