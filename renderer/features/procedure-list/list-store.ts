import { create } from 'zustand';
import { type ProcedureFilter, type ProcedureSummary, sentence, type Words } from '../../../db/model/index.js';
import { client } from '../../app/api-client.js';
import { useSettings } from '../settings/settings-store.js';
import { LIST_STATUS_MESSAGES as M } from './list-messages.js';

/** Why the list could not be read, in the reader's language around the main process's own words. */
const failed = (error: unknown): Words =>
  sentence(M.loadFailed, { reason: error instanceof Error ? error.message : String(error) });

const isoDate = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
const today = () => isoDate(new Date());
const yesterday = () => {
  const day = new Date();
  day.setDate(day.getDate() - 1);
  return isoDate(day);
};

/** How many of the earlier days' drafts the start screen lists (it says "more" beyond). */
export const EARLIER_DRAFTS_SHOWN = 50;

interface ListState {
  filter: ProcedureFilter;
  /** Only records logged at this console (a merged database also holds other consoles'). */
  thisConsoleOnly: boolean;
  setThisConsoleOnly: (value: boolean) => void;
  items: ProcedureSummary[];
  /**
   * Unsigned drafts of earlier days (this console's, when only this console is shown): listed
   * on the start screen until signed or deleted, since a forgotten draft never reaches the audits.
   */
  earlierDrafts: ProcedureSummary[];
  moreEarlierDrafts: boolean;
  nextCursor: string | null;
  loading: boolean;
  error: Words | null;
  setFilter: (filter: ProcedureFilter) => void;
  reload: () => Promise<void>;
  /** The earlier days' drafts afresh (with every reload of the list). */
  reloadEarlierDrafts: () => Promise<void>;
  loadMore: () => Promise<void>;
}

let generation = 0;

function effectiveFilter(state: Pick<ListState, 'filter' | 'thisConsoleOnly'>): ProcedureFilter {
  const consoleName = useSettings.getState().settings?.consoleName;
  return state.thisConsoleOnly && consoleName ? { ...state.filter, consoleNames: [consoleName] } : state.filter;
}

/** The list opens on today's procedures; filters are the data layer's; pages come by keyset cursor. */
export const useProcedureList = create<ListState>((set, get) => ({
  filter: { from: today(), to: today() },
  thisConsoleOnly: true,
  setThisConsoleOnly: (thisConsoleOnly) => {
    set({ thisConsoleOnly });
    void get().reload();
  },
  items: [],
  earlierDrafts: [],
  moreEarlierDrafts: false,
  nextCursor: null,
  loading: false,
  error: null,
  setFilter: (filter) => {
    set({ filter });
    void get().reload();
  },
  reload: async () => {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      void get().reloadEarlierDrafts();
      const page = await client.procedures.list(effectiveFilter(get()), { limit: 100 });
      if (mine === generation) set({ items: page.items, nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      if (mine === generation) set({ loading: false, error: failed(error) });
    }
  },
  reloadEarlierDrafts: async () => {
    const consoleName = useSettings.getState().settings?.consoleName;
    const filter: ProcedureFilter = {
      statuses: ['draft'],
      to: yesterday(),
      ...(get().thisConsoleOnly && consoleName ? { consoleNames: [consoleName] } : {}),
    };
    try {
      const drafts = await client.procedures.list(filter, { limit: EARLIER_DRAFTS_SHOWN });
      set({ earlierDrafts: drafts.items, moreEarlierDrafts: drafts.nextCursor !== null });
    } catch {
      // The list's own answer says what is wrong with the logbook; this one keeps what it had.
    }
  },
  loadMore: async () => {
    const { nextCursor, loading } = get();
    const filter = effectiveFilter(get());
    if (!nextCursor || loading) return;
    const mine = generation;
    set({ loading: true });
    try {
      const page = await client.procedures.list(filter, { limit: 100, cursor: nextCursor });
      if (mine === generation)
        set({ items: [...get().items, ...page.items], nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      if (mine === generation) set({ loading: false, error: failed(error) });
    }
  },
}));

export { today };
