import { sentence, withPreset } from '../../../../db/model/index.js';
import { client } from '../../../app/api-client.js';
import { withPlanOf } from '../draft-edits.js';
import { QUICK_START_MESSAGES as M } from '../form-messages.js';
import type { PlanSlice, Slice } from './form-state.js';

/*
 * The plan in one key: a department preset (Alt+1 … Alt+9), this patient's last procedure
 * (Alt+L), this console's last drugs. Each fills the draft and then asks for the focus on the
 * first field still needed, which the form moves once it shows the plan.
 */
export const planSlice: Slice<PlanSlice> = () => (set, get) => ({
  fetchingPlan: false,
  planMessage: null,

  applyPreset: (preset) => {
    get().update((draft) => withPreset(draft, preset));
    get().requestFocus({ kind: 'next-needed' });
  },

  sameAsLastProcedure: async () => {
    const { draft, id, shown } = get();
    if (!draft.patientId || get().fetchingPlan) return false;
    // An ID held back (off the department's pattern) is not the patient's: say why, not "no earlier case".
    const held = get().problems.patientId;
    if (held) {
      set({ planMessage: sentence(M.nothingCopied, { problem: held.words ?? held.message }) });
      get().requestFocus({ kind: 'fields', fields: ['patientId'] });
      return false;
    }
    set({ fetchingPlan: true, planMessage: null });
    try {
      // By the patient key: "k-100301 " finds K-100301's procedures (case and spaces do not count).
      const page = await client.procedures.list(
        { patient: draft.patientId, statuses: ['signed', 'amended'] },
        { limit: 2 },
      );
      const last = page.items.find((item) => item.id !== id);
      if (get().shown !== shown) return false;
      if (!last) {
        set({ planMessage: sentence(M.noEarlier, { patientId: draft.patientId.trim() }) });
        return false;
      }
      const { record } = await client.procedures.get(last.id);
      // Another record came on screen meanwhile: this plan is not for it.
      if (get().shown !== shown) return false;
      get().update((current) => withPlanOf(current, record));
      get().requestFocus({ kind: 'next-needed' });
      return true;
    } finally {
      set({ fetchingPlan: false });
    }
  },

  sameDrugsAsLast: async () => {
    const { shown } = get();
    const last = await client.procedures.lastDrugs();
    if (get().shown !== shown) return;
    get().update((draft) => ({
      ...draft,
      drugs: last.map((d) => ({
        ...d,
        site: typeof d.site === 'number' && d.site >= (draft.targets?.length ?? 0) ? 0 : d.site,
      })),
    }));
  },
});
