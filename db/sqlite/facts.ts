/*
 * A procedure's dashboard facts: everything the quality-review aggregates (the dashboard, the
 * follow-up outcomes, the doses against the reference levels) read about one procedure,
 * packed into 72 bytes that the writer stores with the row
 * (procedures.dashboard_facts, as base64 text) and the dashboard index carries. The dashboard
 * asks SQLite for the filtered procedures' facts as one text and decodes it here, instead of
 * receiving 100 000 rows of a dozen columns each (which alone took twice the 150 ms the
 * screen has). The lists and the operator and modality are stored as ids of
 * `dashboard_terms`, each distinct term once: the targets (root, side and spread of each),
 * the drugs given at each target whose spread was intravascular (kept apart from the
 * targets, so that the many drug combinations do not multiply the targets terms), the
 * indications and the complications.
 *
 * Layout 2 (schema 17; layout 1 had zeros at 10 and 11), little-endian, doubles 8-byte aligned:
 *   0  u8   layout (FACTS_LAYOUT)          1  u8   flags (bit 0: caudal epidural)
 *   2  u8   pain before (255: none)        3  u8   pain after (255: none)
 *   4  u32  month: year × 12 + month − 1 (any year 0000–9999 a record may carry)
 *   8  u16  table minutes (65535: none)    10 u8   day of the month (1–31)
 *   11 u8   steroid given (STEROID_KINDS: 0 none, 1 non-particulate only, 2 particulate)
 *   12 u32  operator term id (0: none)     16 u32  modality term id (0: none)
 *   20 u32  targets term id (0: none)      24 u32  indications term id (0: none)
 *   28 u32  complications term id (0: none)
 *   32 u32  intravascular drugs term id (0: no intravascular spread)             36 u32  0
 *   40 f64  DLP    48 f64  CTDIvol    56 f64  fluoroscopy time    64 f64  DAP   (NaN: none)
 */

import type { DrugAdministration } from '../model/procedure.js';
import { type Reads, sameOnReads, unionOf, withReads } from '../model/reads.js';
import { isIntravascularSpread } from '../model/vocabularies.js';

export const FACTS_LAYOUT = 2;
export const FACTS_BYTES = 72;
/** Stored as base64: 72 bytes are 24 groups of 3, so 96 characters and never a padding "=". */
export const FACTS_TEXT_LENGTH = (FACTS_BYTES / 3) * 4;
const NO_PAIN = 255;
const NO_MINUTES = 65535;

/**
 * The procedures the dashboard reports on, as SQL. Migration 2's partial index is built with
 * exactly this condition and SQLite only uses it for queries stating it word for word, so it
 * is one constant; changing it needs a new migration (the dashboard tests fail without one).
 */
export const REPORTED_PROCEDURES = "status IN ('signed', 'amended')";

