import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntity } from '../../audit.js';
import {
  ABNORMAL_SPREAD_ACTIONS,
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  APPROACHES,
  COMPLICATIONS,
  CONFLICT_DECISIONS,
  CONSENT,
  CONTRAST_AGENTS,
  CONTRAST_ALLERGY,
  DISPOSITIONS,
  DOSE_EXCEEDANCE_REASONS,
  DOSE_SALTS,
  DOSINGS,
  DRUG_CLASSES,
  FOLLOW_UP_CONTACTS,
  FOLLOW_UP_METHODS,
  FORAMINA,
  FURTHER_TREATMENTS,
  GLOBAL_IMPRESSIONS,
  HUB_CATALOGUE_KINDS,
  INDICATIONS,
  MODALITIES,
  NEEDLE_GAUGES,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  PROVOKED_PAIN,
  ROOTS,
  SEDATIONS,
  SEVERITIES,
  SEXES,
  SIDES,
  SIR_GRADES,
  SPREAD_PATTERNS,
  STATUSES,
  SYMPTOM_SIDES,
  YES_NO,
} from '../../model/index.js';
import { tempPath } from '../../testing/fixtures.js';
import { TERM_KINDS } from '../facts.js';
import { openDatabase } from '../open.js';

/*
 * The migrations are frozen: their CHECK lists are literals. Today's vocabularies live in
 * db/model. When the two part, new values would be refused by the database (or old ones
 * allowed by it that the app no longer knows): this test says so, and the fix is always
 * a new migration that changes the CHECK, never an edit of a shipped one.
 */
const AUDIT_ACTIONS: readonly AuditAction[] = [
  'create',
  'update',
  'sign',
  'amend',
  'delete',
  'settings',
  'import',
  'follow_up',
];
const AUDIT_ENTITIES: readonly AuditEntity[] = ['procedure', 'operator', 'drug', 'settings', 'import'];
const BOOLEAN = [0, 1] as const;

const VOCABULARY_OF: Record<string, readonly (string | number)[]> = {
  'hub_catalogue_state.kind': HUB_CATALOGUE_KINDS,
  'hub_conflicts.on_hub': BOOLEAN,
  'hub_conflicts.decision': CONFLICT_DECISIONS,
  'hub_conflicts.resolution_on_hub': BOOLEAN,
  'operators.active': BOOLEAN,
  'drug_catalogue.drug_class': DRUG_CLASSES,
  'drug_administrations.signed_class': DRUG_CLASSES,
  'drug_administrations.signed_particulate': BOOLEAN,
  'drug_catalogue.particulate': BOOLEAN,
  'drug_catalogue.dosing': DOSINGS,
  'drug_catalogue.active': BOOLEAN,
  'procedures.status': STATUSES,
  'procedures.sex': SEXES,
  'procedures.symptom_side': SYMPTOM_SIDES,
  'procedures.consent': CONSENT,
  'procedures.anticoagulation': ANTICOAGULATION,
  'procedures.contrast_allergy': CONTRAST_ALLERGY,
  'procedures.pregnancy_excluded': PREGNANCY_EXCLUDED,
  'procedures.diabetes': YES_NO,
  'procedures.position': POSITIONS,
  'procedures.caudal_epidural': BOOLEAN,
  'procedures.caudal_provoked_pain': PROVOKED_PAIN,
  'procedures.modality': MODALITIES,
  'procedures.contrast_agent': CONTRAST_AGENTS,
  'procedures.disposition': DISPOSITIONS,
  'procedures.time_out_level_verified': BOOLEAN,
  'procedures.time_out_side_marked': BOOLEAN,
  'procedures.transitional_vertebra': BOOLEAN,
  'procedures.anticoagulant_class': ANTICOAGULANT_CLASSES,
  'procedures.steroid_allergy': YES_NO,
  'procedures.local_anaesthetic_allergy': YES_NO,
  'procedures.sedation': SEDATIONS,
  'procedures.dose_exceedance_reason': DOSE_EXCEEDANCE_REASONS,
  'procedures.caudal_abnormal_spread_action': ABNORMAL_SPREAD_ACTIONS,
  'targets.abnormal_spread_action': ABNORMAL_SPREAD_ACTIONS,
  'complications.sir_grade': SIR_GRADES,
  'procedure_indications.indication': INDICATIONS,
  'targets.root': ROOTS,
  'targets.side': SIDES,
  'targets.foramen': FORAMINA,
  'targets.approach': APPROACHES,
  'targets.needle_gauge': NEEDLE_GAUGES,
  'targets.provoked_pain': PROVOKED_PAIN,
  'targets.injection_slowed': BOOLEAN,
  'target_spread.pattern': SPREAD_PATTERNS,
  'caudal_spread.pattern': SPREAD_PATTERNS,
  'drug_administrations.at_caudal': BOOLEAN,
  'drug_administrations.dose_salt': DOSE_SALTS,
  'complications.complication': COMPLICATIONS,
  'complications.severity': SEVERITIES,
  'follow_ups.method': FOLLOW_UP_METHODS,
  'follow_up_entries.method': FOLLOW_UP_CONTACTS,
  'follow_up_entries.global_impression': GLOBAL_IMPRESSIONS,
  'follow_up_entries.further_treatment': FURTHER_TREATMENTS,
  'audit_log.action': AUDIT_ACTIONS,
  'audit_log.entity': AUDIT_ENTITIES,
  'dashboard_terms.kind': TERM_KINDS,
};

/** Every `column … CHECK (… column IN (…))` of every table of a freshly migrated database. */
function checkLists(db: Database.Database): Map<string, (string | number)[]> {
  const lists = new Map<string, (string | number)[]>();
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[];
  for (const { name, sql } of tables) {
    for (const match of sql.matchAll(/\b(\w+) IN \(([^()]*)\)/g)) {
      const [, column, values] = match as unknown as [string, string, string];
      const parsed = values.split(',').map((value) => {
        const text = value.trim();
        return text.startsWith("'") ? text.slice(1, -1) : Number(text);
      });
      lists.set(`${name}.${column}`, parsed);
    }
  }
  return lists;
}

describe('frozen migrations against today’s vocabularies', () => {
  const db = openDatabase(tempPath());
  const lists = checkLists(db);
  db.close();

  it('finds the CHECK lists it compares (the parser still reads the schema)', () => {
    expect(lists.size).toBeGreaterThan(30);
  });

  it('every CHECK list is one of today’s vocabularies, value for value', () => {
    for (const [column, values] of lists) {
      const vocabulary = VOCABULARY_OF[column];
      expect(
        vocabulary,
        `${column} has a CHECK list no vocabulary is compared with: name it in this test`,
      ).toBeDefined();
      expect(
        [...values].sort(),
        `the vocabulary of ${column} differs from the database's CHECK list: add a migration that changes the CHECK`,
      ).toEqual([...(vocabulary ?? [])].sort());
    }
  });

  it('every vocabulary compared here still has its CHECK list', () => {
    for (const column of Object.keys(VOCABULARY_OF)) {
      expect(lists.has(column), `${column} lost its CHECK list: add a migration, or drop it from this test`).toBe(true);
    }
  });
});
