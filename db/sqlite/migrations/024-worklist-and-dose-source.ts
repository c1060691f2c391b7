import type { Migration } from './migration.js';

/*
 * Schema 24: what the department's systems said about a record. From the DICOM worklist: the
 * issuer of the patient ID, the Study Instance UID, the requested procedure (code, coding
 * scheme, text), the referring physician, the patient's language, and where the identity came
 * from. From the scanner's dose report (RDSR): where the dose came from, the reports' SOP
 * Instance UIDs, the device and the time, and the reason for a change by hand. New columns
 * that may be empty: every stored row stays as it is. The Study Instance UID is indexed: dose
 * reports find their record by it. Never edit it.
 */
const SQL = `
ALTER TABLE procedures ADD COLUMN issuer_of_patient_id TEXT;
ALTER TABLE procedures ADD COLUMN study_instance_uid TEXT;
ALTER TABLE procedures ADD COLUMN requested_procedure_text TEXT;
ALTER TABLE procedures ADD COLUMN requested_procedure_code TEXT;
ALTER TABLE procedures ADD COLUMN requested_procedure_scheme TEXT;
ALTER TABLE procedures ADD COLUMN referring_physician TEXT;
ALTER TABLE procedures ADD COLUMN patient_language TEXT;
ALTER TABLE procedures ADD COLUMN identity_source TEXT CHECK (identity_source IS NULL OR identity_source IN ('typed', 'worklist', 'worklist_then_changed'));
ALTER TABLE procedures ADD COLUMN dose_source TEXT CHECK (dose_source IS NULL OR dose_source IN ('typed', 'dose_report', 'dose_report_then_changed'));
ALTER TABLE procedures ADD COLUMN dose_report_uids TEXT;
ALTER TABLE procedures ADD COLUMN dose_report_device TEXT;
ALTER TABLE procedures ADD COLUMN dose_report_at TEXT;
ALTER TABLE procedures ADD COLUMN dose_change_reason TEXT;
CREATE INDEX procedures_study_instance_uid ON procedures (study_instance_uid) WHERE study_instance_uid IS NOT NULL;
`;

export const worklistAndDoseSource: Migration = {
  version: 24,
  name: 'worklist identity and dose source',
  up: (db) => db.exec(SQL),
};
