import type { SameDayRecord, SameDaySteroidMg, Status } from '../model/index.js';
import type { ReadConnection } from './connection.js';

/*
 * The patient's other records of one local day, for the rules only the logbook can give (the
 * same root twice on one day). The patient is read by its key, so "k-100301 " and "K-100301"
 * are one patient; the lookup follows the index on (patient_key, performed_date).
 */
export function sameDayRecords(
  read: ReadConnection,
  patientKey: string,
  performedDate: string,
  exceptId: string,
): SameDayRecord[] {
  const rows = read
    .prepare(
      `SELECT id, performed_at AS performedAt, status, root_sides AS rootSides
         FROM procedures
        WHERE patient_key = ? AND performed_date = ? AND id <> ?
        ORDER BY performed_at_utc, id`,
    )
    .all(patientKey, performedDate, exceptId) as {
    id: string;
    performedAt: string | null;
    status: Status;
    rootSides: string | null;
  }[];
  // root_sides is "L5 left,S1 left" (procedure-rows.ts), "?" where a root or side is not chosen yet.
  return rows.map((row) => ({
    ...row,
    rootSides: (row.rootSides ?? '').split(',').filter((rootSide) => rootSide !== '' && !rootSide.includes('?')),
  }));
}

/** Steroid the same patient received in other signed procedures of one local day, per drug (a draft gave nothing yet). */
export function sameDaySteroidMg(
  read: ReadConnection,
  patientKey: string,
  performedDate: string,
  exceptId: string,
): SameDaySteroidMg {
  const rows = read
    .prepare(
      `SELECT d.drug_code AS code, sum(d.dose_given_mg) AS mg
         FROM procedures p
         JOIN drug_administrations d ON d.procedure_id = p.id
         JOIN drug_catalogue c ON c.code = d.drug_code AND c.drug_class = 'steroid'
        WHERE p.patient_key = ? AND p.performed_date = ? AND p.id <> ? AND p.status <> 'draft'
        GROUP BY d.drug_code`,
    )
    .all(patientKey, performedDate, exceptId) as { code: string; mg: number | null }[];
  return Object.fromEntries(rows.filter((row) => row.mg != null).map((row) => [row.code, row.mg as number]));
}
