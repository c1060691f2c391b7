import type { Migration } from './migration.js';

/*
 * Schema 11: the comparison of doses with the reference levels and the proposal of local
 * levels read every signed procedure's doses, modality, protocol and operator; from this
 * narrow index alone (400 → 125 ms for 100 000 procedures), never the wide rows. Partial on
 * signed records, like the dashboard's: a draft's autosave never touches it. Never edit it.
 */
const SQL = `
CREATE INDEX procedures_doses ON procedures (performed_date, operator_id, modality, caudal_epidural, root_sides,
  dlp_mgy_cm, ctdi_vol_mgy, fluoro_time_s, dap_gy_cm2, status) WHERE status IN ('signed', 'amended');
`;

export const doseIndex: Migration = { version: 11, name: 'dose index', up: (db) => db.exec(SQL) };
