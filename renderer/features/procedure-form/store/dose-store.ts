import { type DoseReportFill, hasOtherDoseFigures, withDoseReport } from '../../../../db/model/index.js';
import { ApiCallError, client } from '../../../app/api-client.js';
import type { DoseSlice, FormState, Slice } from './form-state.js';

/*
 * The dose from the scanner's own report: once the draft is saved (it then has an id the report
 * can be linked to), the form asks whether a report has come, and fills the dose fields with it,
 * marked as from the report. It never overwrites what a person typed or changed, and a figure
 * the plausibility check questions waits for the person: both are offered instead.
 */
export const doseSlice: Slice<DoseSlice> = () => (set, get) => {
  /** A report has come (asked for, or fetched from the PACS): it fills the dose unless a person's figures or a question stand in the way. */
  const offer = (report: DoseReportFill | null) => {
    set({ doseReport: report });
    const { draft } = get();
    if (!report || draft.doseSource === 'dose_report_then_changed') return;
    const already = draft.doseSource === 'dose_report' && draft.doseReportUids === report.source.doseReportUids;
    if (already || report.questions.length > 0 || hasOtherDoseFigures(draft, report)) return;
    get().update((current) => withDoseReport(current, report));
  };
  const saved = (state: FormState) =>
    state.id && state.mode === 'edit' && state.saveState !== 'new' ? state.id : null;
  return {
    doseReport: null,
    pacsFetch: null,

    checkDoseReport: async () => {
      const { id, mode, shown } = get();
      if (!id || mode !== 'edit') return;
      let report: Awaited<ReturnType<typeof client.dose.fromReport>>['report'];
      try {
        ({ report } = await client.dose.fromReport(id));
      } catch {
        // Asked again at the next save or a moment later; the fields stay typed by hand meanwhile.
        return;
      }
      if (get().shown !== shown) return;
      offer(report);
    },

    takeDoseReport: () => {
      const report = get().doseReport;
      if (report) get().update((current) => withDoseReport(current, report));
    },

    fetchDoseReportFromPacs: async () => {
      const procedureId = saved(get());
      if (!procedureId || get().pacsFetch?.state === 'asking') return;
      const { shown } = get();
      set({ pacsFetch: { state: 'asking', procedureId } });
      try {
        const { fetched, report } = await client.dose.fetchFromPacs(procedureId);
        if (get().shown !== shown) return;
        set({ pacsFetch: { state: 'fetched', procedureId, count: fetched } });
        offer(report);
      } catch (error) {
        if (get().shown !== shown) return;
        const refusal = error instanceof ApiCallError ? error.error : { message: String(error) };
        set({ pacsFetch: { state: 'problem', procedureId, refusal } });
      }
    },
  };
};
