import { create } from 'zustand';
import type { ProcedureFilter, ProcedureSummary } from '../../../db/model/index.js';
import { client } from '../../app/api-client.js';
import { useSettings } from '../settings/settings-store.js';

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

interface ListState {
  filter: ProcedureFilter;
  /** Only records logged at this console (a merged database also holds other consoles'). */
  thisConsoleOnly: boolean;
  setThisConsoleOnly: (value: boolean) => void;
  items: ProcedureSummary[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  setFilter: (filter: ProcedureFilter) => void;
  reload: () => Promise<void>;
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
      const page = await client.procedures.list(effectiveFilter(get()), { limit: 100 });
      if (mine === generation) set({ items: page.items, nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      if (mine === generation) set({ loading: false, error: error instanceof Error ? error.message : String(error) });
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
      if (mine === generation) set({ loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

export { today };
