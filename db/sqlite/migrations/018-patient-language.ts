import type { Migration } from './migration.js';

/*
 * Schema 18: the patient's language, in which the aftercare sheet is printed (de, fr, it, en;
 * empty: the department's). A new column that may be empty: every stored row stays as it is.
 * Never edit it.
 */
const SQL = `
ALTER TABLE procedures ADD COLUMN patient_language TEXT CHECK (patient_language IS NULL OR patient_language IN ('de', 'fr', 'it', 'en'));
`;

export const patientLanguage: Migration = { version: 18, name: 'patient language', up: (db) => db.exec(SQL) };
