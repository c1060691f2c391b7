import type { Statement } from 'better-sqlite3';
import {
  COMPLICATION_FIELDS,
  canonicalDraft,
  DRUG_FIELDS,
  doseInMg,
  type Field,
  foldName,
  PROCEDURE_FIELDS,
  type ProcedureDraft,
  type ProcedureRecord,
  patientKey,
  type RecordLife,
  type SignatureMeaning,
  storedFields,
  TARGET_FIELDS,
} from '../model/index.js';
import { preparedOn, type ReadableDb, type WritableDb } from './connection.js';
import { dashboardFactsWriter } from './dashboard-facts.js';
import { drugEntry, type FactInput, type FactSource, factDrugsOf, factsKept } from './facts.js';

/*
 * The one place that knows how a procedure maps to its tables, read from the field
 * declarations (db/model/fields): a part's content fields map one-to-one onto columns of its
 * table (yes/no as 0/1); lists live in their own tables; a drug's site and its facts as signed
 * take two and four columns (below).
 */

/** A field's column and how its value is stored. */
interface StoredColumn {
  key: string;
  column: string;
  yesNo: boolean;
}
const columnsOf = (fields: readonly Field[]): StoredColumn[] =>
  storedFields(fields).map((field) => ({
    key: field.key,
    column: field.column as string,
    yesNo: field.type === 'yes/no',
  }));

const PROCEDURE_COLUMNS = columnsOf(PROCEDURE_FIELDS);
const TARGET_COLUMNS = columnsOf(TARGET_FIELDS);
const DRUG_COLUMNS = columnsOf(DRUG_FIELDS);
const COMPLICATION_COLUMNS = columnsOf(COMPLICATION_FIELDS);

const bool = (value: boolean | null | undefined) => (value == null ? null : value ? 1 : 0);

/** A part's values as its columns (by column name). */
function toColumns(columns: readonly StoredColumn[], part: object, row: Record<string, unknown>): void {
  const values = part as Record<string, unknown>;
  for (const { key, column, yesNo } of columns) {
    const value = values[key];
    row[column] = yesNo ? bool(value as boolean | null | undefined) : (value ?? null);
  }
}

/** A part's values from its row (by column name). */
function fromColumns(columns: readonly StoredColumn[], row: Record<string, unknown>): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const { key, column, yesNo } of columns) {
    const value = row[column];
    part[key] = yesNo ? (value == null ? null : value === 1) : value;
  }
  return part;
}

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
  signedById: string | null;
  signedMeaning: SignatureMeaning | null;
  amendedBy: string | null;
  amendedAt: string | null;
  amendedById: string | null;
  amendedMeaning: SignatureMeaning | null;
  amendReason: string | null;
}

/** The sort keys and the warnings' codes are written with the life: derived when the record is written. */
const DERIVED_WITH_LIFE = new Set(['performedAtUtc', 'performedDate', 'warningCodes']);
const LIFE_COLUMNS: ReadonlyArray<readonly [keyof LifeColumns, string]> = PROCEDURE_FIELDS.filter(
  (field) => field.role === 'life' || DERIVED_WITH_LIFE.has(field.key),
).map((field) => [field.key as keyof LifeColumns, field.column as string]);

const ALL_COLUMNS = [
  ...PROCEDURE_COLUMNS.map(({ column }) => column),
  'root_sides',
  'patient_key',
  'patient_name_folded',
  'indications_text',
  'caudal_spread_text',
  'complications_text',
  'target_spread_text',
  'target_drugs_text',
  'caudal_drugs_text',
  'dashboard_facts',
  ...LIFE_COLUMNS.map(([, c]) => c),
];

/** What an UPDATE may set: the creation stays as it was. */
const UPDATED_COLUMNS = ALL_COLUMNS.filter((c) => c !== 'created_at' && c !== 'created_by');

/**
 * Set by every UPDATE, changed or not: the triggers that watch them (the hub's outbox on
 * status, the RIS outbox on status and version) fire exactly as when every column was set.
 */
const ALWAYS_SET = new Set(
  LIFE_COLUMNS.filter(([field]) => field === 'status' || field === 'version').map(([, column]) => column),
);

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
    selectComplications: db.prepare('SELECT * FROM complications WHERE procedure_id = ?'),
  };
}

/**
 * The record's lists by the tables that hold them, children before parents: a drug points at
 * its target, so targets and drugs are rewritten together.
 */
const PART_TABLES = {
  indications: ['procedure_indications'],
  caudalSpread: ['caudal_spread'],
  complications: ['complications'],
  targetsAndDrugs: ['target_spread', 'drug_administrations', 'targets'],
} as const;
export type PartGroup = keyof typeof PART_TABLES;
export const ALL_PARTS: ReadonlySet<PartGroup> = new Set(Object.keys(PART_TABLES) as PartGroup[]);

