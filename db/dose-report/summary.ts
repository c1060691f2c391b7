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

export interface ReportWarning {
  code: ReportWarningCode;
  message: string;
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
