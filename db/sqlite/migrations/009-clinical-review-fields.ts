import type { WritableDb } from '../connection.js';
import type { Migration } from './migration.js';

/*
 * Schema 9: the fields a clinical review asked for (docs/clinical-data.md, "Fields added after
 * the clinical review"): the time-out, the anticoagulant's class, steroid and local-anaesthetic allergy,
 * sedation, the patient's weight, the reason a dose was above the reference level, what was
 * done after abnormal spread (per target and for the caudal injection) and the SIR grade of a
 * complication. Three lists grow: a retrodiscal approach, a prior contrast reaction not
 * premedicated, and pregnancy "not excluded" / "positive".
 *
 * Growing a CHECK list only allows more: every stored row already satisfies the new one, so
 * instead of rebuilding procedures and targets (whose children reference them) the table's
 * definition is edited in place, the procedure SQLite documents for loosening a constraint
 * (https://sqlite.org/lang_altertable.html, section 7): constant time on any file. Never edit it.
 */
const SQL = `
ALTER TABLE procedures ADD COLUMN time_out_level_verified INTEGER CHECK (time_out_level_verified IS NULL OR time_out_level_verified IN (0, 1));
ALTER TABLE procedures ADD COLUMN time_out_side_marked INTEGER CHECK (time_out_side_marked IS NULL OR time_out_side_marked IN (0, 1));
ALTER TABLE procedures ADD COLUMN transitional_vertebra INTEGER CHECK (transitional_vertebra IS NULL OR transitional_vertebra IN (0, 1));
ALTER TABLE procedures ADD COLUMN anticoagulant_class TEXT CHECK (anticoagulant_class IS NULL OR anticoagulant_class IN ('none', 'aspirin_alone', 'other_antiplatelet', 'doac', 'warfarin', 'heparin'));
ALTER TABLE procedures ADD COLUMN steroid_allergy TEXT CHECK (steroid_allergy IS NULL OR steroid_allergy IN ('yes', 'no'));
ALTER TABLE procedures ADD COLUMN local_anaesthetic_allergy TEXT CHECK (local_anaesthetic_allergy IS NULL OR local_anaesthetic_allergy IN ('yes', 'no'));
ALTER TABLE procedures ADD COLUMN sedation TEXT CHECK (sedation IS NULL OR sedation IN ('none', 'oral_anxiolytic', 'iv'));
ALTER TABLE procedures ADD COLUMN weight_kg REAL CHECK (weight_kg IS NULL OR weight_kg BETWEEN 1 AND 400);
ALTER TABLE procedures ADD COLUMN dose_exceedance_reason TEXT CHECK (dose_exceedance_reason IS NULL OR dose_exceedance_reason IN ('patient_size', 'difficult_access', 'repositioning', 'training', 'other'));
ALTER TABLE procedures ADD COLUMN caudal_abnormal_spread_action TEXT CHECK (caudal_abnormal_spread_action IS NULL OR caudal_abnormal_spread_action IN ('repositioned_clean_retest', 'digital_subtraction', 'switched_to_non_particulate', 'aborted'));
ALTER TABLE targets ADD COLUMN abnormal_spread_action TEXT CHECK (abnormal_spread_action IS NULL OR abnormal_spread_action IN ('repositioned_clean_retest', 'digital_subtraction', 'switched_to_non_particulate', 'aborted'));
ALTER TABLE complications ADD COLUMN sir_grade TEXT CHECK (sir_grade IS NULL OR sir_grade IN ('A', 'B', 'C', 'D', 'E', 'F'));
`;

const WIDENED: ReadonlyArray<readonly [table: string, column: string, before: string, after: string]> = [
  [
    'procedures',
    'contrast_allergy',
    "'none', 'premedicated', 'no_iodinated_contrast_used'",
    "'none', 'premedicated', 'no_iodinated_contrast_used', 'prior_reaction_not_premedicated'",
  ],
  [
    'procedures',
    'pregnancy_excluded',
    "'yes', 'not_applicable'",
    "'yes', 'not_applicable', 'not_excluded', 'positive'",
  ],
  [
    'targets',
    'approach',
    "'transforaminal', 'periradicular_extraforaminal', 'preganglionic'",
    "'transforaminal', 'periradicular_extraforaminal', 'preganglionic', 'retrodiscal'",
  ],
];

function widenCheckLists(db: WritableDb): void {
  const tableSql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  const edited = new Map<string, string>();
  for (const [table, column, before, after] of WIDENED) {
    const sql = edited.get(table) ?? (tableSql.get(table) as string);
    const old = `${column} IN (${before})`;
    if (sql.split(old).length !== 2) {
      throw new Error(
        `schema 9: the CHECK of ${table}.${column} is not the one RootLog shipped; the file was left as it was`,
      );
    }
    edited.set(table, sql.replace(old, `${column} IN (${after})`));
  }
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  // better-sqlite3 opens connections in SQLite's defensive mode, which forbids editing the
  // schema table: lifted for these statements only.
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    const update = db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
    for (const [table, sql] of edited) update.run(sql, table);
    db.pragma(`schema_version = ${schemaVersion + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

export const clinicalReviewFields: Migration = {
  version: 9,
  name: 'clinical review fields',
  up: (db) => {
    db.exec(SQL);
    widenCheckLists(db);
  },
};