/** The lists a set of changes touches ("targets[0].side" → targets and drugs). */
export function changedParts(changedPaths: Iterable<string>): Set<PartGroup> {
  const parts = new Set<PartGroup>();
  for (const path of changedPaths) {
    const list = /^[a-zA-Z]+/.exec(path)?.[0];
    if (list === 'targets' || list === 'drugs') parts.add('targetsAndDrugs');
    else if (list && list in PART_TABLES) parts.add(list as PartGroup);
  }
  return parts;
}

const insertInto = (db: WritableDb, table: string, columns: readonly string[]) =>
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);

/** A drug's site (a target or the caudal injection) and the catalogue's facts as signed. */
const DRUG_SPECIAL_COLUMNS = [
  'dose_given_mg',
  'target_ordinal',
  'at_caudal',
  'signed_name',
  'signed_class',
  'signed_particulate',
  'signed_max_dose_mg',
];

function makeWrites(db: WritableDb) {
  return {
    insertProcedure: db.prepare(
      `INSERT INTO procedures (id, ${ALL_COLUMNS.join(', ')}) VALUES (@id, ${ALL_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
    updateProcedure: db.prepare(
      `UPDATE procedures SET ${UPDATED_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ),
    /** UPDATEs of some columns, one per set of columns met (a form changes a few fields at a time). */
    updateColumns: new Map<string, Statement>(),
    deleteParts: Object.fromEntries(
      Object.entries(PART_TABLES).map(([part, tables]) => [
        part,
        tables.map((table) => db.prepare(`DELETE FROM ${table} WHERE procedure_id = ?`)),
      ]),
    ) as Record<PartGroup, Statement[]>,
    insertIndication: insertInto(db, 'procedure_indications', ['procedure_id', 'indication']),
    insertTarget: insertInto(db, 'targets', [
      'procedure_id',
      'ordinal',
      ...TARGET_COLUMNS.map(({ column }) => column),
      'spread_text',
      'drugs_text',
    ]),
    insertTargetSpread: insertInto(db, 'target_spread', ['procedure_id', 'target_ordinal', 'pattern']),
    insertCaudalSpread: insertInto(db, 'caudal_spread', ['procedure_id', 'pattern']),
    insertDrug: insertInto(db, 'drug_administrations', [
      'procedure_id',
      'ordinal',
      ...DRUG_COLUMNS.map(({ column }) => column),
      ...DRUG_SPECIAL_COLUMNS,
    ]),
    insertComplication: insertInto(db, 'complications', [
      'procedure_id',
      ...COMPLICATION_COLUMNS.map(({ column }) => column),
    ]),
    dashboardFacts: dashboardFactsWriter(db),
    db,
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

function procedureRow(id: string, draft: ProcedureDraft, life: LifeColumns): Row {
  const row: Row = {
    id,
    root_sides: rootSides(draft.targets),
    // What the lookups and the search read: the ID and the name folded (model/patient-id.ts, model/search.ts).
    patient_key: draft.patientId == null ? null : patientKey(draft.patientId),
    patient_name_folded: draft.patientName == null ? null : foldName(draft.patientName),
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
  toColumns(PROCEDURE_COLUMNS, draft, row);
  for (const [field, column] of LIFE_COLUMNS) row[column] = life[field];
  return row;
}

/**
 * The row with its dashboard facts, made from the very columns written beside them. The facts
 * of the row as stored before are kept, or only their numbers written again, while the drugs
 * are the same (their rows are rewritten whenever a drug changes) and no column the facts, or
 * their terms, read changed (factsKept).
 */
function procedureRowWithFacts(
  s: ProcedureWrites,
  id: string,
  draft: ProcedureDraft,
  life: LifeColumns,
  before: StoredRow | undefined,
  drugsChanged: boolean,
): Row {
  const row = procedureRow(id, draft, life);
  const factsBefore =
    before !== undefined && typeof before.dashboard_facts === 'string'
      ? { source: before as unknown as FactSource, facts: before.dashboard_facts }
      : undefined;
  const kept = factsBefore && !drugsChanged ? factsKept(row as unknown as FactSource, factsBefore) : undefined;
  row.dashboard_facts =
    kept ?? s.dashboardFacts({ ...(row as unknown as FactSource), drugs: factDrugsOf(draft.drugs) }, factsBefore);
  return row;
}

/** An UPDATE of the row's columns that differ from the row as stored (and of those always set). */
function updateChanged(s: ProcedureWrites, row: Row, before: StoredRow): void {
  const columns = UPDATED_COLUMNS.filter((column) => ALWAYS_SET.has(column) || row[column] !== before[column]);
  const key = columns.join(',');
  let update = s.updateColumns.get(key);
  if (!update) {
    // A handful of sets in practice; bounded all the same.
    if (s.updateColumns.size >= 256) s.updateColumns.clear();
    update = s.db.prepare(`UPDATE procedures SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    s.updateColumns.set(key, update);
  }
  update.run(row);
}

/** The tables a record is made of, each as its own rows (what the seal and the derived check read). */
export const RECORD_TABLES = [
  'procedures',
  'procedure_indications',
  'caudal_spread',
  'complications',
  'target_spread',
  'drug_administrations',
  'targets',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
export type RecordRows = Record<RecordTable, Row[]>;

/** The rows of a record's lists, as the one writer writes them from its content. */
function partRows(id: string, draft: ProcedureDraft): Omit<RecordRows, 'procedures'> {
  const targets: Row[] = [];
  const targetSpread: Row[] = [];
  draft.targets.forEach((target, ordinal) => {
    const row: Row = {
      procedure_id: id,
      ordinal,
      spread_text: target.spread.join(';'),
      drugs_text: drugsText(draft, ordinal),
    };
    toColumns(TARGET_COLUMNS, target, row);
    targets.push(row);
    for (const pattern of target.spread) targetSpread.push({ procedure_id: id, target_ordinal: ordinal, pattern });
  });
  const drugs = draft.drugs.map((administration, ordinal) => {
    const site = administration.site;
    const row: Row = {
      procedure_id: id,
      ordinal,
      dose_given_mg: doseInMg(administration) ?? null,
      target_ordinal: typeof site === 'number' ? site : null,
      at_caudal: site === 'caudal' ? 1 : 0,
      signed_name: administration.asSigned?.name ?? null,
      signed_class: administration.asSigned?.drugClass ?? null,
      signed_particulate: administration.asSigned ? (administration.asSigned.particulate ? 1 : 0) : null,
      signed_max_dose_mg: administration.asSigned?.maxDoseMg ?? null,
    };
    toColumns(DRUG_COLUMNS, administration, row);
    return row;
  });
  return {
    procedure_indications: draft.indications.map((indication) => ({ procedure_id: id, indication })),
    caudal_spread: draft.caudalSpread.map((pattern) => ({ procedure_id: id, pattern })),
    complications: draft.complications.map((entry) => {
      const row: Row = { procedure_id: id };
      toColumns(COMPLICATION_COLUMNS, entry, row);
      return row;
    }),
    target_spread: targetSpread,
    drug_administrations: drugs,
    targets,
  };
}

/**
 * Every row a record's content and life give, as the writer writes them: what `check`
 * compares the stored rows with (ledger/derived.ts). `facts` makes the dashboard facts.
 */
export function expectedRecordRows(
  id: string,
  draft: ProcedureDraft,
  life: LifeColumns,
  facts: (input: FactInput) => string | undefined,
): RecordRows {
  const row = procedureRow(id, draft, life);
  row.dashboard_facts = facts({ ...(row as unknown as FactSource), drugs: factDrugsOf(draft.drugs) }) ?? null;
  return { procedures: [row], ...partRows(id, draft) };
}

/** A record's rows as stored, every column of every table it is made of. */
export function readRecordRows(db: ReadableDb, id: string): RecordRows {
  const rows = {} as RecordRows;
  for (const table of RECORD_TABLES) {
    const key = table === 'procedures' ? 'id' : 'procedure_id';
    rows[table] = preparedOn(db, `SELECT * FROM ${table} WHERE ${key} = ?`).all(id) as Row[];
  }
  return rows;
}

/** Which of the part groups writes each table. */
const INSERTS: Record<Exclude<RecordTable, 'procedures'>, keyof ProcedureWrites> = {
  procedure_indications: 'insertIndication',
  caudal_spread: 'insertCaudalSpread',
  complications: 'insertComplication',
  target_spread: 'insertTargetSpread',
  drug_administrations: 'insertDrug',
  targets: 'insertTarget',
};

/**
 * Writes the procedure row and those of its parts that changed (all of them for a new
 * record); the caller owns the transaction. Given the procedure row as stored (`before`: as
 * read, or as this connection wrote it while nothing was written since), only the columns
 * that differ from it are set, so the search index is touched only when its text changed,
 * and the dashboard facts are made again only when their inputs changed. Answers the row as
 * it now stands.
 */
export function writeProcedure(
  db: WritableDb,
  id: string,
  draft: ProcedureDraft,
  life: LifeColumns,
  exists: boolean,
  /** The lists to (re)write; a new record has all of its lists written. */
  parts: ReadonlySet<PartGroup> = ALL_PARTS,
  before?: StoredRow,
): StoredRow {
  const s = writeStatements(db);
  const writing = exists ? parts : ALL_PARTS;
  const stored = exists ? before : undefined;
  const row = procedureRowWithFacts(s, id, draft, life, stored, writing.has('targetsAndDrugs'));
  if (exists) {
    if (stored) updateChanged(s, row, stored);
    else s.updateProcedure.run(row);
    for (const part of writing) for (const statement of s.deleteParts[part]) statement.run(id);
  } else {
    s.insertProcedure.run(row);
  }
  if (writing.size === 0) return withCreation(row, stored);
  const rows = partRows(id, draft);
  // Parents before children: a drug and a spread pattern point at their target.
  for (const part of ['indications', 'caudalSpread', 'complications', 'targetsAndDrugs'] as const) {
    if (!writing.has(part)) continue;
    for (const table of [...PART_TABLES[part]].reverse()) {
      const insert = s[INSERTS[table]] as Statement;
      for (const partRow of rows[table]) insert.run(partRow);
    }
  }
  return withCreation(row, stored);
}

/** created_at and created_by are never updated: the row (made here, this write's own) keeps the ones it was made with. */
function withCreation(row: Row, stored: StoredRow | undefined): StoredRow {
  if (stored) {
    row.created_at = stored.created_at;
    row.created_by = stored.created_by;
  }
  return row;
}

/** Keeps only the keys whose value is present, so a record reads the way it was written. */
function compact<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] == null) delete object[key];
  return object;
}

const lifeOf = (life: LifeColumns) => ({
  status: life.status,
  version: life.version,
  consoleName: life.consoleName,
  createdAt: life.createdAt,
  createdBy: life.createdBy,
  updatedAt: life.updatedAt,
  signedBy: life.signedBy,
  signedAt: life.signedAt,
  signedById: life.signedById,
  signedMeaning: life.signedMeaning,
  amendedBy: life.amendedBy,
  amendedAt: life.amendedAt,
  amendedById: life.amendedById,
  amendedMeaning: life.amendedMeaning,
  amendReason: life.amendReason,
});

/** The record as readProcedure gives it, from what was just written: a save need not read it back. */
export function recordOf(id: string, draft: ProcedureDraft, life: LifeColumns): StoredProcedure {
  const content: Row = {};
  for (const [key, value] of Object.entries(draft)) if (value != null) content[key] = value;
  const record = canonicalDraft({
    ...content,
    id,
    targets: draft.targets.map((target) => compact({ ...target })),
    drugs: draft.drugs.map((administration) => compact({ ...administration })),
    complications: draft.complications.map((entry) => compact({ ...entry })),
    ...lifeOf(life),
  } as unknown as ProcedureRecord);
  return { record, life };
}

/** The procedures row of a record, every column, as stored. */
export type StoredRow = Readonly<Record<string, unknown>>;

export interface StoredProcedure {
  record: ProcedureRecord;
  life: LifeColumns;
  /** The procedures row as stored (read, or as written), when known: the next write sets only what differs. */
  row?: StoredRow;
}

/** Whether a procedure (draft or signed) with that id is in the logbook. */
export const procedureExists = (db: ReadableDb, id: string): boolean =>
  db.prepare('SELECT 1 FROM procedures WHERE id = ?').get(id) !== undefined;

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
  const content = fromColumns(PROCEDURE_COLUMNS, row);
  const record = canonicalDraft({
    id,
    ...compact(content),
    indications: s.selectIndications.all(id),
    targets: (s.selectTargets.all(id) as Row[]).map((t) =>
      compact({ ...fromColumns(TARGET_COLUMNS, t), spread: spreadByTarget.get(t.ordinal as number) ?? [] }),
    ),
    caudalSpread: s.selectCaudalSpread.all(id),
    drugs: (s.selectDrugs.all(id) as Row[]).map((d) =>
      compact({
        ...fromColumns(DRUG_COLUMNS, d),
        site: d.at_caudal === 1 ? 'caudal' : d.target_ordinal,
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
    complications: (s.selectComplications.all(id) as Row[]).map((c) => compact(fromColumns(COMPLICATION_COLUMNS, c))),
    ...lifeOf(life),
  } as unknown as ProcedureRecord);
  return { record, life, row };
}

/** Every procedure's id and status (draft, signed, amended). */
export const procedureStatuses = (db: ReadableDb) =>
  db.prepare('SELECT id, status FROM procedures').all() as { id: string; status: string }[];

/** The console names the logbook's records carry (each once). */
export function consoleNamesOfRecords(db: ReadableDb): string[] {
  return db.prepare('SELECT DISTINCT console_name FROM procedures').pluck().all() as string[];
}

/**
 * The console names of the consoles this logbook received versions or follow-ups from
 * through the hub (each once); with consoleNamesOfRecords, the console names known here.
 */
export function hubPeerConsoleNames(db: ReadableDb): string[] {
  return db
    .prepare('SELECT console FROM hub_received_versions UNION SELECT console FROM hub_received_follow_ups')
    .pluck()
    .all() as string[];
}
