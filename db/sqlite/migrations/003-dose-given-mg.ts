import type { WritableDb } from '../connection.js';
import type { Migration } from './migration.js';

/*
 * Schema 3 exactly as it shipped: the mg given, stored with each drug row. It was computed
 * in four places (JS and SQL, rounding differently: 0.43 mL × 2.5 mg/mL showed as 1.08 mg in
 * one export and 1.07 mg in another); now the model computes it once when the row is written
 * (model/procedure.ts, doseInMg) and every reader takes the stored value. The per-target
 * drug text (targets.drugs_text) is rewritten from the stored values, and the caudal
 * injection's drugs get the same text on the procedure (caudal_drugs_text): the default CSV
 * left them out. The backfill below is a frozen copy of that computation as it was at schema
 * 3. Never edit it.
 */
const SQL = `
ALTER TABLE drug_administrations ADD COLUMN dose_given_mg REAL
  CHECK (dose_given_mg IS NULL OR (dose_given_mg BETWEEN 0 AND 50000));
ALTER TABLE procedures ADD COLUMN caudal_drugs_text TEXT NOT NULL DEFAULT '';
`;

/** "code mg mg;…" from the stored values, in the order given ('?' where no mg is known). */
const DRUGS_TEXT = (condition: string) => `(SELECT coalesce(group_concat(
    d.drug_code || ' ' || CASE WHEN d.dose_given_mg IS NULL THEN '?' ELSE printf('%.15g', d.dose_given_mg) END || ' mg',
    ';' ORDER BY d.ordinal), '')
  FROM drug_administrations d WHERE ${condition})`;

const TEXTS = `
UPDATE targets SET drugs_text = ${DRUGS_TEXT('d.procedure_id = targets.procedure_id AND d.target_ordinal = targets.ordinal')};
UPDATE procedures SET caudal_drugs_text = ${DRUGS_TEXT('d.procedure_id = procedures.id AND d.at_caudal = 1')}
  WHERE caudal_epidural = 1;
`;

const TARGETS_LOCK_TRIGGER = `CREATE TRIGGER targets_locked_when_signed_update BEFORE UPDATE ON targets
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;`;

const SIGNED_PROCEDURE_NO_UPDATE = `CREATE TRIGGER signed_procedure_no_update BEFORE UPDATE ON procedures
  WHEN OLD.status <> 'draft' AND NOT (
    NEW.version = OLD.version + 1 AND NEW.status = 'amended'
    AND EXISTS (SELECT 1 FROM procedure_versions WHERE procedure_id = NEW.id AND version = NEW.version)
    AND EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.id))
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;`;

const LOCK_TRIGGER = `CREATE TRIGGER drug_administrations_locked_when_signed_update BEFORE UPDATE ON drug_administrations
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;`;

/** mg as entered, or concentration × volume rounded half up to 0.01 mg in decimal (frozen at schema 3). */
function doseGivenMg(doseMg: number | null, concentration: number | null, volume: number | null): number | null {
  if (doseMg != null) return doseMg;
  if (concentration == null || volume == null) return null;
  return Math.round(Number((concentration * volume * 100).toPrecision(12))) / 100;
}

interface Schema2DrugRow {
  procedure_id: string;
  ordinal: number;
  dose_mg: number | null;
  concentration_mg_per_ml: number | null;
  volume_ml: number | null;
}

function backfill(db: WritableDb): void {
  const rows = db.prepare(
    `SELECT procedure_id, ordinal, dose_mg, concentration_mg_per_ml, volume_ml FROM drug_administrations
      WHERE (procedure_id, ordinal) > (?, ?) ORDER BY procedure_id, ordinal LIMIT 2000`,
  );
  const update = db.prepare('UPDATE drug_administrations SET dose_given_mg = ? WHERE procedure_id = ? AND ordinal = ?');
  // The value adds nothing new to a record; the lock on signed rows is lifted for this loop
  // and put back exactly as it was, inside the migration's transaction.
  db.exec('DROP TRIGGER drug_administrations_locked_when_signed_update');
  for (let after: [string, number] = ['', -1]; ; ) {
    const batch = rows.all(...after) as Schema2DrugRow[];
    if (batch.length === 0) break;
    for (const row of batch) {
      update.run(doseGivenMg(row.dose_mg, row.concentration_mg_per_ml, row.volume_ml), row.procedure_id, row.ordinal);
    }
    const last = batch[batch.length - 1] as Schema2DrugRow;
    after = [last.procedure_id, last.ordinal];
  }
  db.exec(LOCK_TRIGGER);
  // The texts say nothing new either: the same locks are lifted and put back as they were.
  db.exec('DROP TRIGGER targets_locked_when_signed_update');
  db.exec('DROP TRIGGER signed_procedure_no_update');
  db.exec(TEXTS);
  db.exec(TARGETS_LOCK_TRIGGER);
  db.exec(SIGNED_PROCEDURE_NO_UPDATE);
}

export const doseGiven: Migration = {
  version: 3,
  name: 'dose given in mg, stored',
  up: (db) => {
    db.exec(SQL);
    backfill(db);
  },
};
