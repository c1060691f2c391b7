import {
  canonicalDraft,
  doseInMg,
  type ProcedureDraft,
  type ProcedureRecord,
  type RecordLife,
} from '../model/index.js';
import type { ReadableDb, WritableDb } from './connection.js';
import { dashboardFactsWriter } from './dashboard-facts.js';
import { drugEntry, type FactSource, factDrugsOf } from './facts.js';

/*
 * The one place that knows how a procedure maps to its tables. Scalar fields map
 * one-to-one onto columns of `procedures`; lists live in their own tables.
 */

type ScalarField = Exclude<
  keyof ProcedureDraft,
  | 'id'
  | 'indications'
  | 'targets'
  | 'caudalSpread'
  | 'drugs'
  | 'followUps'
  | 'complications'
  | 'caudalEpidural'
  | BooleanField
>;
type BooleanField = 'timeOutLevelVerified' | 'timeOutSideMarked' | 'transitionalVertebra';

/** Yes/no fields of the procedure, stored as 0/1 (absent: NULL). */
export const BOOLEAN_COLUMNS: ReadonlyArray<readonly [BooleanField, string]> = [
  ['timeOutLevelVerified', 'time_out_level_verified'],
  ['timeOutSideMarked', 'time_out_side_marked'],
  ['transitionalVertebra', 'transitional_vertebra'],
];

export const SCALAR_COLUMNS: ReadonlyArray<readonly [ScalarField, string]> = [
  ['patientId', 'patient_id'],
  ['patientName', 'patient_name'],
  ['birthDate', 'birth_date'],
  ['sex', 'sex'],
  ['accessionNumber', 'accession_number'],
  ['performedAt', 'performed_at'],
  ['startedAt', 'started_at'],
  ['endedAt', 'ended_at'],
  ['operatorId', 'operator_id'],
  ['assistant', 'assistant'],
  ['symptomSide', 'symptom_side'],
  ['priorInfiltrations', 'prior_infiltrations'],
  ['consent', 'consent'],
  ['anticoagulation', 'anticoagulation'],
  ['contrastAllergy', 'contrast_allergy'],
  ['pregnancyExcluded', 'pregnancy_excluded'],
  ['diabetes', 'diabetes'],
  ['position', 'position'],
  ['anticoagulantClass', 'anticoagulant_class'],
  ['steroidAllergy', 'steroid_allergy'],
  ['localAnaestheticAllergy', 'local_anaesthetic_allergy'],
  ['sedation', 'sedation'],
  ['weightKg', 'weight_kg'],
  ['caudalAbnormalSpreadAction', 'caudal_abnormal_spread_action'],
  ['doseExceedanceReason', 'dose_exceedance_reason'],
  ['caudalProvokedPain', 'caudal_provoked_pain'],
  ['modality', 'modality'],
  ['ctdiVolMGy', 'ctdi_vol_mgy'],
  ['dlpMGyCm', 'dlp_mgy_cm'],
  ['ctAcquisitions', 'ct_acquisitions'],
  ['fluoroTimeS', 'fluoro_time_s'],
  ['dapGyCm2', 'dap_gy_cm2'],
  ['contrastAgent', 'contrast_agent'],
  ['contrastVolumeMl', 'contrast_volume_ml'],
  ['noDrugReason', 'no_drug_reason'],
  ['painPre', 'pain_pre'],
  ['painPost', 'pain_post'],
  ['painPostMinutes', 'pain_post_minutes'],
  ['disposition', 'disposition'],
  ['notes', 'notes'],
];

/** Columns that hold the record's life (status, signatures), not its clinical content. */
export interface LifeColumns {
  status: RecordLife['status'];
  version: number;
  consoleName: string;
  performedAtUtc: string;
  performedDate: string;
  warningCodes: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  signedBy: string | null;
  signedAt: string | null;
  amendedBy: string | null;
  amendedAt: string | null;
  amendReason: string | null;
}

const LIFE_COLUMNS: ReadonlyArray<readonly [keyof LifeColumns, string]> = [
  ['status', 'status'],
  ['version', 'version'],
  ['consoleName', 'console_name'],
  ['performedAtUtc', 'performed_at_utc'],
  ['performedDate', 'performed_date'],
  ['warningCodes', 'warning_codes'],
  ['createdAt', 'created_at'],
  ['createdBy', 'created_by'],
  ['updatedAt', 'updated_at'],
  ['signedBy', 'signed_by'],
  ['signedAt', 'signed_at'],
  ['amendedBy', 'amended_by'],
  ['amendedAt', 'amended_at'],
  ['amendReason', 'amend_reason'],
];

