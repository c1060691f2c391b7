import type { ReportKind } from '../model/dose-report-kinds.js';
import type { ReadConnection, WriteConnection } from './connection.js';

/*
 * The one writer and reader of dose_reports (schema 13). A report's row is written once with
 * its evidence; afterwards only its link to a procedure and its replacement by a fuller report
 * are ever set (the triggers refuse anything else).
 */

/** How the bytes were received: a C-STORE data set, or a Part 10 file. */
export const BYTES_FORMS = ['dataset', 'file'] as const;
/** How a report came to its procedure. */
export const LINKED_BY = ['study', 'accession', 'patient_day', 'earlier_report', 'hand'] as const;
export type LinkedBy = (typeof LINKED_BY)[number];

export interface NewDoseReportRow {
  id: string;
  sopInstanceUid: string;
  sopClassUid: string;
  kind: ReportKind;
  studyInstanceUid: string | null;
  accessionNumber: string | null;
  patientId: string | null;
  studyDate: string | null;
  manufacturer: string | null;
  model: string | null;
  stationName: string | null;
  deviceSerial: string | null;
  irradiationStartedAt: string | null;
  /** JSON array of the report's irradiation event UIDs. */
  eventUids: string;
  /** JSON of what RootLog read (DoseReportSummary). */
  summary: string;
  bytes: Uint8Array;
  bytesForm: (typeof BYTES_FORMS)[number];
  transferSyntaxUid: string;
  bytesSha256: string;
  receivedAt: string;
  receivedFrom: string;
}

export interface DoseReportRow extends Omit<NewDoseReportRow, 'bytes'> {
  procedureId: string | null;
  linkedBy: LinkedBy | null;
  linkedAt: string | null;
  supersededBy: string | null;
}

const COLUMNS = `id, sop_instance_uid AS sopInstanceUid, sop_class_uid AS sopClassUid, kind,
  study_instance_uid AS studyInstanceUid, accession_number AS accessionNumber, patient_id AS patientId,
  study_date AS studyDate, manufacturer, model, station_name AS stationName, device_serial AS deviceSerial,
  irradiation_started_at AS irradiationStartedAt, event_uids AS eventUids, summary, bytes_form AS bytesForm,
  transfer_syntax_uid AS transferSyntaxUid, bytes_sha256 AS bytesSha256, received_at AS receivedAt,
  received_from AS receivedFrom, procedure_id AS procedureId, linked_by AS linkedBy, linked_at AS linkedAt,
  superseded_by AS supersededBy`;

export function insertDoseReport(write: WriteConnection, row: NewDoseReportRow): void {
  write
    .prepare(
      `INSERT INTO dose_reports (id, sop_instance_uid, sop_class_uid, kind, study_instance_uid, accession_number,
        patient_id, study_date, manufacturer, model, station_name, device_serial, irradiation_started_at, event_uids,
        summary, bytes, bytes_form, transfer_syntax_uid, bytes_sha256, received_at, received_from)
       VALUES (@id, @sopInstanceUid, @sopClassUid, @kind, @studyInstanceUid, @accessionNumber, @patientId, @studyDate,
        @manufacturer, @model, @stationName, @deviceSerial, @irradiationStartedAt, @eventUids, @summary, @bytes,
        @bytesForm, @transferSyntaxUid, @bytesSha256, @receivedAt, @receivedFrom)`,
    )
    .run({ ...row, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) });
}

export const doseReportById = (read: ReadConnection, id: string): DoseReportRow | undefined =>
  read.prepare(`SELECT ${COLUMNS} FROM dose_reports WHERE id = ?`).get(id) as DoseReportRow | undefined;

export const doseReportBySopInstance = (read: ReadConnection, sopInstanceUid: string): DoseReportRow | undefined =>
  read.prepare(`SELECT ${COLUMNS} FROM dose_reports WHERE sop_instance_uid = ?`).get(sopInstanceUid) as
    | DoseReportRow
    | undefined;

/** The bytes exactly as received. */
export const doseReportBytes = (read: ReadConnection, id: string): Uint8Array | undefined =>
  read.prepare('SELECT bytes FROM dose_reports WHERE id = ?').pluck().get(id) as Buffer | undefined;

/** The reports of a study not replaced by a fuller one, oldest first. */
export const currentReportsOfStudy = (read: ReadConnection, studyInstanceUid: string): DoseReportRow[] =>
  read
    .prepare(
      `SELECT ${COLUMNS} FROM dose_reports WHERE study_instance_uid = ? AND superseded_by IS NULL ORDER BY received_at, rowid`,
    )
    .all(studyInstanceUid) as DoseReportRow[];

export function markReplaced(write: WriteConnection, id: string, by: string): void {
  write.prepare('UPDATE dose_reports SET superseded_by = ? WHERE id = ?').run(by, id);
}

