import type { WritableDb } from '../connection.js';
import type { Migration } from './migration.js';

/*
 * Schema 3 exactly as it shipped: the mg given, stored with each drug row. It was computed
 * in four places (JS and SQL, rounding differently: 0.43 mL × 2.5 mg/mL showed as 1.08 mg in
 * one export and 1.07 mg in another); now the model computes it once when the row is written
 * (model/procedure.ts, doseInMg) and every reader takes the stored value. The backfill below
 * is a frozen copy of that computation as it was at schema 3. Never edit it.
 */
const SQL = `
ALTER TABLE drug_administrations ADD COLUMN dose_given_mg REAL
  CHECK (dose_given_mg IS NULL OR (dose_given_mg BETWEEN 0 AND 50000));
`;

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
}

export const doseGiven: Migration = {
  version: 3,
  name: 'dose given in mg, stored',
  up: (db) => {
    db.exec(SQL);
    backfill(db);
  },
};