const ALL_COLUMNS = [
  ...SCALAR_COLUMNS.map(([, column]) => column),
  ...BOOLEAN_COLUMNS.map(([, column]) => column),
  'caudal_epidural',
  'root_sides',
  'indications_text',
  'caudal_spread_text',
  'complications_text',
  'target_spread_text',
  'target_drugs_text',
  'caudal_drugs_text',
  'dashboard_facts',
  ...LIFE_COLUMNS.map(([, c]) => c),
];

/** "L5 left,S1 left" — the targets as the list shows and filters them ("?" where not yet chosen). */
export const rootSides = (targets: ProcedureDraft['targets']) =>
  targets.map((target) => `${target.root ?? '?'} ${target.side ?? '?'}`).join(',');

type Row = Record<string, unknown>;

/*
 * Prepared statements, made once per connection (a save runs a dozen of them) and kept
 * beside it: reads on any connection, writes only on the writer (the types see to it).
 */
const reads = new WeakMap<ReadableDb, ReturnType<typeof makeReads>>();
const writes = new WeakMap<WritableDb, ReturnType<typeof makeWrites>>();

function makeReads(db: ReadableDb) {
  return {
    selectProcedure: db.prepare('SELECT * FROM procedures WHERE id = ?'),
    selectIndications: db.prepare('SELECT indication FROM procedure_indications WHERE procedure_id = ? ').pluck(),
    selectTargets: db.prepare('SELECT * FROM targets WHERE procedure_id = ? ORDER BY ordinal'),
    selectTargetSpread: db.prepare('SELECT target_ordinal, pattern FROM target_spread WHERE procedure_id = ?'),
    selectCaudalSpread: db.prepare('SELECT pattern FROM caudal_spread WHERE procedure_id = ?').pluck(),
    selectDrugs: db.prepare('SELECT * FROM drug_administrations WHERE procedure_id = ? ORDER BY ordinal'),
    selectComplications: db.prepare(
      'SELECT complication, severity, sir_grade FROM complications WHERE procedure_id = ?',
    ),
    selectFollowUps: db.prepare('SELECT * FROM follow_ups WHERE procedure_id = ? ORDER BY ordinal'),
  };
}

