import { z } from 'zod';
import {
  ABNORMAL_SPREAD_ACTIONS,
  ANTICOAGULANT_CLASSES,
  ANTICOAGULATION,
  APPROACHES,
  COMPLICATIONS,
  CONSENT,
  CONTRAST_AGENTS,
  CONTRAST_ALLERGY,
  DISPOSITIONS,
  DOSE_EXCEEDANCE_REASONS,
  DOSE_SALTS,
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
  SEDATIONS,
  SEVERITIES,
  SEXES,
  SIDES,
  SIR_GRADES,
  SPREAD_PATTERNS,
  type STATUSES,
  SYMPTOM_SIDES,
  severityOfSirGrade,
  YES_NO,
} from './vocabularies.js';

/*
 * The schema of one procedure as a draft: every field may be missing (null or absent),
 * but whatever is present must be of the right type and range. The rules for signing
 * (required and consistent fields) live in signing.ts and build on this schema.
 * Rule messages are written to follow the field's label: "Pain before (NRS) must be …".
 */

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

/** Free text, trimmed; an empty field is a missing one (a cleared input, or only spaces). */
// Control characters (NUL above all) have no place in a clinical record and confuse
// SQLite's length() and every spreadsheet; notes may keep line breaks and tabs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const text = (max: number, lines: 'single' | 'multi' = 'single') =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .regex(lines === 'single' ? SINGLE_LINE : MULTI_LINE, {
      error:
        lines === 'single'
          ? 'must be one line of text without control characters'
          : 'must not contain control characters',
    })
    .transform((value) => (value === '' ? undefined : value));

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });

const amount = (min: number, max: number) =>
  z
    .number({ error: `must be a number from ${min} to ${max}` })
    .min(min, { error: `must be a number from ${min} to ${max}` })
    .max(max, { error: `must be a number from ${min} to ${max}` });

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item, { error: 'must be a list' })
    .max(max, { error: `must have at most ${max} entries` })
    .refine((list) => new Set(list).size === list.length, { error: 'must not list the same value twice' })
    .default([]);