/** The term kinds a procedure's facts refer to (migration 2's CHECK lists them: adding one is a migration). */
export const TERM_KINDS = [
  'operator',
  'modality',
  'targets',
  'indications',
  'complications',
  'intravascular_drugs',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** The columns of a procedure row the facts are made from (as procedure-rows.ts writes them). */
export interface FactSource {
  performed_date: string;
  operator_id: string | null;
  modality: string | null;
  caudal_epidural: number;
  root_sides: string;
  target_spread_text: string;
  target_drugs_text: string;
  indications_text: string;
  complications_text: string;
  pain_pre: number | null;
  pain_post: number | null;
  started_at: string | null;
  ended_at: string | null;
  dlp_mgy_cm: number | null;
  ctdi_vol_mgy: number | null;
  fluoro_time_s: number | null;
  dap_gy_cm2: number | null;
}

/**
 * What a drug row says of its class as the record was signed (schema 6): null for a draft, and
 * for a record signed before schema 6, which is read with the catalogue as it was at that
 * upgrade (drug_catalogue_at_schema_6, unchangeable) instead.
 */
export interface FactDrug {
  code: string;
  signedClass: string | null;
  signedParticulate: number | null;
}

/** The facts' whole input: the row's columns and its drugs. */
export type FactInput = FactSource & { drugs: readonly FactDrug[] };

/** A draft's or record's drugs as its drug rows store them (procedure-rows.ts writes the same). */
export const factDrugsOf = (drugs: readonly DrugAdministration[]): FactDrug[] =>
  drugs.map((drug) => ({
    code: drug.drug,
    signedClass: drug.asSigned?.drugClass ?? null,
    signedParticulate: drug.asSigned ? (drug.asSigned.particulate ? 1 : 0) : null,
  }));

/** The steroid kinds by their number in the facts: the most telling of a procedure's drugs counts. */
export const STEROID_KINDS = ['none', 'non_particulate', 'particulate'] as const;
export type SteroidKind = (typeof STEROID_KINDS)[number];

/** A drug's class and particulate flag in the catalogue at schema 6, by code. */
export type FrozenCatalogue = ReadonlyMap<string, { drugClass: string; particulate: boolean }>;

/** The number (STEROID_KINDS) of the steroid a procedure was given, as signed. */
export function steroidKindOf(drugs: readonly FactDrug[], frozen: FrozenCatalogue): number {
  let kind = 0;
  for (const drug of drugs) {
    const then = frozen.get(drug.code);
    const steroid = drug.signedClass !== null ? drug.signedClass === 'steroid' : then?.drugClass === 'steroid';
    if (!steroid) continue;
    const particulate = drug.signedParticulate !== null ? drug.signedParticulate === 1 : then?.particulate === true;
    kind = Math.max(kind, particulate ? 2 : 1);
  }
  return kind;
}

/**
 * A drug as target_drugs_text names it: "code" for a draft (or a record signed before schema
 * 6), "code!p" or "code!n" for a signed record, particulate or not as the catalogue said at
 * its signing, so the dashboard never reads today's catalogue into a signed record.
 */
export const drugEntry = (code: string, particulateWhenSigned: boolean | undefined) =>
  particulateWhenSigned === undefined ? code : `${code}!${particulateWhenSigned ? 'p' : 'n'}`;

/** Whether a drug entry (see drugEntry) was a particulate steroid; bare codes by `particulateOtherwise`. */
export function isParticulateEntry(entry: string, particulateOtherwise: ReadonlySet<string>): boolean {
  if (entry.endsWith('!p')) return true;
  if (entry.endsWith('!n')) return false;
  return particulateOtherwise.has(entry);
}

export const isIntravascular = isIntravascularSpread;

/** The text a term of each kind stands for, or undefined when the procedure has none. */
export function termsOf(source: FactSource): Record<TermKind, string | undefined> {
  const present = (text: string | null) => (text ? text : undefined);
  const drugsByTarget = source.target_drugs_text.split('|');
  const drugsAtIntravascular = source.target_spread_text
    .split('|')
    .flatMap((spread, index) => (spread.split(';').some(isIntravascular) ? [drugsByTarget[index] ?? ''] : []));
  return {
    operator: present(source.operator_id),
    modality: present(source.modality),
    // The spread only means something together with the targets it belongs to.
    targets: source.root_sides ? JSON.stringify([source.root_sides, source.target_spread_text]) : undefined,
    indications: present(source.indications_text),
    complications: present(source.complications_text),
    // One ";"-joined drug list per target whose spread was intravascular, in target order.
    intravascular_drugs: drugsAtIntravascular.length > 0 ? JSON.stringify(drugsAtIntravascular) : undefined,
  };
}

/** A targets term back as its per-target texts. */
export function targetsOfTerm(term: string): { rootSides: string; spread: string } {
  const [rootSides = '', spread = ''] = JSON.parse(term) as string[];
  return { rootSides, spread };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Table time in whole minutes from start to end; past midnight wraps to the next day. */
export function tableMinutes(startedAt: string | null, endedAt: string | null): number | null {
  if (!startedAt || !endedAt) return null;
  return (((minutesOf(endedAt) - minutesOf(startedAt)) % 1440) + 1440) % 1440;
}

export const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
/** A date as one comparable number: month index × 32 + day (the facts' month and day). */
export const dayKey = (date: string) => monthIndex(date) * 32 + Number(date.slice(8, 10));
export const monthOfIndex = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Packs one procedure's facts; `termIds` holds the ids of its terms (0 where it has none),
 * `steroid` its steroid kind (steroidKindOf).
 */
export function encodeFacts(source: FactSource, termIds: Record<TermKind, number>, steroid: number): Buffer {
  const facts = Buffer.alloc(FACTS_BYTES);
  facts.writeUInt8(FACTS_LAYOUT, 0);
  facts.writeUInt8(source.caudal_epidural === 1 ? 1 : 0, 1);
  facts.writeUInt8(source.pain_pre ?? NO_PAIN, 2);
  facts.writeUInt8(source.pain_post ?? NO_PAIN, 3);
  facts.writeUInt32LE(monthIndex(source.performed_date), 4);
  facts.writeUInt16LE(tableMinutes(source.started_at, source.ended_at) ?? NO_MINUTES, 8);
  facts.writeUInt8(Number(source.performed_date.slice(8, 10)), 10);
  facts.writeUInt8(steroid, 11);
  facts.writeUInt32LE(termIds.operator, 12);
  facts.writeUInt32LE(termIds.modality, 16);
  facts.writeUInt32LE(termIds.targets, 20);
  facts.writeUInt32LE(termIds.indications, 24);
  facts.writeUInt32LE(termIds.complications, 28);
  facts.writeUInt32LE(termIds.intravascular_drugs, 32);
  facts.writeDoubleLE(source.dlp_mgy_cm ?? Number.NaN, 40);
  facts.writeDoubleLE(source.ctdi_vol_mgy ?? Number.NaN, 48);
  facts.writeDoubleLE(source.fluoro_time_s ?? Number.NaN, 56);
  facts.writeDoubleLE(source.dap_gy_cm2 ?? Number.NaN, 64);
  return facts;
}

/** The term ids packed in a procedure's facts text (undefined when it is of another layout). */
export function termIdsOfFacts(text: string): Record<TermKind, number> | undefined {
  const facts = factsBytesOf(text);
  return facts && termIdsOf(facts);
}

/** A procedure's facts text as its bytes, or undefined when it is of another layout. */
function factsBytesOf(text: string): Buffer | undefined {
  const facts = Buffer.from(text, 'base64');
  return facts.length === FACTS_BYTES && facts.readUInt8(0) === FACTS_LAYOUT ? facts : undefined;
}

function termIdsOf(facts: Buffer): Record<TermKind, number> {
  return {
    operator: facts.readUInt32LE(12),
    modality: facts.readUInt32LE(16),
    targets: facts.readUInt32LE(20),
    indications: facts.readUInt32LE(24),
    complications: facts.readUInt32LE(28),
    intravascular_drugs: facts.readUInt32LE(32),
  };
}

/** The facts as stored in procedures.dashboard_facts. */
export function encodeFactsText(source: FactSource, termIds: Record<TermKind, number>, steroid: number): string {
  return encodeFacts(source, termIds, steroid).toString('base64');
}

/*
 * What the facts read of a row, noted (model/reads.ts) as termsOf and encodeFacts read a row
 * that takes every branch they have, rather than listed by hand: the columns the dashboard
 * batches select, and the columns whose change makes the writer make a row's facts again.
 * facts.test.ts checks that no row reads a column outside them.
 */
const EVERY_BRANCH: FactSource = {
  performed_date: '2026-03-14',
  operator_id: 'op',
  modality: 'ct',
  caudal_epidural: 1,
  root_sides: 'L5 left,S1 left',
  target_spread_text: 'perineural|intravascular_venous;epidural',
  target_drugs_text: 'dexamethasone|lidocaine;triamcinolone',
  indications_text: 'disc_herniation',
  complications_text: 'vasovagal:mild',
  pain_pre: 7,
  pain_post: 2,
  started_at: '09:30',
  ended_at: '09:45',
  dlp_mgy_cm: 150,
  ctdi_vol_mgy: 5,
  fluoro_time_s: 30,
  dap_gy_cm2: 2,
};
const NO_TERMS: Record<TermKind, number> = {
  operator: 0,
  modality: 0,
  targets: 0,
  indications: 0,
  complications: 0,
  intravascular_drugs: 0,
};

/** What the terms read of a row. */
export const TERM_READS: Reads = withReads(EVERY_BRANCH, termsOf).reads;
/** What the whole facts read of a row (its drugs apart: see factsKept). */
export const FACT_READS: Reads = unionOf(
  TERM_READS,
  withReads(EVERY_BRANCH, (source) => encodeFacts(source, NO_TERMS, 0)).reads,
);
/** The columns of a procedure row the facts are made from. */
export const FACT_SOURCE_COLUMNS = [...FACT_READS.keys] as readonly (keyof FactSource)[];

/**
 * A row's facts from the facts it had before, while its drugs are the same (they give the
 * steroid kind): kept whole when no column the facts read changed; with the term ids and the
 * steroid taken from them when only numbers changed (pain, times, doses: terms never change,
 * and the ids stored point at them). Undefined when a term's column changed (its id is looked
 * up) or the facts before are of another layout.
 */
export function factsKept(source: FactSource, before: { source: FactSource; facts: string }): string | undefined {
  if (sameOnReads(FACT_READS, before.source, source)) return before.facts;
  if (!sameOnReads(TERM_READS, before.source, source)) return undefined;
  const facts = factsBytesOf(before.facts);
  return facts && encodeFactsText(source, termIdsOf(facts), facts.readUInt8(11));
}

/** Many procedures' facts, one typed array per fact (null encodings kept: see NO_* below). */
export interface FactColumns {
  count: number;
  caudal: Uint8Array;
  month: Uint32Array;
  /** Day of the month, 1–31. */
  day: Uint8Array;
  /** STEROID_KINDS' number. */
  steroid: Uint8Array;
  operator: Uint32Array;
  modality: Uint32Array;
  targets: Uint32Array;
  indications: Uint32Array;
  complications: Uint32Array;
  intravascularDrugs: Uint32Array;
  /** Pain before × 12 + pain after, 11 standing for "not recorded": 0–143. */
  painCell: Uint8Array;
  /** Minutes, or FACT_NO_MINUTES. */
  minutes: Uint16Array;
  dlp: RecordedValues;
  ctdiVol: RecordedValues;
  fluoroTime: RecordedValues;
  dap: RecordedValues;
}

/** A measure's recorded values only, each with the row it belongs to. */
export interface RecordedValues {
  rows: Uint32Array;
  values: Float64Array;
}

/** Collects a measure's recorded values (NaN: not recorded) while rows are decoded. */
class RecordedValuesBuilder {
  private readonly rows: Uint32Array;
  private readonly values: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    this.rows = new Uint32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  add(row: number, value: number): void {
    if (Number.isNaN(value)) return;
    this.rows[this.length] = row;
    this.values[this.length] = value;
    this.length++;
  }

  done(): RecordedValues {
    return { rows: this.rows.subarray(0, this.length), values: this.values.subarray(0, this.length) };
  }
}

export const FACT_NO_MINUTES = NO_MINUTES;
export const PAIN_NONE = 11;

/** Decodes concatenated facts; refuses a layout it does not know rather than misread it. */
export function decodeFacts(bytes: Buffer): FactColumns {
  if (bytes.length % FACTS_BYTES !== 0) {
    throw new Error(`dashboard facts are ${bytes.length} bytes, not a multiple of ${FACTS_BYTES}`);
  }
  const count = bytes.length / FACTS_BYTES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const columns: Omit<FactColumns, 'dlp' | 'ctdiVol' | 'fluoroTime' | 'dap'> = {
    count,
    caudal: new Uint8Array(count),
    month: new Uint32Array(count),
    day: new Uint8Array(count),
    steroid: new Uint8Array(count),
    operator: new Uint32Array(count),
    modality: new Uint32Array(count),
    targets: new Uint32Array(count),
    indications: new Uint32Array(count),
    complications: new Uint32Array(count),
    intravascularDrugs: new Uint32Array(count),
    painCell: new Uint8Array(count),
    minutes: new Uint16Array(count),
  };
  const dlp = new RecordedValuesBuilder(count);
  const ctdiVol = new RecordedValuesBuilder(count);
  const fluoroTime = new RecordedValuesBuilder(count);
  const dap = new RecordedValuesBuilder(count);
  for (let row = 0, at = 0; row < count; row++, at += FACTS_BYTES) {
    const layout = view.getUint8(at);
    if (layout !== FACTS_LAYOUT)
      throw new Error(`dashboard facts of layout ${layout} (this version reads ${FACTS_LAYOUT})`);
    columns.caudal[row] = view.getUint8(at + 1) & 1;
    const pre = view.getUint8(at + 2);
    const post = view.getUint8(at + 3);
    columns.painCell[row] = (pre === NO_PAIN ? PAIN_NONE : pre) * 12 + (post === NO_PAIN ? PAIN_NONE : post);
    columns.month[row] = view.getUint32(at + 4, true);
    columns.minutes[row] = view.getUint16(at + 8, true);
    columns.day[row] = view.getUint8(at + 10);
    columns.steroid[row] = view.getUint8(at + 11);
    columns.operator[row] = view.getUint32(at + 12, true);
    columns.modality[row] = view.getUint32(at + 16, true);
    columns.targets[row] = view.getUint32(at + 20, true);
    columns.indications[row] = view.getUint32(at + 24, true);
    columns.complications[row] = view.getUint32(at + 28, true);
    columns.intravascularDrugs[row] = view.getUint32(at + 32, true);
    dlp.add(row, view.getFloat64(at + 40, true));
    ctdiVol.add(row, view.getFloat64(at + 48, true));
    fluoroTime.add(row, view.getFloat64(at + 56, true));
    dap.add(row, view.getFloat64(at + 64, true));
  }
  return { ...columns, dlp: dlp.done(), ctdiVol: ctdiVol.done(), fluoroTime: fluoroTime.done(), dap: dap.done() };
}
