import { create } from 'zustand';
import type { ReferenceComparisonRow } from '../../../db/model/answers.js';
import type { Dashboard, DashboardFilter } from '../../../db/model/index.js';
import type { FollowUpOutcomes } from '../../../electron/shared/api-contract.js';
import { ApiCallError, client } from '../../app/api-client.js';

interface DashboardState {
  filter: DashboardFilter;
  data: Dashboard | null;
  /** Did the injection help: the follow-up outcomes for the same filter. */
  outcomes: FollowUpOutcomes | null;
  /** Medians per modality and protocol against the reference levels, department and operators. */
  reference: ReferenceComparisonRow[] | null;
  loading: boolean;
  error: string | null;
  setFilter: (filter: DashboardFilter) => void;
  load: () => Promise<void>;
}

let generation = 0;

/** Quality review looks at the last twelve months unless asked otherwise. */
function lastTwelveMonths(today = new Date()): DashboardFilter {
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  const iso = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return { from: iso(from), to: iso(today) };
}

/** The quality-review view: its filter and the aggregates for it (the latest request wins). */
export const useDashboard = create<DashboardState>((set, get) => ({
  filter: lastTwelveMonths(),
  data: null,
  outcomes: null,
  reference: null,
  loading: false,
  error: null,
  setFilter: (filter) => {
    set({ filter });
    void get().load();
  },
  load: async () => {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      const [data, outcomes, reference] = await Promise.all([
        client.stats.dashboard(get().filter),
        client.stats.outcomes(get().filter),
        client.stats.referenceComparison(get().filter),
      ]);
      if (mine === generation) set({ data, outcomes, reference, loading: false });
    } catch (error) {
      if (mine === generation)
        set({ loading: false, error: error instanceof ApiCallError ? error.error.message : String(error) });
    }
  },
}));
