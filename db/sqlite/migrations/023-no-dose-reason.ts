import type { Migration } from './migration.js';

/*
 * Schema 23: why an X-ray-guided case was signed with no dose (not recorded by the scanner,
 * dose report pending, equipment fault, other with its words). New columns that may be empty:
 * every stored row stays as it is. Never edit it.
 */
const SQL = `
ALTER TABLE procedures ADD COLUMN no_dose_reason TEXT CHECK (no_dose_reason IS NULL OR no_dose_reason IN ('not_recorded_by_scanner', 'dose_report_pending', 'equipment_fault', 'other'));
ALTER TABLE procedures ADD COLUMN no_dose_reason_text TEXT CHECK (no_dose_reason_text IS NULL OR length(no_dose_reason_text) <= 200);
`;

export const noDoseReason: Migration = { version: 23, name: 'no-dose reason', up: (db) => db.exec(SQL) };