function makeWrites(db: WritableDb) {
  return {
    insertProcedure: db.prepare(
      `INSERT INTO procedures (id, ${ALL_COLUMNS.join(', ')}) VALUES (@id, ${ALL_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
    updateProcedure: db.prepare(
      `UPDATE procedures SET ${ALL_COLUMNS.filter((c) => c !== 'created_at' && c !== 'created_by')
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id`,
    ),
    deleteParts: [
      'procedure_indications',
      'target_spread',
      'caudal_spread',
      'drug_administrations',
      'complications',
      'follow_ups',
      'targets',
    ].map((table) => db.prepare(`DELETE FROM ${table} WHERE procedure_id = ?`)),
    insertIndication: db.prepare('INSERT INTO procedure_indications (procedure_id, indication) VALUES (?, ?)'),
    insertTarget: db.prepare(
      `INSERT INTO targets (procedure_id, ordinal, root, side, foramen, approach, needle_gauge, needle_length_mm,
        needle_repositionings, provoked_pain, injection_slowed, spread_text, drugs_text, abnormal_spread_action)
       VALUES (@procedureId, @ordinal, @root, @side, @foramen, @approach, @needleGauge, @needleLengthMm,
        @needleRepositionings, @provokedPain, @injectionSlowed, @spreadText, @drugsText, @abnormalSpreadAction)`,
    ),
    insertTargetSpread: db.prepare(
      'INSERT INTO target_spread (procedure_id, target_ordinal, pattern) VALUES (?, ?, ?)',
    ),
    insertCaudalSpread: db.prepare('INSERT INTO caudal_spread (procedure_id, pattern) VALUES (?, ?)'),
    insertDrug: db.prepare(
      `INSERT INTO drug_administrations (procedure_id, ordinal, drug_code, dose_mg, concentration_mg_per_ml, volume_ml,
        dose_given_mg, target_ordinal, at_caudal, lot, signed_name, signed_class, signed_particulate, signed_max_dose_mg,
        dose_salt)
       VALUES (@procedureId, @ordinal, @drug, @doseMg, @concentrationMgPerMl, @volumeMl, @doseGivenMg, @targetOrdinal,
        @atCaudal, @lot, @signedName, @signedClass, @signedParticulate, @signedMaxDoseMg, @doseSalt)`,
    ),
    insertComplication: db.prepare(
      'INSERT INTO complications (procedure_id, complication, severity, sir_grade) VALUES (?, ?, ?, ?)',
    ),
    insertFollowUp: db.prepare(
      `INSERT INTO follow_ups (procedure_id, ordinal, day, pain_nrs, relief_percent, method, note)
       VALUES (@procedureId, @ordinal, @day, @painNrs, @reliefPercent, @method, @note)`,
    ),
    dashboardFacts: dashboardFactsWriter(db),
  };
}

type ProcedureReads = ReturnType<typeof makeReads>;
type ProcedureWrites = ReturnType<typeof makeWrites>;

function readStatements(db: ReadableDb): ProcedureReads {
  let statements = reads.get(db);
  if (!statements) {
    statements = makeReads(db);
    reads.set(db, statements);
  }
  return statements;
}

function writeStatements(db: WritableDb): ProcedureWrites {
  let statements = writes.get(db);
  if (!statements) {
    statements = makeWrites(db);
    writes.set(db, statements);
  }
  return statements;
}

/**
 * "dexamethasone 8 mg;ropivacaine 1.08 mg": the drugs given at a target (or in the caudal
 * injection), in order, with the mg the model computes — the very value stored with each drug
 * row (dose_given_mg). Kept beside the rows so an export reads one column, not a subquery.
 */
function drugsText(draft: ProcedureDraft, site: number | 'caudal'): string {
  return draft.drugs
    .filter((administration) => administration.site === site)
    .map((administration) => `${administration.drug} ${doseInMg(administration) ?? '?'} mg`)
    .join(';');
}

const bool = (value: boolean | null | undefined) => (value == null ? null : value ? 1 : 0);

function procedureRow(id: string, draft: ProcedureDraft, life: LifeColumns): Row {
  const row: Row = {
    id,
    caudal_epidural: draft.caudalEpidural ? 1 : 0,
    root_sides: rootSides(draft.targets),
    indications_text: draft.indications.join(';'),
    caudal_spread_text: draft.caudalSpread.join(';'),
    caudal_drugs_text: drugsText(draft, 'caudal'),
    complications_text: draft.complications
      .map((entry) => (entry.severity ? `${entry.type}:${entry.severity}` : entry.type))
      .join(';'),
    target_spread_text: draft.targets.map((target) => target.spread.join(';')).join('|'),
    target_drugs_text: draft.targets
      .map((_, ordinal) =>
        draft.drugs
          .filter((administration) => administration.site === ordinal)
          .map((administration) => drugEntry(administration.drug, administration.asSigned?.particulate))
          .join(';'),
      )
      .join('|'),
  };
  for (const [field, column] of SCALAR_COLUMNS) row[column] = draft[field] ?? null;
  for (const [field, column] of BOOLEAN_COLUMNS) row[column] = bool(draft[field]);
  for (const [field, column] of LIFE_COLUMNS) row[column] = life[field];
  return row;
}

/** The row with its dashboard facts, made from the very columns written beside them. */
function procedureRowWithFacts(s: ProcedureWrites, id: string, draft: ProcedureDraft, life: LifeColumns): Row {
  const row = procedureRow(id, draft, life);
  row.dashboard_facts = s.dashboardFacts({ ...(row as unknown as FactSource), drugs: factDrugsOf(draft.drugs) });
  return row;
}

/** Writes the procedure row and all its parts; the caller owns the transaction. */
export function writeProcedure(
  db: WritableDb,
  id: string,
  draft: ProcedureDraft,
  life: LifeColumns,
  exists: boolean,
  /** false when only the procedure's own fields changed: its parts are then left as they are. */
  partsChanged = true,
): void {
  const s = writeStatements(db);
  const row = procedureRowWithFacts(s, id, draft, life);
  if (exists) {
    s.updateProcedure.run(row);
    if (!partsChanged) return;
    for (const statement of s.deleteParts) statement.run(id);
  } else {
    s.insertProcedure.run(row);
  }
  for (const indication of draft.indications) s.insertIndication.run(id, indication);
  draft.targets.forEach((target, ordinal) => {
    s.insertTarget.run({
      procedureId: id,
      ordinal,
      root: target.root ?? null,
      side: target.side ?? null,
      foramen: target.foramen ?? null,
      approach: target.approach ?? null,
      needleGauge: target.needleGauge ?? null,
      needleLengthMm: target.needleLengthMm ?? null,
      needleRepositionings: target.needleRepositionings ?? null,
      provokedPain: target.provokedPain ?? null,
      injectionSlowed: bool(target.injectionSlowed),
      spreadText: target.spread.join(';'),
      drugsText: drugsText(draft, ordinal),
      abnormalSpreadAction: target.abnormalSpreadAction ?? null,
    });
    for (const pattern of target.spread) s.insertTargetSpread.run(id, ordinal, pattern);
  });
  for (const pattern of draft.caudalSpread) s.insertCaudalSpread.run(id, pattern);
  draft.drugs.forEach((administration, ordinal) => {
    const site = administration.site;
    s.insertDrug.run({
      procedureId: id,
      ordinal,
      drug: administration.drug,
      doseMg: administration.doseMg ?? null,
      concentrationMgPerMl: administration.concentrationMgPerMl ?? null,
      volumeMl: administration.volumeMl ?? null,
      doseGivenMg: doseInMg(administration) ?? null,
      targetOrdinal: typeof site === 'number' ? site : null,
      atCaudal: site === 'caudal' ? 1 : 0,
      lot: administration.lot ?? null,
      signedName: administration.asSigned?.name ?? null,
      signedClass: administration.asSigned?.drugClass ?? null,
      signedParticulate: administration.asSigned ? (administration.asSigned.particulate ? 1 : 0) : null,
      signedMaxDoseMg: administration.asSigned?.maxDoseMg ?? null,
      doseSalt: administration.doseSalt ?? null,
    });
  });
  for (const entry of draft.complications) {
    s.insertComplication.run(id, entry.type, entry.severity ?? null, entry.sirGrade ?? null);
  }
  draft.followUps.forEach((followUp, ordinal) => {
    s.insertFollowUp.run({
      procedureId: id,
      ordinal,
      day: followUp.day,
      painNrs: followUp.painNrs ?? null,
      reliefPercent: followUp.reliefPercent ?? null,
      method: followUp.method ?? null,
      note: followUp.note ?? null,
    });
  });
}

/** Keeps only the keys whose value is present, so a record reads the way it was written. */
function compact<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] == null) delete object[key];
  return object;
}

export interface StoredProcedure {
  record: ProcedureRecord;
  life: LifeColumns;
}

/** Reads one procedure with all its parts, or undefined when there is none with that id. */
export function readProcedure(db: ReadableDb, id: string): StoredProcedure | undefined {
  const s = readStatements(db);
  const row = s.selectProcedure.get(id) as Row | undefined;
  if (!row) return undefined;
  const life = Object.fromEntries(
    LIFE_COLUMNS.map(([field, column]) => [field, row[column]]),
  ) as unknown as LifeColumns;
  const spreadByTarget = new Map<number, string[]>();
  for (const { target_ordinal, pattern } of s.selectTargetSpread.all(id) as {
    target_ordinal: number;
    pattern: string;
  }[]) {
    spreadByTarget.set(target_ordinal, [...(spreadByTarget.get(target_ordinal) ?? []), pattern]);
  }
  const content: Row = {};
  for (const [field, column] of SCALAR_COLUMNS) content[field] = row[column];
  for (const [field, column] of BOOLEAN_COLUMNS) content[field] = row[column] == null ? null : row[column] === 1;
  const record = canonicalDraft({
    id,
    ...compact(content),
    indications: s.selectIndications.all(id),
    targets: (s.selectTargets.all(id) as Row[]).map((t) =>
      compact({
        root: t.root,
        side: t.side,
        foramen: t.foramen,
        approach: t.approach,
        needleGauge: t.needle_gauge,
        needleLengthMm: t.needle_length_mm,
        needleRepositionings: t.needle_repositionings,
        spread: spreadByTarget.get(t.ordinal as number) ?? [],
        provokedPain: t.provoked_pain,
        injectionSlowed: t.injection_slowed == null ? null : t.injection_slowed === 1,
        abnormalSpreadAction: t.abnormal_spread_action,
      }),
    ),
    caudalEpidural: row.caudal_epidural === 1,
    caudalSpread: s.selectCaudalSpread.all(id),
    drugs: (s.selectDrugs.all(id) as Row[]).map((d) =>
      compact({
        drug: d.drug_code,
        doseMg: d.dose_mg,
        concentrationMgPerMl: d.concentration_mg_per_ml,
        volumeMl: d.volume_ml,
        site: d.at_caudal === 1 ? 'caudal' : d.target_ordinal,
        lot: d.lot,
        doseSalt: d.dose_salt,
        asSigned:
          d.signed_name == null
            ? undefined
            : {
                name: d.signed_name,
                drugClass: d.signed_class,
                particulate: d.signed_particulate === 1,
                maxDoseMg: d.signed_max_dose_mg ?? null,
              },
      }),
    ),
    followUps: (s.selectFollowUps.all(id) as Row[]).map((f) =>
      compact({ day: f.day, painNrs: f.pain_nrs, reliefPercent: f.relief_percent, method: f.method, note: f.note }),
    ),
    complications: (s.selectComplications.all(id) as Row[]).map((c) =>
      compact({ type: c.complication, severity: c.severity, sirGrade: c.sir_grade }),
    ),
    status: life.status,
    version: life.version,
    consoleName: life.consoleName,
    createdAt: life.createdAt,
    createdBy: life.createdBy,
    updatedAt: life.updatedAt,
    signedBy: life.signedBy,
    signedAt: life.signedAt,
    amendedBy: life.amendedBy,
    amendedAt: life.amendedAt,
    amendReason: life.amendReason,
  } as unknown as ProcedureRecord);
  return { record, life };
}