export function linkDoseReport(
  write: WriteConnection,
  id: string,
  procedureId: string | null,
  linkedBy: LinkedBy | null,
  at: string | null,
): void {
  write
    .prepare('UPDATE dose_reports SET procedure_id = ?, linked_by = ?, linked_at = ? WHERE id = ?')
    .run(procedureId, linkedBy, at, id);
}

/** A way a report finds its procedure: a condition on the report r and a procedure p. */
export interface LinkRule {
  by: LinkedBy;
  where: string;
}

/**
 * How a report finds its procedure, strongest first; the first rule that finds exactly one
 * record links it. The Study Instance UID the record took from the worklist (schema 17) is the
 * strongest of all: the scanner writes the worklist's UID into its dose report.
 */
export const LINK_RULES: readonly LinkRule[] = [
  { by: 'study', where: 'p.study_instance_uid = r.study_instance_uid' },
  { by: 'accession', where: 'p.accession_number = r.accession_number' },
  {
    by: 'patient_day',
    where: 'upper(trim(p.patient_id)) = upper(trim(r.patient_id)) AND p.performed_date = r.study_date',
  },
];

/** The procedures (up to three: one is a match, more is a question) a rule finds for a report. */
export const proceduresFor = (read: ReadConnection, reportId: string, rule: LinkRule): string[] =>
  read
    .prepare(`SELECT p.id FROM dose_reports r JOIN procedures p ON ${rule.where} WHERE r.id = ? ORDER BY p.id LIMIT 3`)
    .pluck()
    .all(reportId) as string[];

/** Reports waiting for their procedure (no link, not replaced), oldest first. */
export const waitingDoseReports = (read: ReadConnection): DoseReportRow[] =>
  read
    .prepare(
      `SELECT ${COLUMNS} FROM dose_reports WHERE procedure_id IS NULL AND superseded_by IS NULL ORDER BY received_at, rowid`,
    )
    .all() as DoseReportRow[];

/** The reports a procedure has (not replaced), in the order received. */
export const currentReportsOfProcedure = (read: ReadConnection, procedureId: string): DoseReportRow[] =>
  read
    .prepare(
      `SELECT ${COLUMNS} FROM dose_reports WHERE procedure_id = ? AND superseded_by IS NULL ORDER BY received_at, rowid`,
    )
    .all(procedureId) as DoseReportRow[];

const DOSE_COLUMNS = {
  dlpMGyCm: 'dlp_mgy_cm',
  ctdiVolMGy: 'ctdi_vol_mgy',
  dapGyCm2: 'dap_gy_cm2',
  fluoroTimeS: 'fluoro_time_s',
} as const;

/** The latest signed figures of one dose field (most recent first), for the department's usual. */
export const latestSignedDoses = (read: ReadConnection, field: keyof typeof DOSE_COLUMNS, limit: number): number[] =>
  read
    .prepare(
      `SELECT ${DOSE_COLUMNS[field]} FROM procedures WHERE status IN ('signed', 'amended') AND ${DOSE_COLUMNS[field]} > 0
       ORDER BY performed_at_utc DESC LIMIT ?`,
    )
    .pluck()
    .all(limit) as number[];

/*
 * The irradiation events of the dose reports linked to a record, read from the reports as kept:
 * one row per CT acquisition or fluoroscopy run, from the report's summary (its ctEvents or
 * projectionEvents), in the order the report lists them. A report replaced by a fuller one is
 * left out (the fuller one holds its events).
 */
const EVENT = (path: string) => `json_extract(e.value, '$.${path}')`;
const reportEvents = (list: 'ctEvents' | 'projectionEvents') => `
  SELECT r.procedure_id, r.sop_instance_uid AS report_sop_instance_uid, r.kind AS report_kind,
    trim(coalesce(r.manufacturer, '') || ' ' || coalesce(r.model, '') || coalesce(' (' || r.station_name || ')', '')) AS device,
    CAST(e.key AS INTEGER) + 1 AS event_number, ${EVENT('irradiationEventUid')} AS irradiation_event_uid,
    coalesce(${EVENT('acquisitionType')}, ${EVENT('eventType')}) AS event_type, ${EVENT('protocol')} AS protocol,
    ${EVENT('plane')} AS plane, ${EVENT('startedAt')} AS started_at, ${EVENT('ctdiVolMGy')} AS ctdi_vol_mgy,
    ${EVENT('phantom')} AS phantom, ${EVENT('dlpMGyCm')} AS dlp_mgy_cm, ${EVENT('dapGyCm2')} AS dap_gy_cm2,
    ${EVENT('doseRpGy')} AS dose_rp_gy, ${EVENT('durationS')} AS duration_s, r.received_at, r.rowid AS report_rowid
  FROM dose_reports r, json_each(r.summary, '$.${list}') e
  WHERE r.superseded_by IS NULL AND r.procedure_id IS NOT NULL`;

/** Every event of every current, linked report: joined to the export's records as `v`. */
export const DOSE_EVENTS_SQL = `(${reportEvents('ctEvents')} UNION ALL ${reportEvents('projectionEvents')}) v`;
