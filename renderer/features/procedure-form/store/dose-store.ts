import { hasOtherDoseFigures, withDoseReport } from '../../../../db/model/index.js';
import { client } from '../../../app/api-client.js';
import type { DoseSlice, Slice } from './form-state.js';

/*
 * The dose from the scanner's own report: once the draft is saved (it then has an id the report
 * can be linked to), the form asks whether a report has come, and fills the dose fields with it,
 * marked as from the report. It never overwrites what a person typed or changed, and a figure
 * the plausibility check questions waits for the person: both are offered instead.
 */
export const doseSlice: Slice<DoseSlice> = () => (set, get) => ({
  doseReport: null,

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
    set({ doseReport: report });
    const { draft } = get();
    if (!report || draft.doseSource === 'dose_report_then_changed') return;
    const already = draft.doseSource === 'dose_report' && draft.doseReportUids === report.source.doseReportUids;
    if (already || report.questions.length > 0 || hasOtherDoseFigures(draft, report)) return;
    const found = report;
    get().update((current) => withDoseReport(current, found));
  },

  takeDoseReport: () => {
    const report = get().doseReport;
    if (report) get().update((current) => withDoseReport(current, report));
  },
});
