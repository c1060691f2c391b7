import { doseFromReportFor } from '../db/dose-report/reports.js';
import type { DoseReportFill } from '../db/model/index.js';
import type { ServiceContext, Store } from '../db/store.js';

/*
 * The procedure's dose reports as the window takes them (dose.fromReport): the figures, the
 * source to mark them with, and what to ask first. Reports that waited for this record are
 * linked on the way (db/dose-report/reports.ts). Null when the procedure has none.
 */
export function doseReportFillFor(store: Store, procedureId: string, context: ServiceContext): DoseReportFill | null {
  const found = doseFromReportFor(store, procedureId, context);
  if (!found) return null;
  const devices = [
    ...new Set(
      found.reports.map(
        (report) =>
          [report.manufacturer, report.model, report.stationName && `(${report.stationName})`]
            .filter(Boolean)
            .join(' ') || 'unknown device',
      ),
    ),
  ];
  // The irradiation's time when the device wrote it with its offset; else when it was received.
  const withOffset = (time: string | null) => (time && /(Z|[+-]\d\d:\d\d)$/.test(time) ? time : null);
  const times = found.reports.map((report) => withOffset(report.irradiationStartedAt) ?? report.receivedAt).sort();
  return {
    fill: found.fill,
    source: {
      doseReportUids: found.reports.map((report) => report.sopInstanceUid).join(' '),
      doseReportDevice: devices.join(', ').slice(0, 200),
      doseReportAt: times[0] ?? null,
    },
    questions: found.questions.map((question) => question.message),
    notes: [...found.notes, ...found.reports.flatMap((report) => report.warnings)],
  };
}
