import { create } from 'zustand';
import type { ConnectionSettings, ConnectionSettingsPatch } from '../../../db/model/connection-settings.js';
import { type Said, sentence, type Words } from '../../../db/model/index.js';
import { ApiCallError, client, refusalOf } from '../../app/api-client.js';
import { CONNECTION_MESSAGES, CONNECTIONS_PANEL_MESSAGES } from './connections-messages.js';

type Section = keyof typeof CONNECTION_MESSAGES;

interface ConnectionsState {
  connections: ConnectionSettings | null;
  /** Each field's problem after a refused save ("worklistServer.port" → "Worklist port must be …"), as the main process said it. */
  problems: Record<string, Said>;
  /** What the last save did ("RIS settings saved."), said in the reader's language. */
  saved: Words | null;
  /** The worklist's test: what it answered (ConnectionTest), or why it could not be asked; said with useRefusalWords. */
  test: ({ ok: boolean } & Said) | null;
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
          ? Object.fromEntries((error.error.problems ?? []).map(({ field, ...said }) => [field, said]))
          : { '(settings)': refusalOf(error) };
      set({ problems, saved: null });
    }
  },
  testWorklist: async () => {
    set({ testing: true, test: null });
    try {
      set({ test: await client.worklist.test(), testing: false });
    } catch (error) {
      set({
        test: { ok: false, ...refusalOf(error) },
        testing: false,
      });
    }
  },
}));
