import {
  ANTICOAGULATION,
  APPROACHES,
  COMPLICATIONS,
  CONSENT,
  CONTRAST_AGENTS,
  CONTRAST_ALLERGY,
  DEFAULT_DRUG_CATALOGUE,
  DISPOSITIONS,
  DOSINGS,
  DRUG_CLASSES,
  FOLLOW_UP_METHODS,
  FORAMINA,
  INDICATIONS,
  MODALITIES,
  NEEDLE_GAUGES,
  POSITIONS,
  PREGNANCY_EXCLUDED,
  PROVOKED_PAIN,
  ROOTS,
  SEVERITIES,
  SEXES,
  SIDES,
  SPREAD_PATTERNS,
  STATUSES,
  SYMPTOM_SIDES,
  YES_NO,
} from '../model/index.js';
import { FACTS_TEXT_LENGTH, REPORTED_PROCEDURES, TERM_KINDS } from '../stats/facts.js';
import { dashboardFactsWriter, forEachProcedureBatch } from './dashboard-facts.js';
import type { SqliteDatabase } from './open.js';

/*
 * Numbered migrations. Each runs in one transaction together with its
 * `PRAGMA user_version` bump, so a file is always at exactly one version.
 * Never edit a migration that has shipped: add the next one.
 */

const quote = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
const oneOf = (column: string, values: readonly (string | number)[], nullable = true) =>
  `CHECK (${nullable ? `${column} IS NULL OR ` : ''}${column} IN (${values.map(quote).join(', ')}))`;
const between = (column: string, min: number, max: number) =>
  `CHECK (${column} IS NULL OR (${column} BETWEEN ${min} AND ${max}))`;
const wholeBetween = (column: string, min: number, max: number) =>
  `CHECK (${column} IS NULL OR (typeof(${column}) = 'integer' AND ${column} BETWEEN ${min} AND ${max}))`;
const flag = (column: string) => `CHECK (${column} IS NULL OR ${column} IN (0, 1))`;

/** Rows of a procedure's parts may change only while it is a draft, or inside an amendment. */
const CHILD_TABLES = [
  'procedure_indications',
  'targets',
  'target_spread',
  'caudal_spread',
  'drug_administrations',
  'complications',
  'follow_ups',
] as const;

