import type { Migration } from './migration.js';

/*
 * Schema 10: drugs by formulation, as a clinical review asked.
 *
 * Betamethasone is two products: the sodium phosphate solution is not particulate, the
 * phosphate + acetate suspension is. The catalogue gains the soluble one (new code
 * betamethasone_phosphate); the shipped entry (code betamethasone, particulate) is renamed to
 * say it is the suspension — only while it still has the shipped name, so a department's own
 * name is never overwritten. Signed records keep the name they were signed with (schema 6).
 *
 * A dexamethasone dose may be stated as the phosphate (what most ampoules say) or as the base
 * (4 mg phosphate ≈ 3.3 mg base): drug_administrations.dose_salt says which. Never edit it.
 */
const SQL = `
ALTER TABLE drug_administrations ADD COLUMN dose_salt TEXT CHECK (dose_salt IS NULL OR dose_salt IN ('phosphate', 'base'));
INSERT OR IGNORE INTO drug_catalogue (code, name, drug_class, particulate, dosing, default_concentration_mg_per_ml, usual_dose_mg, max_dose_mg, active)
  VALUES ('betamethasone_phosphate', 'Betamethasone sodium phosphate', 'steroid', 0, 'mg', NULL, 6, 12, 1);
UPDATE drug_catalogue SET name = 'Betamethasone phosphate + acetate (suspension)' WHERE code = 'betamethasone' AND name = 'Betamethasone';
`;

export const drugFormulations: Migration = { version: 10, name: 'drug formulations', up: (db) => db.exec(SQL) };
