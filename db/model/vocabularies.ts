/**
 * The clinic's controlled vocabularies; docs/clinical-data.md says what they mean.
 * Stored values are these codes; labels for people live beside them so the UI,
 * the exports' data dictionary and the warnings speak the same words. A vocabulary declared
 * with `worded` carries its words beside its codes; the others' words are still listed in
 * vocabulary-words.ts, until they move here the same way.
 */

/** What a vocabulary declared with its words carries beside its codes. */
export interface Worded<Code extends string> {
  /** The words people read for each code (vocabulary-words.ts gathers them for the form, the sheets and the catalogues). */
  readonly words: Readonly<Record<Code, string>>;
}

/**
 * A vocabulary declared with its words, each code beside what it reads as: the codes in their
 * order (a tuple, for zod, the CHECK lists and the drift test) with `words` beside them (not an
 * element: spreading, mapping or comparing the codes sees only codes).
 */
export function worded<const Pairs extends readonly [readonly [string, string], ...(readonly [string, string])[]]>(
  pairs: Pairs,
): { readonly [Index in keyof Pairs]: Pairs[Index] extends readonly [infer Code, string] ? Code : never } & Worded<
  Pairs[number][0]
> {
  const codes = pairs.map(([code]) => code);
  Object.defineProperty(codes, 'words', { value: Object.freeze(Object.fromEntries(pairs)), enumerable: false });
  return Object.freeze(codes) as never;
}

/** Whether a declaration is a vocabulary with its words. */
export const isWorded = (value: unknown): value is readonly string[] & Worded<string> =>
  Array.isArray(value) && typeof (value as Partial<Worded<string>>).words === 'object';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** The languages RootLog speaks: a patient's for the aftercare sheet, an operator's, the department's. */
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export const INDICATIONS = [
  'disc_herniation',
  'disc_protrusion',
  'facet_arthropathy',
  'central_canal_stenosis',
  'foraminal_stenosis',
  'postoperative',
  'other',
] as const;
export const SYMPTOM_SIDES = ['left', 'right', 'bilateral'] as const;
export const CONSENT = ['obtained', 'not_obtained'] as const;
export const ANTICOAGULATION = ['none', 'paused_per_protocol', 'continued'] as const;
export const CONTRAST_ALLERGY = [
  'none',
  'premedicated',
  'no_iodinated_contrast_used',
  'prior_reaction_not_premedicated',
] as const;
/** `yes` is stored for "excluded" (its code since schema 1); `not_excluded` and `positive` since schema 9. */
export const PREGNANCY_EXCLUDED = ['yes', 'not_applicable', 'not_excluded', 'positive'] as const;
/** The anticoagulant or antiplatelet the patient takes, for the ASRA rule (schema 9). */
export const ANTICOAGULANT_CLASSES = [
  'none',
  'aspirin_alone',
  'other_antiplatelet',
  'doac',
  'warfarin',
  'heparin',
] as const;
export const SEDATIONS = ['none', 'oral_anxiolytic', 'iv'] as const;
/** Why a dose or time was above the department's reference level (asked instead of a tick). */
export const DOSE_EXCEEDANCE_REASONS = [
  'patient_size',
  'difficult_access',
  'repositioning',
  'training',
  'other',
] as const;
/**
 * Why an X-ray-guided case has no dose recorded (asked before it is signed without one). A
 * dose arriving later, typed or from the scanner's dose report, makes the reason moot: the
 * record then keeps the dose, not the reason (dose-record.ts).
 */
export const NO_DOSE_REASONS = ['not_recorded_by_scanner', 'dose_report_pending', 'equipment_fault', 'other'] as const;
/** What was done after intravascular or intrathecal spread. */
export const ABNORMAL_SPREAD_ACTIONS = [
  'repositioned_clean_retest',
  'digital_subtraction',
  'switched_to_non_particulate',
  'aborted',
] as const;
/** The Society of Interventional Radiology's adverse-event grades: A–B minor, C–F major. */
export const SIR_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const POSITIONS = ['prone', 'lateral', 'other'] as const;

export const ROOTS = ['L1', 'L2', 'L3', 'L4', 'L5', 'S1'] as const;
export const SIDES = ['left', 'right'] as const;
export const FORAMINA = ['L1/L2', 'L2/L3', 'L3/L4', 'L4/L5', 'L5/S1', 'S1'] as const;
export const APPROACHES = ['transforaminal', 'periradicular_extraforaminal', 'preganglionic', 'retrodiscal'] as const;
export const NEEDLE_GAUGES = [20, 22, 25, 27] as const;
/** Where the needle tip lay (schema 16): extraforaminal tips have fewer intravascular hits. */
export const NEEDLE_TIP_POSITIONS = worded([
  ['extraforaminal', 'Extraforaminal'],
  ['foraminal', 'Foraminal'],
  ['recessal', 'Recessal'],
]);

export const MODALITIES = ['ct', 'ct_fluoroscopy', 'fluoroscopy', 'ct_and_fluoroscopy'] as const;

export const CONTRAST_AGENTS = [
  'iohexol_240',
  'iohexol_300',
  'iopamidol_200',
  'iopamidol_300',
  'gadolinium_based',
  'none',
] as const;
export const SPREAD_PATTERNS = [
  'perineural',
  'epidural',
  'intraforaminal',
  'intravascular_venous',
  'intravascular_arterial',
  'intrathecal',
  'intradiscal',
  'soft_tissue_only',
  'not_assessed',
] as const;
/** Spread patterns that are safety events in their own right. */
export const UNSAFE_SPREAD: readonly SpreadPattern[] = [
  'intravascular_venous',
  'intravascular_arterial',
  'intrathecal',
];
export const PROVOKED_PAIN = ['none', 'concordant', 'non_concordant'] as const;