const lockTriggers = (table: string) =>
  (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((event) => {
      const row = event === 'INSERT' ? 'NEW' : 'OLD';
      return `CREATE TRIGGER ${table}_locked_when_signed_${event.toLowerCase()} BEFORE ${event} ON ${table}
  WHEN (SELECT status FROM procedures WHERE id = ${row}.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = ${row}.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;`;
    })
    .join('\n');

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows can never be changed'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows can never be deleted'); END;`;

/** A signed record changes only by an amendment: a new version, with its reason, inside one. */
const SIGNED_PROCEDURE_NO_UPDATE = `CREATE TRIGGER signed_procedure_no_update BEFORE UPDATE ON procedures
  WHEN OLD.status <> 'draft' AND NOT (
    NEW.version = OLD.version + 1 AND NEW.status = 'amended'
    AND EXISTS (SELECT 1 FROM procedure_versions WHERE procedure_id = NEW.id AND version = NEW.version)
    AND EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.id))
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;`;

const catalogueRows = DEFAULT_DRUG_CATALOGUE.map(
  (drug) =>
    `(${[
      quote(drug.code),
      quote(drug.name),
      quote(drug.drugClass),
      drug.particulate ? 1 : 0,
      quote(drug.dosing),
      drug.defaultConcentrationMgPerMl ?? 'NULL',
      drug.usualDoseMg ?? 'NULL',
      drug.maxDoseMg ?? 'NULL',
    ].join(', ')}, 1)`,
).join(',\n  ');

const V1 = `
CREATE TABLE operators (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE drug_catalogue (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 2 AND 40),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  drug_class TEXT NOT NULL ${oneOf('drug_class', DRUG_CLASSES, false)},
  particulate INTEGER NOT NULL CHECK (particulate IN (0, 1)),
  dosing TEXT NOT NULL ${oneOf('dosing', DOSINGS, false)},
  default_concentration_mg_per_ml REAL CHECK (default_concentration_mg_per_ml IS NULL OR default_concentration_mg_per_ml > 0),
  usual_dose_mg REAL CHECK (usual_dose_mg IS NULL OR usual_dose_mg >= 0),
  max_dose_mg REAL CHECK (max_dose_mg IS NULL OR max_dose_mg > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

INSERT INTO drug_catalogue (code, name, drug_class, particulate, dosing, default_concentration_mg_per_ml, usual_dose_mg, max_dose_mg, active) VALUES
  ${catalogueRows};

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

-- The department key for pseudonymised exports: made once, here, never exported.
INSERT INTO settings (key, value) VALUES
  ('pseudonymKey', json_quote(lower(hex(randomblob(32))))),
  ('referenceLevels', '{"ctDlpMGyCm":200,"fluoroTimeS":60}'),
  ('defaultOperatorId', 'null');

CREATE TABLE procedures (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  status TEXT NOT NULL ${oneOf('status', STATUSES, false)},
  console_name TEXT NOT NULL,
  performed_at TEXT,
  -- Sort and filter keys derived from performed_at (or the creation time while it is missing).
  performed_at_utc TEXT NOT NULL,
  performed_date TEXT NOT NULL CHECK (performed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  patient_id TEXT CHECK (patient_id IS NULL OR length(patient_id) BETWEEN 1 AND 64),
  patient_name TEXT,
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sex TEXT ${oneOf('sex', SEXES)},
  accession_number TEXT,
  started_at TEXT CHECK (started_at IS NULL OR started_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  ended_at TEXT CHECK (ended_at IS NULL OR ended_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  operator_id TEXT REFERENCES operators (id),
  assistant TEXT,
  symptom_side TEXT ${oneOf('symptom_side', SYMPTOM_SIDES)},
  prior_infiltrations INTEGER ${wholeBetween('prior_infiltrations', 0, 100)},
  consent TEXT ${oneOf('consent', CONSENT)},
  anticoagulation TEXT ${oneOf('anticoagulation', ANTICOAGULATION)},
  contrast_allergy TEXT ${oneOf('contrast_allergy', CONTRAST_ALLERGY)},
  pregnancy_excluded TEXT ${oneOf('pregnancy_excluded', PREGNANCY_EXCLUDED)},
  diabetes TEXT ${oneOf('diabetes', YES_NO)},
  position TEXT ${oneOf('position', POSITIONS)},
  caudal_epidural INTEGER NOT NULL DEFAULT 0 CHECK (caudal_epidural IN (0, 1)),
  caudal_provoked_pain TEXT ${oneOf('caudal_provoked_pain', PROVOKED_PAIN)},
  modality TEXT ${oneOf('modality', MODALITIES)},
  ctdi_vol_mgy REAL ${between('ctdi_vol_mgy', 0, 1000)},
  dlp_mgy_cm REAL ${between('dlp_mgy_cm', 0, 100000)},
  ct_acquisitions INTEGER ${wholeBetween('ct_acquisitions', 1, 100)},
  fluoro_time_s REAL ${between('fluoro_time_s', 0, 36000)},
  dap_gy_cm2 REAL ${between('dap_gy_cm2', 0, 10000)},
  contrast_agent TEXT ${oneOf('contrast_agent', CONTRAST_AGENTS)},
  contrast_volume_ml REAL ${between('contrast_volume_ml', 0, 10)},
  no_drug_reason TEXT,
  pain_pre INTEGER ${wholeBetween('pain_pre', 0, 10)},
  pain_post INTEGER ${wholeBetween('pain_post', 0, 10)},
  pain_post_minutes INTEGER ${wholeBetween('pain_post_minutes', 0, 120)},
  disposition TEXT ${oneOf('disposition', DISPOSITIONS)},
  notes TEXT,
  -- "L5 left,S1 left": the targets in one column, for the list and its root/side filter.
  root_sides TEXT NOT NULL DEFAULT '',
  -- The lists below as ";"-joined text, written with them by the one writer
  -- (procedure-rows.ts), so an export reads one row instead of a query per list.
  indications_text TEXT NOT NULL DEFAULT '',
  caudal_spread_text TEXT NOT NULL DEFAULT '',
  complications_text TEXT NOT NULL DEFAULT '',
  -- Per target, in target order and separated by "|": its spread patterns and its drug codes
  -- (each ";"-joined). With root_sides they let the dashboard read every procedure from one index.
  target_spread_text TEXT NOT NULL DEFAULT '',
  target_drugs_text TEXT NOT NULL DEFAULT '',
  -- Codes of the clinical warnings at the last save, for the list's badge.
  warning_codes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  signed_by TEXT,
  signed_at TEXT,
  amended_by TEXT,
  amended_at TEXT,
  amend_reason TEXT,
  -- The sign fields the database itself can see: a signed row without them cannot exist.
  CHECK (status = 'draft' OR (
    patient_id IS NOT NULL AND performed_at IS NOT NULL AND operator_id IS NOT NULL AND modality IS NOT NULL
    AND consent = 'obtained' AND pain_pre IS NOT NULL AND pain_post IS NOT NULL
    AND signed_by IS NOT NULL AND signed_at IS NOT NULL)),
  CHECK (status <> 'amended' OR (version > 1 AND amend_reason IS NOT NULL AND length(trim(amend_reason)) > 0
    AND amended_by IS NOT NULL AND amended_at IS NOT NULL))
) STRICT;

-- The list's index: newest first, carrying every filter column, so a filtered first page
-- is read from this narrow index alone without visiting the wide rows.
CREATE INDEX procedures_list ON procedures (performed_at_utc, id, status, operator_id, modality, performed_date, root_sides);
CREATE INDEX procedures_by_operator ON procedures (operator_id, performed_at_utc);
-- The dashboard's index: every column its aggregates read, so 100 000 procedures are one
-- narrow index scan instead of 100 000 visits to wide rows.
CREATE INDEX procedures_stats ON procedures (status, performed_date, operator_id, modality, pain_pre, pain_post, dlp_mgy_cm,
  ctdi_vol_mgy, fluoro_time_s, dap_gy_cm2, caudal_epidural, started_at, ended_at, root_sides, target_spread_text, target_drugs_text,
  indications_text, complications_text, performed_at_utc);
CREATE INDEX procedures_by_patient_day ON procedures (patient_id, performed_date);

-- Substring search on patient ID, name and accession number (trigram: any 3+ characters).
CREATE VIRTUAL TABLE procedure_text USING fts5 (patient_id, patient_name, accession_number, tokenize = 'trigram');
CREATE TRIGGER procedure_text_insert AFTER INSERT ON procedures BEGIN
  INSERT INTO procedure_text (rowid, patient_id, patient_name, accession_number)
  VALUES (NEW.rowid, NEW.patient_id, NEW.patient_name, NEW.accession_number);
END;
CREATE TRIGGER procedure_text_update AFTER UPDATE OF patient_id, patient_name, accession_number ON procedures BEGIN
  UPDATE procedure_text SET patient_id = NEW.patient_id, patient_name = NEW.patient_name, accession_number = NEW.accession_number
   WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER procedure_text_delete AFTER DELETE ON procedures BEGIN
  DELETE FROM procedure_text WHERE rowid = OLD.rowid;
END;

CREATE TABLE procedure_indications (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  indication TEXT NOT NULL ${oneOf('indication', INDICATIONS, false)},
  PRIMARY KEY (procedure_id, indication)
) STRICT, WITHOUT ROWID;

CREATE TABLE targets (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal BETWEEN 0 AND 11),
  root TEXT ${oneOf('root', ROOTS)},
  side TEXT ${oneOf('side', SIDES)},
  foramen TEXT ${oneOf('foramen', FORAMINA)},
  approach TEXT ${oneOf('approach', APPROACHES)},
  needle_gauge INTEGER ${oneOf('needle_gauge', NEEDLE_GAUGES)},
  needle_length_mm INTEGER ${wholeBetween('needle_length_mm', 50, 200)},
  needle_repositionings INTEGER ${wholeBetween('needle_repositionings', 0, 50)},
  provoked_pain TEXT ${oneOf('provoked_pain', PROVOKED_PAIN)},
  injection_slowed INTEGER ${flag('injection_slowed')},
  -- Spread patterns and "drug mg" of this target as ";"-joined text, for exports (see procedures).
  spread_text TEXT NOT NULL DEFAULT '',
  drugs_text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (procedure_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX targets_by_root_side ON targets (root, side);

CREATE TABLE target_spread (
  procedure_id TEXT NOT NULL,
  target_ordinal INTEGER NOT NULL,
  pattern TEXT NOT NULL ${oneOf('pattern', SPREAD_PATTERNS, false)},
  PRIMARY KEY (procedure_id, target_ordinal, pattern),
  FOREIGN KEY (procedure_id, target_ordinal) REFERENCES targets (procedure_id, ordinal) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE caudal_spread (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  pattern TEXT NOT NULL ${oneOf('pattern', SPREAD_PATTERNS, false)},
  PRIMARY KEY (procedure_id, pattern)
) STRICT, WITHOUT ROWID;

CREATE TABLE drug_administrations (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal BETWEEN 0 AND 19),
  drug_code TEXT NOT NULL REFERENCES drug_catalogue (code),
  dose_mg REAL ${between('dose_mg', 0, 10000)},
  concentration_mg_per_ml REAL ${between('concentration_mg_per_ml', 0, 1000)},
  volume_ml REAL ${between('volume_ml', 0, 50)},
  target_ordinal INTEGER,
  at_caudal INTEGER NOT NULL DEFAULT 0 CHECK (at_caudal IN (0, 1)),
  lot TEXT,
  PRIMARY KEY (procedure_id, ordinal),
  CHECK (NOT (at_caudal = 1 AND target_ordinal IS NOT NULL)),
  FOREIGN KEY (procedure_id, target_ordinal) REFERENCES targets (procedure_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE complications (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  complication TEXT NOT NULL ${oneOf('complication', COMPLICATIONS, false)},
  severity TEXT ${oneOf('severity', SEVERITIES)},
  PRIMARY KEY (procedure_id, complication)
) STRICT, WITHOUT ROWID;

CREATE TABLE follow_ups (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
  day INTEGER NOT NULL ${wholeBetween('day', 0, 3650)},
  pain_nrs INTEGER ${wholeBetween('pain_nrs', 0, 10)},
  relief_percent REAL ${between('relief_percent', -100, 100)},
  method TEXT ${oneOf('method', FOLLOW_UP_METHODS)},
  note TEXT,
  PRIMARY KEY (procedure_id, ordinal)
) STRICT, WITHOUT ROWID;

-- Every signed version, as the complete record it was: kept for ever.
CREATE TABLE procedure_versions (
  procedure_id TEXT NOT NULL REFERENCES procedures (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  content TEXT NOT NULL CHECK (json_valid(content)),
  signed_by TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (procedure_id, version)
) STRICT;

-- A row here, written and removed inside one amendment transaction, is what lets that
-- transaction rewrite a signed record's parts; nothing else can.
CREATE TABLE open_amendments (
  procedure_id TEXT PRIMARY KEY NOT NULL REFERENCES procedures (id)
) STRICT;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'sign', 'amend', 'delete', 'settings', 'import')),
  entity TEXT NOT NULL CHECK (entity IN ('procedure', 'operator', 'drug', 'settings', 'import')),
  entity_id TEXT NOT NULL,
  version INTEGER,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  reason TEXT
) STRICT;
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, seq);

CREATE TRIGGER signed_procedure_no_delete BEFORE DELETE ON procedures WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed procedure can never be deleted'); END;

${SIGNED_PROCEDURE_NO_UPDATE}

${CHILD_TABLES.map(lockTriggers).join('\n')}
${appendOnly('audit_log')}
${appendOnly('procedure_versions')}
`;

/*
 * Version 2: the dashboard's facts. Each procedure row carries its aggregate inputs packed
 * in one value (stats/facts.ts) and the dashboard index carries only those and the filter
 * columns, so the whole dashboard is one index scan returning one string. The term kinds,
 * the facts' length and the reported statuses come from stats/facts.ts as they are at
 * schema 2: changing any of them (or the layout) is a new migration that rewrites every row.
 */
const V2 = `
CREATE TABLE dashboard_terms (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL ${oneOf('kind', TERM_KINDS, false)},
  term TEXT NOT NULL CHECK (length(term) > 0),
  UNIQUE (kind, term)
) STRICT;
${appendOnly('dashboard_terms')}

ALTER TABLE procedures ADD COLUMN dashboard_facts TEXT
  CHECK (dashboard_facts IS NULL OR length(dashboard_facts) = ${FACTS_TEXT_LENGTH});
DROP INDEX procedures_stats;
-- The dashboard's index: signed records only (drafts, saved on every keystroke pause, never
-- touch it), every column its filter tests, and the facts.
CREATE INDEX procedures_stats ON procedures (performed_date, operator_id, modality, root_sides, dashboard_facts, status)
  WHERE ${REPORTED_PROCEDURES};
`;

/** Fills in the facts of every record written before version 2, signed ones included. */
function backfillDashboardFacts(db: SqliteDatabase): void {
  const factsOf = dashboardFactsWriter(db);
  const update = db.prepare('UPDATE procedures SET dashboard_facts = ? WHERE rowid = ?');
  // The facts are derived from the record's own columns; they change nothing in it. The
  // trigger that keeps signed records immutable is lifted for this loop and put back, all
  // inside the migration's transaction.
  db.exec('DROP TRIGGER signed_procedure_no_update');
  forEachProcedureBatch(db, (rows) => {
    for (const row of rows) update.run(factsOf(row), row.rowid);
  });
  db.exec(SIGNED_PROCEDURE_NO_UPDATE);
}

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction, with the version bump. */
  up: (db: SqliteDatabase) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(V1) },
  {
    version: 2,
    name: 'dashboard facts',
    up: (db) => {
      db.exec(V2);
      backfillDashboardFacts(db);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
