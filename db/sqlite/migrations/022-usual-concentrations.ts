import { connection } from '../connection.js';
import { chainAsStored } from '../state-chain.js';
import type { Migration } from './migration.js';

/*
 * Schema 22: a local anaesthetic's usual concentrations (mg/mL) in the catalogue, so a figure
 * far from them is asked about at the field (a percentage typed as mg/mL: ropivacaine "0,2"
 * meant 0.2 % = 2 mg/mL, not 0.2 mg/mL). The shipped local anaesthetics get the strengths they
 * are sold in (lidocaine 0.5–2 %, bupivacaine 0.25–0.75 %, ropivacaine 2–10 mg/mL), unless the
 * department's default concentration lies outside them (it then sets its own). No record
 * changes. Never edit it.
 */
const SQL = `
ALTER TABLE drug_catalogue ADD COLUMN usual_concentration_min_mg_per_ml REAL
  CHECK (usual_concentration_min_mg_per_ml IS NULL OR usual_concentration_min_mg_per_ml > 0);
ALTER TABLE drug_catalogue ADD COLUMN usual_concentration_max_mg_per_ml REAL
  CHECK (usual_concentration_max_mg_per_ml IS NULL OR usual_concentration_max_mg_per_ml > 0);
UPDATE drug_catalogue SET usual_concentration_min_mg_per_ml = 5, usual_concentration_max_mg_per_ml = 20
 WHERE code = 'lidocaine' AND dosing = 'concentration' AND coalesce(default_concentration_mg_per_ml, 10) BETWEEN 5 AND 20;
UPDATE drug_catalogue SET usual_concentration_min_mg_per_ml = 2.5, usual_concentration_max_mg_per_ml = 7.5
 WHERE code = 'bupivacaine' AND dosing = 'concentration' AND coalesce(default_concentration_mg_per_ml, 2.5) BETWEEN 2.5 AND 7.5;
UPDATE drug_catalogue SET usual_concentration_min_mg_per_ml = 2, usual_concentration_max_mg_per_ml = 10
 WHERE code = 'ropivacaine' AND dosing = 'concentration' AND coalesce(default_concentration_mg_per_ml, 2) BETWEEN 2 AND 10;
`;

export const usualConcentrations: Migration = {
  version: 22,
  name: 'usual concentrations',
  up: (db) => {
    db.exec(SQL);
    // The catalogue's rows gained values: chained again as they now stand (schema 19's rule).
    chainAsStored(connection(db), { settings: [], tables: { drug_catalogue: 'code' }, recordTables: [] });
  },
};
