import type { WritableDb } from '../connection.js';
import type { Migration } from './migration.js';

/*
 * Schema 17: the dashboard facts' layout 2. The follow-up outcomes and the doses against the
 * reference levels are read from the same packed facts as the dashboard (one read of one
 * covering index for the whole screen); they also need each procedure's day of the month
 * (whose follow-up window has ended) and the steroid it was given (particulate or not, as
 * signed), which layout 1 left as zeros at bytes 10 and 11. Every row's facts get the two
 * and the layout number 2; nothing else in them changes. The rule below is a frozen copy of
 * the steroid rule as it is at schema 17 (db/sqlite/facts.ts steroidKindOf is today's): a
 * drug's class and particulate flag as signed, else as the catalogue was at schema 6; the most
 * telling drug counts. Never edit it.
 */

const STEROID_KIND = `coalesce((SELECT max(CASE
    WHEN NOT coalesce(d.signed_class = 'steroid', c.drug_class = 'steroid', 0) THEN 0
    WHEN coalesce(d.signed_particulate = 1, c.particulate = 1, 0) THEN 2
    ELSE 1 END)
  FROM drug_administrations d LEFT JOIN drug_catalogue_at_schema_6 c ON c.code = d.drug_code
  WHERE d.procedure_id = p.id), 0)`;

/** Rewrites every row's facts as layout 2, 2 000 rows at a time so memory stays bounded. */
function toLayout2(db: WritableDb): void {
  const batch = db.prepare(
    `SELECT p.rowid, p.performed_date, p.dashboard_facts, ${STEROID_KIND}
       FROM procedures p WHERE p.rowid > ? AND p.dashboard_facts IS NOT NULL ORDER BY p.rowid LIMIT 2000`,
  );
  const update = db.prepare('UPDATE procedures SET dashboard_facts = ? WHERE rowid = ?');
  // The facts change nothing in a record; the trigger that keeps signed records immutable is
  // lifted for this loop and put back exactly as it was (its own text, read from the file),
  // inside the migration's transaction.
  const lock = db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'signed_procedure_no_update'")
    .pluck()
    .get() as string;
  db.exec('DROP TRIGGER signed_procedure_no_update');
  for (let after = 0; ; ) {
    const rows = batch.raw().all(after) as [number, string, string, number][];
    if (rows.length === 0) break;
    for (const [rowid, performedDate, text, steroid] of rows) {
      const facts = Buffer.from(text, 'base64');
      // Layout 2 already (a file put back to an older version by hand keeps today's facts) is
      // given the same two bytes again; any other layout is not this migration's to read.
      if (facts.length !== 72 || (facts[0] !== 1 && facts[0] !== 2)) {
        throw new Error(`procedure row ${rowid} has dashboard facts of layout ${facts[0]}, not 1`);
      }
      facts[0] = 2;
      facts[10] = Number(performedDate.slice(8, 10));
      facts[11] = steroid;
      update.run(facts.toString('base64'), rowid);
    }
    after = rows[rows.length - 1]?.[0] as number;
  }
  db.exec(lock);
}

export const dashboardFactsLayout2: Migration = {
  version: 17,
  name: 'dashboard facts layout 2: day and steroid',
  up: toLayout2,
};
