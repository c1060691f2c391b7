import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntity } from '../../audit.js';
import { REPORT_KINDS } from '../../model/dose-report-kinds.js';
import {
  ABNORMAL_SPREAD_ACTIONS,
  AMENDING_MEANINGS,
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  APPROACHES,
  COMPLICATION_FIELDS,
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
  DRUG_FIELDS,
  type Field,
  FOLLOW_UP_CONTACTS,
  FOLLOW_UP_ENTRY_FIELDS,
  FORAMINA,
  FURTHER_TREATMENTS,
  GLOBAL_IMPRESSIONS,
  HUB_CATALOGUE_KINDS,
  INDICATIONS,
  MODALITIES,
  NEEDLE_GAUGES,
  OPERATOR_ROLES,
  type PartName,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  PROCEDURE_FIELDS,
  PROVOKED_PAIN,
  RECORDING_MEANINGS,
  ROOTS,
  SEDATIONS,
  SEVERITIES,
  SEXES,
  SIDES,
  SIGNING_MEANINGS,
  SIR_GRADES,
  SPREAD_PATTERNS,
  STATUSES,
  SYMPTOM_SIDES,
  TARGET_FIELDS,
  YES_NO,
} from '../../model/index.js';
import { tempPath } from '../../testing/fixtures.js';
import { BYTES_FORMS, LINKED_BY } from '../dose-reports.js';
import { TERM_KINDS } from '../facts.js';
import { openDatabase } from '../open.js';
import { OUTBOX_STATES } from '../ris-outbox.js';

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
  'follow_up_entries.method': FOLLOW_UP_CONTACTS,
  'follow_up_entries.global_impression': GLOBAL_IMPRESSIONS,
  'follow_up_entries.further_treatment': FURTHER_TREATMENTS,
  'audit_log.action': AUDIT_ACTIONS,
  'audit_log.entity': AUDIT_ENTITIES,
  'dashboard_terms.kind': TERM_KINDS,
  'dose_reports.kind': REPORT_KINDS,
  'dose_reports.bytes_form': BYTES_FORMS,
  'dose_reports.linked_by': LINKED_BY,
  'ris_outbox.state': OUTBOX_STATES,
  'operators.role': OPERATOR_ROLES,
  'operators.administrator': BOOLEAN,
  'procedures.signed_meaning': SIGNING_MEANINGS,
  'procedures.amended_meaning': AMENDING_MEANINGS,
  'procedure_versions.meaning': [...SIGNING_MEANINGS, ...AMENDING_MEANINGS],
  'follow_up_entries.meaning': RECORDING_MEANINGS,
  // The one PIN hash scheme (db/credentials.ts makes it, credential-rows.ts stores it).
  'operator_credentials.scheme': ['scrypt'],
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
      const vocabulary = VOCABULARY_OF[column] ?? DECLARED_VOCABULARY_OF.get(column);
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

/** A stored code field's vocabulary by its column, from the field declarations: a field added later is compared too. */
const DECLARED_VOCABULARY_OF = new Map<string, readonly (string | number)[]>();

/** Each part's table (the storage mapping reads the same declarations: procedure-rows.ts). */
const TABLE_OF: Record<PartName, string> = {
  procedure: 'procedures',
  target: 'targets',
  drug: 'drug_administrations',
  complication: 'complications',
  followUpEntry: 'follow_up_entries',
  doseEvent: 'dose_reports',
};
const DECLARED: readonly Field[] = [
  ...PROCEDURE_FIELDS,
  ...TARGET_FIELDS,
  ...DRUG_FIELDS,
  ...COMPLICATION_FIELDS,
  ...FOLLOW_UP_ENTRY_FIELDS,
];
for (const field of DECLARED)
  if (field.column && field.type === 'code' && field.values)
    DECLARED_VOCABULARY_OF.set(`${TABLE_OF[field.part]}.${field.column}`, field.values);

/** Every `column BETWEEN min AND max` of every table of a freshly migrated database. */
function checkRanges(db: Database.Database): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[];
  for (const { name, sql } of tables) {
    for (const match of sql.matchAll(/\b(\w+) BETWEEN (-?[\d.]+) AND (-?[\d.]+)/g)) {
      const [, column, min, max] = match as unknown as [string, string, string, string];
      ranges.set(`${name}.${column}`, [Number(min), Number(max)]);
    }
  }
  return ranges;
}

describe('frozen migrations against today’s field declarations', () => {
  const db = openDatabase(tempPath());
  const lists = checkLists(db);
  const ranges = checkRanges(db);
  const columns = (table: string) =>
    new Set(db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  const stored = DECLARED.filter((field) => field.column);
  const tableColumns = new Map(Object.values(TABLE_OF).map((table) => [table, columns(table)]));
  db.close();

  it('every declared column exists in its part’s table', () => {
    for (const field of stored) {
      const table = TABLE_OF[field.part];
      expect(
        tableColumns.get(table)?.has(field.column as string),
        `${field.part}.${field.key}: ${table}.${field.column}`,
      ).toBe(true);
    }
  });

  it('every declared range is the database’s CHECK range, bound for bound', () => {
    const compared = stored.filter((field) => field.range);
    expect(compared.length).toBeGreaterThan(15);
    for (const field of compared) {
      const column = `${TABLE_OF[field.part]}.${field.column}`;
      expect(
        ranges.get(column),
        `${field.part}.${field.key} allows ${field.range?.join('–')}, the database's CHECK of ${column} differs: add a migration that changes the CHECK`,
      ).toEqual(field.range);
    }
  });

  it('every declared vocabulary of a stored code is the database’s CHECK list', () => {
    for (const field of stored.filter((candidate) => candidate.type === 'code' && candidate.values)) {
      const column = `${TABLE_OF[field.part]}.${field.column}`;
      expect([...(lists.get(column) ?? [])].sort(), `${field.part}.${field.key} (${column})`).toEqual(
        [...(field.values ?? [])].sort(),
      );
    }
  });
});