export const DRUG_CLASSES = ['steroid', 'local_anaesthetic', 'other'] as const;
/** How a drug's dose is entered: mg directly, concentration × volume, or volume only (saline). */
export const DOSINGS = ['mg', 'concentration', 'volume'] as const;
/** How a dexamethasone dose is stated: as the phosphate (most ampoules) or as the base (4 mg phosphate ≈ 3.3 mg base). */
export const DOSE_SALTS = ['phosphate', 'base'] as const;

export const FOLLOW_UP_METHODS = ['phone', 'visit'] as const;

/** How a follow-up entry was obtained (the episode's follow-ups, schema 7). */
export const FOLLOW_UP_CONTACTS = ['phone', 'visit', 'questionnaire'] as const;
/** The patient's global impression of change (PGIC, seven points). */
export const GLOBAL_IMPRESSIONS = [
  'very_much_improved',
  'much_improved',
  'minimally_improved',
  'no_change',
  'minimally_worse',
  'much_worse',
  'very_much_worse',
] as const;
export const FURTHER_TREATMENTS = ['none', 'repeat_injection', 'physiotherapy', 'surgical_referral', 'other'] as const;

export const COMPLICATIONS = [
  'none',
  'vasovagal',
  'transient_motor_block',
  'intravascular_injection',
  'dural_puncture',
  'post_dural_puncture_headache',
  'hematoma',
  'contrast_reaction',
  'infection',
  'new_neurological_deficit',
  'other',
] as const;
export const SEVERITIES = ['minor', 'major'] as const;
export const DISPOSITIONS = ['home_not_driving', 'observation', 'admitted'] as const;

export const STATUSES = ['draft', 'signed', 'amended'] as const;

/**
 * Where the patient's identity came from (schema 17): typed at the console, taken from the
 * DICOM worklist, or taken from it and then changed by hand.
 */
export const IDENTITY_SOURCES = ['typed', 'worklist', 'worklist_then_changed'] as const;
/** Where the dose figures came from (schema 17): typed, the scanner's dose report (RDSR), or that report changed by hand. */
export const DOSE_SOURCES = ['typed', 'dose_report', 'dose_report_then_changed'] as const;

export type Sex = (typeof SEXES)[number];
export type Indication = (typeof INDICATIONS)[number];
export type SymptomSide = (typeof SYMPTOM_SIDES)[number];
export type Root = (typeof ROOTS)[number];
export type Side = (typeof SIDES)[number];
export type Foramen = (typeof FORAMINA)[number];
export type Approach = (typeof APPROACHES)[number];
export type Modality = (typeof MODALITIES)[number];
export type ContrastAgent = (typeof CONTRAST_AGENTS)[number];
export type SpreadPattern = (typeof SPREAD_PATTERNS)[number];
export type DrugClass = (typeof DRUG_CLASSES)[number];
export type Dosing = (typeof DOSINGS)[number];
export type Complication = (typeof COMPLICATIONS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];
export type IdentitySource = (typeof IDENTITY_SOURCES)[number];
export type DoseSource = (typeof DOSE_SOURCES)[number];
export type SirGrade = (typeof SIR_GRADES)[number];

/** A–B minor, C–F major (SIR adverse-event classification). */
export const severityOfSirGrade = (grade: SirGrade): Severity => (grade === 'A' || grade === 'B' ? 'minor' : 'major');

export const isUnsafeSpread = (pattern: SpreadPattern): boolean => UNSAFE_SPREAD.includes(pattern);
/** Contrast in a vein or an artery (not intrathecal). */
export const isIntravascularSpread = (pattern: string): boolean =>
  pattern === 'intravascular_venous' || pattern === 'intravascular_arterial';

/** Every code of the clinical vocabularies (their words: vocabulary-words.ts). */
export type VocabularyCode = (
  | typeof SEXES
  | typeof LANGUAGES
  | typeof INDICATIONS
  | typeof SYMPTOM_SIDES
  | typeof CONSENT
  | typeof ANTICOAGULATION
  | typeof CONTRAST_ALLERGY
  | typeof PREGNANCY_EXCLUDED
  | typeof ANTICOAGULANT_CLASSES
  | typeof SEDATIONS
  | typeof DOSE_EXCEEDANCE_REASONS
  | typeof NO_DOSE_REASONS
  | typeof ABNORMAL_SPREAD_ACTIONS
  | typeof SIR_GRADES
  | typeof YES_NO
  | typeof POSITIONS
  | typeof ROOTS
  | typeof SIDES
  | typeof FORAMINA
  | typeof APPROACHES
  | typeof NEEDLE_TIP_POSITIONS
  | typeof MODALITIES
  | typeof CONTRAST_AGENTS
  | typeof SPREAD_PATTERNS
  | typeof PROVOKED_PAIN
  | typeof DRUG_CLASSES
  | typeof DOSE_SALTS
  | typeof FOLLOW_UP_METHODS
  | typeof FOLLOW_UP_CONTACTS
  | typeof GLOBAL_IMPRESSIONS
  | typeof FURTHER_TREATMENTS
  | typeof COMPLICATIONS
  | typeof SEVERITIES
  | typeof DISPOSITIONS
  | typeof STATUSES
  | typeof IDENTITY_SOURCES
  | typeof DOSE_SOURCES
)[number];
