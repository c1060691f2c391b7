/*
 * What RootLog takes from a radiation dose structured report: the totals a procedure record
 * holds, each irradiation event for the detail table and the audit, the device and the study
 * it belongs to, and what was odd about the file, in words. Plain data (JSON-safe, no Node):
 * the renderer may import these types.
 */

/** CTDIvol is measured in one of two phantoms; values from different phantoms are not comparable. */
export type Phantom = 'body-32cm' | 'head-16cm';
export type CtAcquisitionType = 'sequenced' | 'spiral' | 'constant-angle' | 'stationary' | 'free';
export type Plane = 'single' | 'A' | 'B' | 'all';

import type { ReportKind } from '../model/dose-report-kinds.js';
import { DOSE_REPORT_FINDING_MESSAGES, doseReportMessage } from '../model/dose-report-words.js';
import type { Message } from '../model/messages.js';
import { type StoredWords, storedForm, wordsOfStoredForm } from '../model/stored-words.js';
import { inEnglish, sentence, type Words, type WordValue } from '../model/words.js';

export { REPORT_KINDS, type ReportKind } from '../model/dose-report-kinds.js';

export interface CtEvent {
  irradiationEventUid: string | null;
  protocol: string | null;
  acquisitionType: CtAcquisitionType | null;
  ctdiVolMGy: number | null;
  /** The phantom of this event's CTDIvol; null when the report does not say. */
  phantom: Phantom | null;
  dlpMGyCm: number | null;
}

export interface ProjectionEvent {
  irradiationEventUid: string | null;
  protocol: string | null;
  plane: Plane | null;
  eventType: 'fluoroscopy' | 'acquisition' | null;
  /** ISO local date-time as the device wrote it (no offset), null when missing or invalid. */
  startedAt: string | null;
  dapGyCm2: number | null;
  doseRpGy: number | null;
  /** Often absent for fluoroscopy events: the plane's total fluoroscopy time is the truth. */
  durationS: number | null;
}

/** One Accumulated X-Ray Dose container: one plane of the system. */
export interface PlaneTotals {
  plane: Plane | null;
  dapGyCm2: number | null;
  fluoroDapGyCm2: number | null;
  acquisitionDapGyCm2: number | null;
  doseRpGy: number | null;
  fluoroTimeS: number | null;
  acquisitionTimeS: number | null;
}

export type ReportWarningCode =
  | 'unknown-unit'
  | 'unreadable-number'
  | 'code-without-value'
  | 'invalid-date-time'
  | 'no-template-identifier'
  | 'event-without-uid'
  | 'event-count-differs'
  | 'events-differ-from-total'
  | 'no-phantom'
  | 'mixed-phantoms'
  | 'no-dlp-total'
  | 'no-dap-total'
  | 'no-fluoro-time-total'
  | 'planes-summed'
  | 'character-set';

/** What was odd about one report: its code, its words (said in the reader's language) and their English (logs, JSON). */
export interface ReportWarning {
  code: ReportWarningCode;
  words: Words;
  message: string;
}

/** A finding of the reader (DOSE_REPORT_FINDING_MESSAGES), its English derived from its words. */
export function finding(
  code: ReportWarningCode,
  message: Message,
  values?: Readonly<Record<string, WordValue>>,
): ReportWarning {
  const words = sentence(message, values);
  return { code, words, message: inEnglish(words) };
}

export interface DoseReportSummary {
  kind: ReportKind;
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string | null;
  accessionNumber: string | null;
  patientId: string | null;
  patientName: string | null;
  /** YYYY-MM-DD and HH:MM:SS as the device wrote them (local time). */
  studyDate: string | null;
  studyTime: string | null;
  manufacturer: string | null;
  model: string | null;
  stationName: string | null;
  deviceSerial: string | null;
  /** When irradiation began (CT: Start of X-Ray Irradiation; projection: the first event), ISO local. */
  irradiationStartedAt: string | null;

  /** CT: the accumulated DLP (113813), never a sum of anything else. */
  dlpMGyCm: number | null;
  /** CT: the highest event's CTDIvol, with that event's phantom. */
  ctdiVolMGy: number | null;
  ctdiVolPhantom: Phantom | null;
  /** Projection: the dose-area product total over the system's planes, in Gy·cm². */
  dapGyCm2: number | null;
  fluoroDapGyCm2: number | null;
  acquisitionDapGyCm2: number | null;
  /** Projection: dose at the reference point; null for two planes (their reference points differ). */
  doseRpGy: number | null;
  /** Projection: the total fluoroscopy time (113730), never the sum of events. */
  fluoroTimeS: number | null;
  planes: PlaneTotals[];
  ctEvents: CtEvent[];
  projectionEvents: ProjectionEvent[];
  warnings: ReportWarning[];
}

/** Every irradiation event's UID the report names: what tells an earlier report from a later, fuller one. */
export const eventUidsOf = (summary: Pick<DoseReportSummary, 'ctEvents' | 'projectionEvents'>): string[] =>
  [...summary.ctEvents, ...summary.projectionEvents]
    .map((event) => event.irradiationEventUid)
    .filter((uid): uid is string => uid !== null);

/**
 * A finding as the report's summary keeps it (dose_reports.summary): its code, its English (what
 * an earlier RootLog reads, and the logs) and its words by message id and values. A summary an
 * earlier RootLog kept has the code and the English only.
 */
export interface StoredReportWarning {
  code: ReportWarningCode;
  message: string;
  words?: StoredWords;
}

/** The summary as dose_reports.summary keeps it (JSON): each finding's words by their ids. */
export const storedSummary = (summary: DoseReportSummary): string =>
  JSON.stringify({
    ...summary,
    warnings: summary.warnings.map(
      (warning): StoredReportWarning => ({
        code: warning.code,
        message: warning.message,
        words: storedForm(warning.words),
      }),
    ),
  });

/**
 * A finding kept in a summary, as words: its words when it kept them, else (a summary an earlier
 * RootLog kept, or words of a later one) its English, shown as it was written.
 */
export function reportWarningOf(stored: StoredReportWarning): ReportWarning {
  const words =
    wordsOfStoredForm(stored.words, doseReportMessage) ??
    sentence(DOSE_REPORT_FINDING_MESSAGES.asWritten, { text: String(stored.message ?? '') });
  return { code: stored.code, words, message: stored.message };
}

/** The summary dose_reports.summary keeps (storedSummary, or an earlier RootLog's), its findings as words. */
export function summaryFromStored(json: string): DoseReportSummary {
  const parsed = JSON.parse(json) as Omit<DoseReportSummary, 'warnings'> & { warnings?: StoredReportWarning[] };
  return { ...parsed, warnings: (parsed.warnings ?? []).map(reportWarningOf) };
}
