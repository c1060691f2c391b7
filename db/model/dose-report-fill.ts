import type { DOSE_SOURCES } from './vocabularies.js';
import type { Words } from './words.js';

/*
 * What the scanner's dose report (RDSR) gives a record, as the window takes it: the figures
 * for the dose fields and the source they are marked with ("from the scanner's dose report",
 * its device and time). A change by hand afterwards needs a reason (doseChangeReason), which
 * the record keeps and the audit log shows.
 */

/** The record's dose fields a report fills. */
export const DOSE_REPORT_FIELDS = ['dlpMGyCm', 'ctdiVolMGy', 'ctAcquisitions', 'dapGyCm2', 'fluoroTimeS'] as const;
export type DoseReportField = (typeof DOSE_REPORT_FIELDS)[number];

/** The part of a draft (the form's or the record's) the dose report fills and marks. */
export type DoseReportFields = { [K in DoseReportField]?: number | null } & {
  doseSource?: (typeof DOSE_SOURCES)[number] | null;
  doseReportUids?: string | null;
  doseReportDevice?: string | null;
  doseReportAt?: string | null;
  doseChangeReason?: string | null;
};

export interface DoseReportFill {
  /** Null where the reports give none. */
  fill: Record<DoseReportField, number | null>;
  /** The record's source fields, as the fill writes them. */
  source: { doseReportUids: string; doseReportDevice: string; doseReportAt: string | null };
  /** Figures to ask about before they fill a field (a DAP 100× the department's usual …), as words. */
  questions: Words[];
  /** How several reports were combined, and what the dose report reader found odd in a report, as words. */
  notes: Words[];
}

/** The draft with the report's figures in its dose fields, marked as from the report. */
export function withDoseReport<D extends DoseReportFields>(draft: D, report: DoseReportFill): D {
  const figures = Object.fromEntries(
    DOSE_REPORT_FIELDS.filter((field) => report.fill[field] !== null).map((field) => [field, report.fill[field]]),
  );
  return {
    ...draft,
    ...figures,
    doseSource: 'dose_report',
    doseReportUids: report.source.doseReportUids,
    doseReportDevice: report.source.doseReportDevice,
    doseReportAt: report.source.doseReportAt,
    doseChangeReason: null,
  } as D;
}

/** Does the draft already hold figures of its own the report would replace (typed before it came)? */
export const hasOtherDoseFigures = (draft: DoseReportFields, report: DoseReportFill) =>
  DOSE_REPORT_FIELDS.some(
    (field) => draft[field] != null && report.fill[field] !== null && draft[field] !== report.fill[field],
  );

/**
 * The dose source after an edit: figures from the report changed by hand are marked so (their
 * reason is asked for); put back as the report had them, they are from the report again.
 */
export function doseAfterEdit<D extends DoseReportFields>(before: D, after: D, report: DoseReportFill | null): D {
  if (before.doseSource !== 'dose_report' && before.doseSource !== 'dose_report_then_changed') return after;
  const changed = DOSE_REPORT_FIELDS.some((field) =>
    report ? report.fill[field] !== null && after[field] !== report.fill[field] : before[field] !== after[field],
  );
  if (changed && before.doseSource === 'dose_report') return { ...after, doseSource: 'dose_report_then_changed' };
  if (!changed && report && before.doseSource === 'dose_report_then_changed')
    return { ...after, doseSource: 'dose_report', doseChangeReason: null };
  return after;
}
