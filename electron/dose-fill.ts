import { doseFromReportFor } from '../db/dose-report/reports.js';
import {
  DOSE_FILL_MESSAGES,
  type DoseReportFill,
  doseDeviceOf,
  localDateTimeWithOffset,
  sentence,
  type Words,
} from '../db/model/index.js';
import type { ServiceContext, Store } from '../db/store.js';

/*
 * The procedure's dose reports as the window takes them (dose.fromReport): the figures, the
 * source to mark them with, and what to ask first. Reports that waited for this record are
 * linked on the way (db/dose-report/reports.ts). Null when the procedure has none. The time is
 * the irradiation's by the device's clock (none when the report gives none).
 */
export function doseReportFillFor(store: Store, procedureId: string, context: ServiceContext): DoseReportFill | null {
  const found = doseFromReportFor(store, procedureId, context);
  if (!found) return null;
  // The record keeps "unknown device" as it always has (UNKNOWN_DOSE_DEVICE): the screens say it in words.
  const devices = [...new Set(found.reports.map(doseDeviceOf))];
  // The irradiation's time by the device's clock, never the time the report was received. A DICOM
  // date-time without its offset is the device's local time (PS3.5 6.2): the scanner stands in
  // this console's department, so it is this console's local time, and the note says so.
  const notes: Words[] = [];
  const deviceTime = (time: string | null): string | null => {
    if (!time) return null;
    if (/(Z|[+-]\d\d:\d\d)$/.test(time)) return time;
    const local = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/.exec(time);
    if (!local) return null;
    const [, year, month, day, hour, minute, second = '00'] = local.map(Number) as number[];
    const at = new Date(year as number, (month as number) - 1, day, hour, minute, second as number);
    const written = time.slice(0, 16).replace('T', ' ');
    if (!notes.some((note) => note.values?.time === written))
      notes.push(sentence(DOSE_FILL_MESSAGES.localTime, { time: written }));
    return localDateTimeWithOffset(at);
  };
  const times = found.reports
    .map((report) => deviceTime(report.irradiationStartedAt))
    .filter((time): time is string => time !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    fill: found.fill,
    source: {
      doseReportUids: found.reports.map((report) => report.sopInstanceUid).join(' '),
      doseReportDevice: devices.join(', ').slice(0, 200),
      doseReportAt: times[0] ?? null,
    },
    questions: found.questions.map((question) => question.words),
    // The dose report reader's own findings, as words (one kept in English by an earlier RootLog: as written).
    notes: [...found.notes, ...notes, ...found.reports.flatMap((report) => report.warnings)],
  };
}