const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/** UUIDv7: time-ordered, so records from several consoles merge without collisions. */
export const procedureIdSchema = z
  .string({ error: 'must be text' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, { error: 'must be a UUIDv7' });

const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const clockTime = z
  .string({ error: 'must be a time as HH:MM' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time as HH:MM' });
const dateTimeWithOffset = z.iso.datetime({
  offset: true,
  error: 'must be a date and time with its UTC offset, e.g. 2026-03-14T09:30:00+01:00',
});

export const targetSchema = z
  .object({
    root: optional(oneOf(ROOTS)),
    side: optional(oneOf(SIDES)),
    foramen: optional(oneOf(FORAMINA)),
    approach: optional(oneOf(APPROACHES)),
    needleGauge: optional(
      z.union(
        NEEDLE_GAUGES.map((gauge) => z.literal(gauge)),
        { error: `must be one of: ${NEEDLE_GAUGES.join(', ')} G` },
      ),
    ),
    needleLengthMm: optional(wholeNumber(50, 200)),
    needleRepositionings: optional(wholeNumber(0, 50)),
    spread: uniqueList(oneOf(SPREAD_PATTERNS), SPREAD_PATTERNS.length),
    provokedPain: optional(oneOf(PROVOKED_PAIN)),
    injectionSlowed: optional(z.boolean({ error: 'must be yes or no' })),
    /** After intravascular or intrathecal spread: what was done (a clean retest clears the particulate warning). */
    abnormalSpreadAction: optional(oneOf(ABNORMAL_SPREAD_ACTIONS)),
  })
  .strict();

/** Where a drug went: a target by its position in the list (0 = first), or the caudal epidural. */
export const drugSiteSchema = z.union([wholeNumber(0, 11), z.literal('caudal')], {
  error: 'must be a target number or caudal',
});

/**
 * What the department's catalogue said of a drug when the record was signed, copied into the
 * record then (and into its signed version): a later edit of the catalogue never changes what
 * a signed record says. Drafts have none: they follow the catalogue as it is.
 */
export const signedDrugFactsSchema = z
  .object({
    name: z.string().min(1).max(80),
    drugClass: z.enum(DRUG_CLASSES),
    particulate: z.boolean(),
    maxDoseMg: z.number().positive().max(10000).nullable(),
  })
  .strict();
export type SignedDrugFacts = z.output<typeof signedDrugFactsSchema>;

export const drugAdministrationSchema = z
  .object({
    drug: z
      .string({ error: 'is required' })
      .min(1, { error: 'is required' })
      .max(40, { error: 'is not in the catalogue' }),
    doseMg: optional(amount(0, 10000)),
    concentrationMgPerMl: optional(amount(0, 1000)),
    volumeMl: optional(amount(0, 50)),
    site: optional(drugSiteSchema),
    lot: optional(text(64)),
    /** Dexamethasone only: the dose as the phosphate (default) or as the base. */
    doseSalt: optional(oneOf(DOSE_SALTS)),
    asSigned: optional(signedDrugFactsSchema),
  })
  .strict();

export const followUpSchema = z
  .object({
    day: wholeNumber(0, 3650),
    painNrs: optional(wholeNumber(0, 10)),
    reliefPercent: optional(amount(-100, 100)),
    method: optional(oneOf(FOLLOW_UP_METHODS)),
    note: optional(text(1000, 'multi')),
  })
  .strict();

export const complicationSchema = z
  .object({
    type: oneOf(COMPLICATIONS),
    severity: optional(oneOf(SEVERITIES)),
    /** SIR grade A–F; when given, the severity is derived from it (A–B minor, C–F major). */
    sirGrade: optional(oneOf(SIR_GRADES)),
  })
  .strict();

export const procedureDraftSchema = z
  .object({
    id: optional(procedureIdSchema),
    patientId: optional(text(64)),
    patientName: optional(text(200)),
    birthDate: optional(isoDate),
    sex: optional(oneOf(SEXES)),
    accessionNumber: optional(text(64)),
    performedAt: optional(dateTimeWithOffset),
    startedAt: optional(clockTime),
    endedAt: optional(clockTime),
    operatorId: optional(text(64)),
    assistant: optional(text(100)),

    indications: uniqueList(oneOf(INDICATIONS), INDICATIONS.length),
    symptomSide: optional(oneOf(SYMPTOM_SIDES)),
    priorInfiltrations: optional(wholeNumber(0, 100)),
    consent: optional(oneOf(CONSENT)),
    anticoagulation: optional(oneOf(ANTICOAGULATION)),
    contrastAllergy: optional(oneOf(CONTRAST_ALLERGY)),
    pregnancyExcluded: optional(oneOf(PREGNANCY_EXCLUDED)),
    diabetes: optional(oneOf(YES_NO)),
    position: optional(oneOf(POSITIONS)),
    anticoagulantClass: optional(oneOf(ANTICOAGULANT_CLASSES)),
    steroidAllergy: optional(oneOf(YES_NO)),
    localAnaestheticAllergy: optional(oneOf(YES_NO)),
    sedation: optional(oneOf(SEDATIONS)),
    weightKg: optional(amount(1, 400)),
    /** The time-out before the needle: level counted on the images, side marked, a transitional vertebra noted. */
    timeOutLevelVerified: optional(z.boolean({ error: 'must be yes or no' })),
    timeOutSideMarked: optional(z.boolean({ error: 'must be yes or no' })),
    transitionalVertebra: optional(z.boolean({ error: 'must be yes or no' })),

    targets: z
      .array(targetSchema, { error: 'must be a list' })
      .max(12, { error: 'must have at most 12 entries' })
      .default([]),
    caudalEpidural: z.boolean({ error: 'must be yes or no' }).default(false),
    caudalSpread: uniqueList(oneOf(SPREAD_PATTERNS), SPREAD_PATTERNS.length),
    caudalProvokedPain: optional(oneOf(PROVOKED_PAIN)),
    caudalAbnormalSpreadAction: optional(oneOf(ABNORMAL_SPREAD_ACTIONS)),

    modality: optional(oneOf(MODALITIES)),
    ctdiVolMGy: optional(amount(0, 1000)),
    dlpMGyCm: optional(amount(0, 100000)),
    ctAcquisitions: optional(wholeNumber(1, 100)),
    fluoroTimeS: optional(amount(0, 36000)),
    dapGyCm2: optional(amount(0, 10000)),
    /** Why a dose or time was above the department's reference level: asked instead of a tick. */
    doseExceedanceReason: optional(oneOf(DOSE_EXCEEDANCE_REASONS)),

    contrastAgent: optional(oneOf(CONTRAST_AGENTS)),
    contrastVolumeMl: optional(amount(0, 10)),

    drugs: z
      .array(drugAdministrationSchema, { error: 'must be a list' })
      .max(20, { error: 'must have at most 20 entries' })
      .default([]),
    noDrugReason: optional(text(500, 'multi')),

    painPre: optional(wholeNumber(0, 10)),
    painPost: optional(wholeNumber(0, 10)),
    painPostMinutes: optional(wholeNumber(0, 120)),
    followUps: z
      .array(followUpSchema, { error: 'must be a list' })
      .max(50, { error: 'must have at most 50 entries' })
      .default([]),

    complications: z
      .array(complicationSchema, { error: 'must be a list' })
      .max(COMPLICATIONS.length, { error: `must have at most ${COMPLICATIONS.length} entries` })
      .refine((list) => new Set(list.map((c) => c.type)).size === list.length, {
        error: 'must not list the same complication twice',
      })
      .default([]),
    disposition: optional(oneOf(DISPOSITIONS)),
    notes: optional(text(5000, 'multi')),
  })
  .strict();

/** What a caller sends: a draft's fields (arrays may be left out). */
export type ProcedureInput = z.input<typeof procedureDraftSchema>;
/** A parsed draft: arrays are always present, other fields may be null or absent. */
export type ProcedureDraft = z.output<typeof procedureDraftSchema>;
export type Target = z.output<typeof targetSchema>;
export type DrugAdministration = z.output<typeof drugAdministrationSchema>;
export type FollowUp = z.output<typeof followUpSchema>;
export type ComplicationEntry = z.output<typeof complicationSchema>;
export type DrugSite = z.output<typeof drugSiteSchema>;

/** Record life, as stored: who signed and amended it, and which version this is. */
export interface RecordLife {
  id: string;
  status: (typeof STATUSES)[number];
  version: number;
  consoleName: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  signedBy: string | null;
  signedAt: string | null;
  amendedBy: string | null;
  amendedAt: string | null;
  amendReason: string | null;
}

/** A stored procedure: its clinical content plus its life. */
export type ProcedureRecord = ProcedureDraft & RecordLife;

/**
 * mg given: entered directly, or concentration × volume rounded half up to 0.01 mg, in
 * decimal (0.43 mL × 2.5 mg/mL = 1.075 → 1.08 mg; binary floating point alone would give
 * 1.07 or 1.08 depending on how it was computed). The one place mg is computed: the value
 * is stored with the drug row when written, and every list, export and rule reads that.
 */
export function doseInMg(
  administration: Pick<DrugAdministration, 'doseMg' | 'concentrationMgPerMl' | 'volumeMl'>,
): number | undefined {
  if (administration.doseMg != null) return administration.doseMg;
  if (administration.concentrationMgPerMl != null && administration.volumeMl != null) {
    const hundredths = Number((administration.concentrationMgPerMl * administration.volumeMl * 100).toPrecision(12));
    return Math.round(hundredths) / 100;
  }
  return undefined;
}

const byVocabulary =
  <T extends string>(vocabulary: readonly T[]) =>
  (list: readonly T[]): T[] =>
    [...list].sort((a, b) => vocabulary.indexOf(a) - vocabulary.indexOf(b));
const sortIndications = byVocabulary(INDICATIONS);
const sortSpread = byVocabulary(SPREAD_PATTERNS);

/**
 * Sets (indications, spread patterns, complications) in vocabulary order, so the same
 * clinical content always reads, diffs and exports the same way however it was entered.
 */
export function canonicalDraft<T extends ProcedureDraft>(draft: T): T {
  return {
    ...draft,
    indications: sortIndications(draft.indications),
    targets: draft.targets.map((target) => ({ ...target, spread: sortSpread(target.spread) })),
    caudalSpread: sortSpread(draft.caudalSpread),
    complications: [...draft.complications]
      .map((entry) => (entry.sirGrade ? { ...entry, severity: severityOfSirGrade(entry.sirGrade) } : entry))
      .sort((a, b) => COMPLICATIONS.indexOf(a.type) - COMPLICATIONS.indexOf(b.type)),
  };
}

/** The clinical content of a record: what a version snapshot, a diff and an export carry. */
export function clinicalContent(record: ProcedureRecord): ProcedureDraft {
  const {
    status: _status,
    version: _version,
    consoleName: _consoleName,
    createdAt: _createdAt,
    createdBy: _createdBy,
    updatedAt: _updatedAt,
    signedBy: _signedBy,
    signedAt: _signedAt,
    amendedBy: _amendedBy,
    amendedAt: _amendedAt,
    amendReason: _amendReason,
    ...content
  } = record;
  return content;
}
