import type { Migration } from './migration.js';

/*
 * Schema 13: the scanners' radiation dose reports (RDSR), kept as received. One row per report
 * (its SOP Instance UID: the same report twice is one report) with its bytes exactly as they
 * came — the C-STORE data set as it crossed the network, in its transfer syntax, or the file
 * as given — their SHA-256, what RootLog read from them, and the procedure they belong to.
 * The evidence is never changed or deleted (triggers); only the link to a procedure (made
 * when the record appears, or by hand) and the one "replaced by a fuller report" mark are set.
 * A report never writes into a procedure: the record's dose fields are filled from it by a
 * person's save. Never edit it.
 */
const SQL = `
CREATE TABLE dose_reports (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  sop_instance_uid TEXT NOT NULL UNIQUE CHECK (length(sop_instance_uid) BETWEEN 1 AND 64),
  sop_class_uid TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ct', 'projection')),
  study_instance_uid TEXT,
  accession_number TEXT,
  patient_id TEXT,
  study_date TEXT CHECK (study_date IS NULL OR study_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  manufacturer TEXT,
  model TEXT,
  station_name TEXT,
  device_serial TEXT,
  irradiation_started_at TEXT,
  event_uids TEXT NOT NULL CHECK (json_valid(event_uids) AND json_type(event_uids) = 'array'),
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  bytes BLOB NOT NULL CHECK (length(bytes) > 0),
  bytes_form TEXT NOT NULL CHECK (bytes_form IN ('dataset', 'file')),
  transfer_syntax_uid TEXT NOT NULL,
  bytes_sha256 TEXT NOT NULL CHECK (length(bytes_sha256) = 64 AND bytes_sha256 NOT GLOB '*[^0-9a-f]*'),
  received_at TEXT NOT NULL,
  received_from TEXT NOT NULL,
  procedure_id TEXT REFERENCES procedures (id) ON DELETE SET NULL,
  linked_by TEXT CHECK (linked_by IS NULL OR linked_by IN ('study', 'accession', 'patient_day', 'earlier_report', 'hand')),
  linked_at TEXT,
  superseded_by TEXT REFERENCES dose_reports (id) CHECK (superseded_by IS NULL OR superseded_by <> id)
) STRICT;
CREATE INDEX dose_reports_by_study ON dose_reports (study_instance_uid) WHERE study_instance_uid IS NOT NULL;
CREATE INDEX dose_reports_by_procedure ON dose_reports (procedure_id) WHERE procedure_id IS NOT NULL;
CREATE INDEX dose_reports_waiting ON dose_reports (received_at) WHERE procedure_id IS NULL AND superseded_by IS NULL;
-- A report finds its record by accession number (db/sqlite/dose-reports.ts LINK_RULES).
CREATE INDEX procedures_by_accession ON procedures (accession_number) WHERE accession_number IS NOT NULL;

CREATE TRIGGER dose_reports_no_delete BEFORE DELETE ON dose_reports
BEGIN SELECT RAISE(ABORT, 'a received dose report is never deleted'); END;
CREATE TRIGGER dose_reports_evidence_unchanged BEFORE UPDATE OF id, sop_instance_uid, sop_class_uid, kind,
  study_instance_uid, accession_number, patient_id, study_date, manufacturer, model, station_name, device_serial,
  irradiation_started_at, event_uids, summary, bytes, bytes_form, transfer_syntax_uid, bytes_sha256, received_at,
  received_from ON dose_reports
BEGIN SELECT RAISE(ABORT, 'a received dose report is kept as received'); END;
CREATE TRIGGER dose_reports_superseded_once BEFORE UPDATE OF superseded_by ON dose_reports
  WHEN OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by
BEGIN SELECT RAISE(ABORT, 'a dose report is replaced once'); END;
`;

export const doseReports: Migration = { version: 13, name: 'dose reports', up: (db) => db.exec(SQL) };
