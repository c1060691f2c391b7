import type { ReportKind } from './dose-report-kinds.js';
import type { Words } from './words.js';

/*
 * The dose reports the console received that no procedure has yet (the inbox), and the dose
 * report receiver's state, as the window shows them. The receiver and the linking live in
 * db/dose-report; these are the shapes they answer with.
 */

export interface WaitingDoseReport {
  id: string;
  receivedAt: string;
  receivedFrom: string;
  kind: ReportKind;
  patientId: string | null;
  patientName: string | null;
  accessionNumber: string | null;
  studyDate: string | null;
  /** The scanner as it named itself, or UNKNOWN_DOSE_DEVICE (said with sayDevice). */
  device: string;
  /** Why it has no procedure yet, as words (said in the reader's language). */
  why: Words;
}

export interface DoseReportInbox {
  count: number;
  /** "2 dose reports without a procedure". */
  words: string;
  reports: WaitingDoseReport[];
}

/** Settings → Dose reports: whether the receiver listens, in words. */
export interface DoseReceiverStatus {
  state: 'off' | 'listening' | 'port-taken' | 'failed';
  /** As words, said in the reader's language (Settings → Dose reports). */
  message: Words;
}
