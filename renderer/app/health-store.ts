import { create } from 'zustand';
import type { MethodOutput } from '../../electron/shared/api-contract.js';
import { client } from './api-client.js';

/** How often the window asks whether the start-up page check has finished. */
export const HEALTH_POLL_MS = 2000;

interface HealthState {
  health: MethodOutput<'database.health'> | null;
  /** Asks until the check has an answer (sound or damaged), then stops. */
  watch: () => void;
}

/** What the background page check found in the database file (see db/store.ts, verify). */
export const useDatabaseHealth = create<HealthState>((set) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async () => {
    try {
      const health = await client.database.health();
      set({ health });
      if (health.state === 'sound' || health.state === 'damaged') return;
    } catch {
      // The next try says more; the form shows its own save errors meanwhile.
    }
    timer = setTimeout(() => void ask(), HEALTH_POLL_MS);
  };
  return {
    health: null,
    watch: () => {
      clearTimeout(timer);
      void ask();
    },
  };
});
