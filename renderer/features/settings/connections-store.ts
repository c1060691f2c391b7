import { create } from 'zustand';
import type { ConnectionSettings, ConnectionSettingsPatch } from '../../../db/model/connection-settings.js';
import { type ConnectionTest, sentence, type Words } from '../../../db/model/index.js';
import { ApiCallError, client } from '../../app/api-client.js';
import { CONNECTION_MESSAGES, CONNECTIONS_PANEL_MESSAGES } from './connections-messages.js';

type Section = keyof typeof CONNECTION_MESSAGES;

interface ConnectionsState {
  connections: ConnectionSettings | null;
  /** Each field's problem after a refused save ("worklistServer.port" → "Worklist port must be …"). */
  problems: Record<string, string>;
  /** What the last save did ("RIS settings saved."), said in the reader's language. */
  saved: Words | null;
  test: ConnectionTest | null;
  testing: boolean;
  load: () => Promise<void>;
  save: (section: Section, value: ConnectionSettingsPatch[Section]) => Promise<void>;
  testWorklist: () => Promise<void>;
}

/** Settings → Worklist and → RIS: the two connections, saved and tested through the main process. */
export const useConnections = create<ConnectionsState>((set) => ({
  connections: null,
  problems: {},
  saved: null,
  test: null,
  testing: false,
  load: async () => set({ connections: await client.connections.get() }),
  save: async (section, value) => {
    try {
      set({
        connections: await client.connections.update({ [section]: value }),
        problems: {},
        saved: sentence(CONNECTIONS_PANEL_MESSAGES.saved, { connection: sentence(CONNECTION_MESSAGES[section].title) }),
        test: null,
      });
    } catch (error) {
      const problems =
        error instanceof ApiCallError
          ? Object.fromEntries((error.error.problems ?? []).map((problem) => [problem.field, problem.message]))
          : { '(settings)': String(error) };
      set({ problems, saved: null });
    }
  },
  testWorklist: async () => {
    set({ testing: true, test: null });
    try {
      set({ test: await client.worklist.test(), testing: false });
    } catch (error) {
      set({
        test: { ok: false, message: error instanceof ApiCallError ? error.error.message : String(error) },
        testing: false,
      });
    }
  },
}));
