import type { Migration } from './migration.js';

/*
 * Schema 1 exactly as it shipped: literal SQL, so that a change to today's vocabularies or
 * drug catalogue can never change what a new or old file becomes. A vocabulary change is a
 * new migration (vocabulary-drift.test.ts fails until there is one).
 */
const SQL = `

CREATE TABLE operators (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE drug_catalogue (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 2 AND 40),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  drug_class TEXT NOT NULL CHECK (drug_class IN ('steroid', 'local_anaesthetic', 'other')),
  particulate INTEGER NOT NULL CHECK (particulate IN (0, 1)),
  dosing TEXT NOT NULL CHECK (dosing IN ('mg', 'concentration', 'volume')),
  default_concentration_mg_per_ml REAL CHECK (default_concentration_mg_per_ml IS NULL OR default_concentration_mg_per_ml > 0),
  usual_dose_mg REAL CHECK (usual_dose_mg IS NULL OR usual_dose_mg >= 0),
  max_dose_mg REAL CHECK (max_dose_mg IS NULL OR max_dose_mg > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

INSERT INTO drug_catalogue (code, name, drug_class, particulate, dosing, default_concentration_mg_per_ml, usual_dose_mg, max_dose_mg, active) VALUES
  ('dexamethasone', 'Dexamethasone', 'steroid', 0, 'mg', NULL, 8, 15, 1),
  ('triamcinolone', 'Triamcinolone acetonide', 'steroid', 1, 'mg', NULL, 40, 80, 1),
  ('methylprednisolone', 'Methylprednisolone acetate', 'steroid', 1, 'mg', NULL, 40, 80, 1),
  ('betamethasone', 'Betamethasone', 'steroid', 1, 'mg', NULL, 6, 12, 1),
  ('lidocaine', 'Lidocaine', 'local_anaesthetic', 0, 'concentration', 10, 20, 200, 1),
  ('bupivacaine', 'Bupivacaine', 'local_anaesthetic', 0, 'concentration', 2.5, 2.5, 150, 1),
  ('ropivacaine', 'Ropivacaine', 'local_anaesthetic', 0, 'concentration', 2, 4, 200, 1),
  ('sodium_chloride', 'Sodium chloride 0.9 %', 'other', 0, 'volume', NULL, NULL, NULL, 1);

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
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'amended')),
  console_name TEXT NOT NULL,
  performed_at TEXT,
  -- Sort and filter keys derived from performed_at (or the creation time while it is missing).
  performed_at_utc TEXT NOT NULL,
  performed_date TEXT NOT NULL CHECK (performed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  patient_id TEXT CHECK (patient_id IS NULL OR length(patient_id) BETWEEN 1 AND 64),
  patient_name TEXT,
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sex TEXT CHECK (sex IS NULL OR sex IN ('female', 'male', 'other', 'unknown')),
  accession_number TEXT,
  started_at TEXT CHECK (started_at IS NULL OR started_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  ended_at TEXT CHECK (ended_at IS NULL OR ended_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  operator_id TEXT REFERENCES operators (id),
  assistant TEXT,
  symptom_side TEXT CHECK (symptom_side IS NULL OR symptom_side IN ('left', 'right', 'bilateral')),
  prior_infiltrations INTEGER CHECK (prior_infiltrations IS NULL OR (typeof(prior_infiltrations) = 'integer' AND prior_infiltrations BETWEEN 0 AND 100)),
  consent TEXT CHECK (consent IS NULL OR consent IN ('obtained', 'not_obtained')),
  anticoagulation TEXT CHECK (anticoagulation IS NULL OR anticoagulation IN ('none', 'paused_per_protocol', 'continued')),
  contrast_allergy TEXT CHECK (contrast_allergy IS NULL OR contrast_allergy IN ('none', 'premedicated', 'no_iodinated_contrast_used')),
  pregnancy_excluded TEXT CHECK (pregnancy_excluded IS NULL OR pregnancy_excluded IN ('yes', 'not_applicable')),
  diabetes TEXT CHECK (diabetes IS NULL OR diabetes IN ('yes', 'no')),
  position TEXT CHECK (position IS NULL OR position IN ('prone', 'lateral', 'other')),
  caudal_epidural INTEGER NOT NULL DEFAULT 0 CHECK (caudal_epidural IN (0, 1)),
  caudal_provoked_pain TEXT CHECK (caudal_provoked_pain IS NULL OR caudal_provoked_pain IN ('none', 'concordant', 'non_concordant')),
  modality TEXT CHECK (modality IS NULL OR modality IN ('ct', 'ct_fluoroscopy', 'fluoroscopy', 'ct_and_fluoroscopy')),
  ctdi_vol_mgy REAL CHECK (ctdi_vol_mgy IS NULL OR (ctdi_vol_mgy BETWEEN 0 AND 1000)),
  dlp_mgy_cm REAL CHECK (dlp_mgy_cm IS NULL OR (dlp_mgy_cm BETWEEN 0 AND 100000)),
  ct_acquisitions INTEGER CHECK (ct_acquisitions IS NULL OR (typeof(ct_acquisitions) = 'integer' AND ct_acquisitions BETWEEN 1 AND 100)),
  fluoro_time_s REAL CHECK (fluoro_time_s IS NULL OR (fluoro_time_s BETWEEN 0 AND 36000)),
  dap_gy_cm2 REAL CHECK (dap_gy_cm2 IS NULL OR (dap_gy_cm2 BETWEEN 0 AND 10000)),
  contrast_agent TEXT CHECK (contrast_agent IS NULL OR contrast_agent IN ('iohexol_240', 'iohexol_300', 'iopamidol_200', 'iopamidol_300', 'gadolinium_based', 'none')),
  contrast_volume_ml REAL CHECK (contrast_volume_ml IS NULL OR (contrast_volume_ml BETWEEN 0 AND 10)),
  no_drug_reason TEXT,
  pain_pre INTEGER CHECK (pain_pre IS NULL OR (typeof(pain_pre) = 'integer' AND pain_pre BETWEEN 0 AND 10)),
  pain_post INTEGER CHECK (pain_post IS NULL OR (typeof(pain_post) = 'integer' AND pain_post BETWEEN 0 AND 10)),
  pain_post_minutes INTEGER CHECK (pain_post_minutes IS NULL OR (typeof(pain_post_minutes) = 'integer' AND pain_post_minutes BETWEEN 0 AND 120)),
  disposition TEXT CHECK (disposition IS NULL OR disposition IN ('home_not_driving', 'observation', 'admitted')),
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
  indication TEXT NOT NULL CHECK (indication IN ('disc_herniation', 'disc_protrusion', 'facet_arthropathy', 'central_canal_stenosis', 'foraminal_stenosis', 'postoperative', 'other')),
  PRIMARY KEY (procedure_id, indication)
) STRICT, WITHOUT ROWID;

CREATE TABLE targets (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal BETWEEN 0 AND 11),
  root TEXT CHECK (root IS NULL OR root IN ('L1', 'L2', 'L3', 'L4', 'L5', 'S1')),
  side TEXT CHECK (side IS NULL OR side IN ('left', 'right')),
  foramen TEXT CHECK (foramen IS NULL OR foramen IN ('L1/L2', 'L2/L3', 'L3/L4', 'L4/L5', 'L5/S1', 'S1')),
  approach TEXT CHECK (approach IS NULL OR approach IN ('transforaminal', 'periradicular_extraforaminal', 'preganglionic')),
  needle_gauge INTEGER CHECK (needle_gauge IS NULL OR needle_gauge IN (20, 22, 25, 27)),
  needle_length_mm INTEGER CHECK (needle_length_mm IS NULL OR (typeof(needle_length_mm) = 'integer' AND needle_length_mm BETWEEN 50 AND 200)),
  needle_repositionings INTEGER CHECK (needle_repositionings IS NULL OR (typeof(needle_repositionings) = 'integer' AND needle_repositionings BETWEEN 0 AND 50)),
  provoked_pain TEXT CHECK (provoked_pain IS NULL OR provoked_pain IN ('none', 'concordant', 'non_concordant')),
  injection_slowed INTEGER CHECK (injection_slowed IS NULL OR injection_slowed IN (0, 1)),
  -- Spread patterns and "drug mg" of this target as ";"-joined text, for exports (see procedures).
  spread_text TEXT NOT NULL DEFAULT '',
  drugs_text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (procedure_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX targets_by_root_side ON targets (root, side);

CREATE TABLE target_spread (
  procedure_id TEXT NOT NULL,
  target_ordinal INTEGER NOT NULL,
  pattern TEXT NOT NULL CHECK (pattern IN ('perineural', 'epidural', 'intraforaminal', 'intravascular_venous', 'intravascular_arterial', 'intrathecal', 'intradiscal', 'soft_tissue_only', 'not_assessed')),
  PRIMARY KEY (procedure_id, target_ordinal, pattern),
  FOREIGN KEY (procedure_id, target_ordinal) REFERENCES targets (procedure_id, ordinal) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE caudal_spread (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  pattern TEXT NOT NULL CHECK (pattern IN ('perineural', 'epidural', 'intraforaminal', 'intravascular_venous', 'intravascular_arterial', 'intrathecal', 'intradiscal', 'soft_tissue_only', 'not_assessed')),
  PRIMARY KEY (procedure_id, pattern)
) STRICT, WITHOUT ROWID;

CREATE TABLE drug_administrations (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal BETWEEN 0 AND 19),
  drug_code TEXT NOT NULL REFERENCES drug_catalogue (code),
  dose_mg REAL CHECK (dose_mg IS NULL OR (dose_mg BETWEEN 0 AND 10000)),
  concentration_mg_per_ml REAL CHECK (concentration_mg_per_ml IS NULL OR (concentration_mg_per_ml BETWEEN 0 AND 1000)),
  volume_ml REAL CHECK (volume_ml IS NULL OR (volume_ml BETWEEN 0 AND 50)),
  target_ordinal INTEGER,
  at_caudal INTEGER NOT NULL DEFAULT 0 CHECK (at_caudal IN (0, 1)),
  lot TEXT,
  PRIMARY KEY (procedure_id, ordinal),
  CHECK (NOT (at_caudal = 1 AND target_ordinal IS NOT NULL)),
  FOREIGN KEY (procedure_id, target_ordinal) REFERENCES targets (procedure_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE complications (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  complication TEXT NOT NULL CHECK (complication IN ('none', 'vasovagal', 'transient_motor_block', 'intravascular_injection', 'dural_puncture', 'post_dural_puncture_headache', 'hematoma', 'contrast_reaction', 'infection', 'new_neurological_deficit', 'other')),
  severity TEXT CHECK (severity IS NULL OR severity IN ('minor', 'major')),
  PRIMARY KEY (procedure_id, complication)
) STRICT, WITHOUT ROWID;

CREATE TABLE follow_ups (
  procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
  day INTEGER NOT NULL CHECK (day IS NULL OR (typeof(day) = 'integer' AND day BETWEEN 0 AND 3650)),
  pain_nrs INTEGER CHECK (pain_nrs IS NULL OR (typeof(pain_nrs) = 'integer' AND pain_nrs BETWEEN 0 AND 10)),
  relief_percent REAL CHECK (relief_percent IS NULL OR (relief_percent BETWEEN -100 AND 100)),
  method TEXT CHECK (method IS NULL OR method IN ('phone', 'visit')),
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

CREATE TRIGGER signed_procedure_no_update BEFORE UPDATE ON procedures
  WHEN OLD.status <> 'draft' AND NOT (
    NEW.version = OLD.version + 1 AND NEW.status = 'amended'
    AND EXISTS (SELECT 1 FROM procedure_versions WHERE procedure_id = NEW.id AND version = NEW.version)
    AND EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.id))
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;

CREATE TRIGGER procedure_indications_locked_when_signed_insert BEFORE INSERT ON procedure_indications
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER procedure_indications_locked_when_signed_update BEFORE UPDATE ON procedure_indications
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER procedure_indications_locked_when_signed_delete BEFORE DELETE ON procedure_indications
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER targets_locked_when_signed_insert BEFORE INSERT ON targets
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER targets_locked_when_signed_update BEFORE UPDATE ON targets
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER targets_locked_when_signed_delete BEFORE DELETE ON targets
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER target_spread_locked_when_signed_insert BEFORE INSERT ON target_spread
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER target_spread_locked_when_signed_update BEFORE UPDATE ON target_spread
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER target_spread_locked_when_signed_delete BEFORE DELETE ON target_spread
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER caudal_spread_locked_when_signed_insert BEFORE INSERT ON caudal_spread
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER caudal_spread_locked_when_signed_update BEFORE UPDATE ON caudal_spread
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER caudal_spread_locked_when_signed_delete BEFORE DELETE ON caudal_spread
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER drug_administrations_locked_when_signed_insert BEFORE INSERT ON drug_administrations
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER drug_administrations_locked_when_signed_update BEFORE UPDATE ON drug_administrations
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER drug_administrations_locked_when_signed_delete BEFORE DELETE ON drug_administrations
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER complications_locked_when_signed_insert BEFORE INSERT ON complications
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER complications_locked_when_signed_update BEFORE UPDATE ON complications
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER complications_locked_when_signed_delete BEFORE DELETE ON complications
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER follow_ups_locked_when_signed_insert BEFORE INSERT ON follow_ups
  WHEN (SELECT status FROM procedures WHERE id = NEW.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = NEW.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER follow_ups_locked_when_signed_update BEFORE UPDATE ON follow_ups
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;
CREATE TRIGGER follow_ups_locked_when_signed_delete BEFORE DELETE ON follow_ups
  WHEN (SELECT status FROM procedures WHERE id = OLD.procedure_id) <> 'draft'
   AND NOT EXISTS (SELECT 1 FROM open_amendments WHERE procedure_id = OLD.procedure_id)
BEGIN SELECT RAISE(ABORT, 'a signed procedure is immutable: amend it with a reason'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows can never be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows can never be deleted'); END;

CREATE TRIGGER procedure_versions_no_update BEFORE UPDATE ON procedure_versions
BEGIN SELECT RAISE(ABORT, 'procedure_versions is append-only: rows can never be changed'); END;
CREATE TRIGGER procedure_versions_no_delete BEFORE DELETE ON procedure_versions
BEGIN SELECT RAISE(ABORT, 'procedure_versions is append-only: rows can never be deleted'); END;
`;

export const initialSchema: Migration = { version: 1, name: 'initial schema', up: (db) => db.exec(SQL) };
