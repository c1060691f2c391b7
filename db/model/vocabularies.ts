/**
 * The clinic's controlled vocabularies; docs/clinical-data.md says what they mean.
 * Stored values are these codes; each vocabulary is declared with `worded`, its words beside
 * its codes, so the UI, the exports' data dictionary and the warnings speak the same words
 * (vocabulary-words.ts gathers them; the catalogues translate them as `code.<code>`).
 */

/** What a vocabulary declared with its words carries beside its codes. */
export interface Worded<Code extends string> {
  /** The words people read for each code (vocabulary-words.ts gathers them for the form, the sheets and the catalogues). */
  readonly words: Readonly<Record<Code, string>>;
  /**
   * Codes this vocabulary words with a message of its own, `code.<vocabulary>.<code>`, where a
   * language's grammar needs it: "None" is French "Aucune" for the complications (feminine) but
   * "Aucun" for a contrast agent. The stored code and its English stay the shared ones.
   */
  readonly own?: { readonly vocabulary: string; readonly codes: readonly Code[] };
}

/**
 * A vocabulary declared with its words, each code beside what it reads as: the codes in their
 * order (a tuple, for zod, the CHECK lists and the drift test) with `words` beside them (not an
 * element: spreading, mapping or comparing the codes sees only codes).
 */
export function worded<const Pairs extends readonly [readonly [string, string], ...(readonly [string, string])[]]>(
  pairs: Pairs,
  own?: { readonly vocabulary: string; readonly codes: readonly Pairs[number][0][] },
): { readonly [Index in keyof Pairs]: Pairs[Index] extends readonly [infer Code, string] ? Code : never } & Worded<
  Pairs[number][0]
> {
  const codes = pairs.map(([code]) => code);
  Object.defineProperty(codes, 'words', { value: Object.freeze(Object.fromEntries(pairs)), enumerable: false });
  if (own) Object.defineProperty(codes, 'own', { value: Object.freeze({ ...own }), enumerable: false });
  return Object.freeze(codes) as never;
}

/** Whether a declaration is a vocabulary with its words. */
export const isWorded = (value: unknown): value is readonly string[] & Worded<string> =>
  Array.isArray(value) && typeof (value as Partial<Worded<string>>).words === 'object';

// Codes several vocabularies share, each worded here once: a code has one message (`code.<code>`),
// so its English cannot differ between the vocabularies it is in. Where a language's grammar
// needs other words in one vocabulary (French and Italian make "none" agree with the field:
// "Aucune" complication, "Aucun" contrast agent), that vocabulary names the code as its own
// (worded's second argument): its own message, `code.<vocabulary>.none`, the stored code unchanged.
const NONE = ['none', 'None'] as const;
const OTHER = ['other', 'Other'] as const;
const LEFT = ['left', 'Left'] as const;
const RIGHT = ['right', 'Right'] as const;
const YES = ['yes', 'Yes'] as const;
const S1 = ['S1', 'S1'] as const;
const PHONE = ['phone', 'Phone'] as const;
const VISIT = ['visit', 'Visit'] as const;
const TYPED = ['typed', 'Typed at the console'] as const;

export const SEXES = worded([['female', 'Female'], ['male', 'Male'], OTHER, ['unknown', 'Unknown']]);
/** The languages RootLog speaks: a patient's for the aftercare sheet, an operator's, the department's. */
export const LANGUAGES = worded([
  ['de', 'German'],
  ['fr', 'French'],
  ['it', 'Italian'],
  ['en', 'English'],
]);
export const INDICATIONS = worded([
  ['disc_herniation', 'Disc herniation'],
  ['disc_protrusion', 'Disc protrusion'],
  ['facet_arthropathy', 'Facet arthropathy'],
  ['central_canal_stenosis', 'Central canal stenosis'],
  ['foraminal_stenosis', 'Foraminal stenosis'],
  ['postoperative', 'Postoperative'],
  OTHER,
]);
export const SYMPTOM_SIDES = worded([LEFT, RIGHT, ['bilateral', 'Bilateral']]);
export const CONSENT = worded([
  ['obtained', 'Obtained'],
  ['not_obtained', 'Not obtained'],
]);
export const ANTICOAGULATION = worded(
  [NONE, ['paused_per_protocol', 'Paused per protocol'], ['continued', 'Continued']],
  { vocabulary: 'anticoagulation', codes: ['none'] },
);
export const CONTRAST_ALLERGY = worded(
  [
    NONE,
    ['premedicated', 'Premedicated'],
    ['no_iodinated_contrast_used', 'No iodinated contrast'],
    ['prior_reaction_not_premedicated', 'Prior reaction, not premedicated'],
  ],
  { vocabulary: 'contrastAllergy', codes: ['none'] },
);
/** `yes` is stored for "excluded" (its code since schema 1); `not_excluded` and `positive` since schema 9. */
export const PREGNANCY_EXCLUDED = worded([
  YES,
  ['not_applicable', 'Not applicable'],
  ['not_excluded', 'Not excluded'],
  ['positive', 'Positive'],
]);
/** The anticoagulant or antiplatelet the patient takes, for the ASRA rule (schema 9). */
export const ANTICOAGULANT_CLASSES = worded([
  NONE,
  ['aspirin_alone', 'Aspirin alone'],
  ['other_antiplatelet', 'Other antiplatelet'],
  ['doac', 'DOAC'],
  ['warfarin', 'Warfarin'],
  ['heparin', 'Heparin'],
]);
export const SEDATIONS = worded([NONE, ['oral_anxiolytic', 'Oral anxiolytic'], ['iv', 'IV sedation']], {
  vocabulary: 'sedation',
  codes: ['none'],
});
/** Why a dose or time was above the department's reference level (asked instead of a tick). */
export const DOSE_EXCEEDANCE_REASONS = worded([
  ['patient_size', 'Patient size'],
  ['difficult_access', 'Difficult access'],
  ['repositioning', 'Repositioning'],
  ['training', 'Training'],
  OTHER,
]);
/**
 * Why an X-ray-guided case has no dose recorded (asked before it is signed without one). A
 * dose arriving later, typed or from the scanner's dose report, makes the reason moot: the
 * record then keeps the dose, not the reason (dose-record.ts).
 */
export const NO_DOSE_REASONS = worded([
  ['not_recorded_by_scanner', 'Not recorded by the scanner'],
  ['dose_report_pending', 'Dose report pending'],
  ['equipment_fault', 'Equipment fault'],
  OTHER,
]);
/** What was done after intravascular or intrathecal spread. */
export const ABNORMAL_SPREAD_ACTIONS = worded([
  ['repositioned_clean_retest', 'Repositioned, clean retest'],
  ['digital_subtraction', 'Digital subtraction'],
  ['switched_to_non_particulate', 'Switched to non-particulate'],
  ['aborted', 'Aborted'],
]);
/** The Society of Interventional Radiology's adverse-event grades: A–B minor, C–F major. */
export const SIR_GRADES = worded([
  ['A', 'A'],
  ['B', 'B'],
  ['C', 'C'],
  ['D', 'D'],
  ['E', 'E'],
  ['F', 'F'],
]);
export const YES_NO = worded([YES, ['no', 'No']]);
export const POSITIONS = worded([['prone', 'Prone'], ['lateral', 'Lateral'], OTHER]);

export const ROOTS = worded([['L1', 'L1'], ['L2', 'L2'], ['L3', 'L3'], ['L4', 'L4'], ['L5', 'L5'], S1]);
export const SIDES = worded([LEFT, RIGHT]);
export const FORAMINA = worded([
  ['L1/L2', 'L1/L2'],
  ['L2/L3', 'L2/L3'],
  ['L3/L4', 'L3/L4'],
  ['L4/L5', 'L4/L5'],
  ['L5/S1', 'L5/S1'],
  S1,
]);
export const APPROACHES = worded([
  ['transforaminal', 'Transforaminal'],
  ['periradicular_extraforaminal', 'Periradicular (extraforaminal)'],
  ['preganglionic', 'Preganglionic'],
  ['retrodiscal', 'Retrodiscal'],
]);
export const NEEDLE_GAUGES = [20, 22, 25, 27] as const;
/** Where the needle tip lay (schema 16): extraforaminal tips have fewer intravascular hits. */
export const NEEDLE_TIP_POSITIONS = worded([
  ['extraforaminal', 'Extraforaminal'],
  ['foraminal', 'Foraminal'],
  ['recessal', 'Recessal'],
]);

export const MODALITIES = worded([
  ['ct', 'CT'],
  ['ct_fluoroscopy', 'CT fluoroscopy'],
  ['fluoroscopy', 'Fluoroscopy'],
  ['ct_and_fluoroscopy', 'CT and fluoroscopy'],
]);

export const CONTRAST_AGENTS = worded([
  ['iohexol_240', 'Iohexol 240'],
  ['iohexol_300', 'Iohexol 300'],
  ['iopamidol_200', 'Iopamidol 200'],
  ['iopamidol_300', 'Iopamidol 300'],
  ['gadolinium_based', 'Gadolinium-based'],
  NONE,
]);
export const SPREAD_PATTERNS = worded([
  ['perineural', 'Perineural'],
  ['epidural', 'Epidural'],
  ['intraforaminal', 'Intraforaminal'],
  ['intravascular_venous', 'Intravascular (venous)'],
  ['intravascular_arterial', 'Intravascular (arterial)'],
  ['intrathecal', 'Intrathecal'],
  ['intradiscal', 'Intradiscal'],
  ['soft_tissue_only', 'Soft tissue only'],
  ['not_assessed', 'Not assessed'],
]);
/** Spread patterns that are safety events in their own right. */
export const UNSAFE_SPREAD: readonly SpreadPattern[] = [
  'intravascular_venous',
  'intravascular_arterial',
  'intrathecal',
];
export const PROVOKED_PAIN = worded([NONE, ['concordant', 'Concordant'], ['non_concordant', 'Non-concordant']], {
  vocabulary: 'provokedPain',
  codes: ['none'],
});

export const DRUG_CLASSES = worded([['steroid', 'Steroid'], ['local_anaesthetic', 'Local anaesthetic'], OTHER]);
/** How a drug's dose is entered: mg directly, concentration × volume, or volume only (saline). */
export const DOSINGS = ['mg', 'concentration', 'volume'] as const;
/** How a dexamethasone dose is stated: as the phosphate (most ampoules) or as the base (4 mg phosphate ≈ 3.3 mg base). */
export const DOSE_SALTS = worded([
  ['phosphate', 'Phosphate'],
  ['base', 'Base'],
]);

export const FOLLOW_UP_METHODS = worded([PHONE, VISIT]);

/** How a follow-up entry was obtained (the episode's follow-ups, schema 7). */
export const FOLLOW_UP_CONTACTS = worded([PHONE, VISIT, ['questionnaire', 'Questionnaire']]);
/** The patient's global impression of change (PGIC, seven points). */
export const GLOBAL_IMPRESSIONS = worded([
  ['very_much_improved', 'Very much improved'],
  ['much_improved', 'Much improved'],
  ['minimally_improved', 'Minimally improved'],
  ['no_change', 'No change'],
  ['minimally_worse', 'Minimally worse'],
  ['much_worse', 'Much worse'],
  ['very_much_worse', 'Very much worse'],
]);
export const FURTHER_TREATMENTS = worded(
  [
    NONE,
    ['repeat_injection', 'Repeat injection'],
    ['physiotherapy', 'Physiotherapy'],
    ['surgical_referral', 'Surgical referral'],
    OTHER,
  ],
  { vocabulary: 'furtherTreatment', codes: ['none'] },
);

export const COMPLICATIONS = worded(
  [
    NONE,
    ['vasovagal', 'Vasovagal'],
    ['transient_motor_block', 'Transient motor block'],
    ['intravascular_injection', 'Intravascular injection'],
    ['dural_puncture', 'Dural puncture'],
    ['post_dural_puncture_headache', 'Post-dural-puncture headache'],
    ['hematoma', 'Hematoma'],
    ['contrast_reaction', 'Contrast reaction'],
    ['infection', 'Infection'],
    ['new_neurological_deficit', 'New neurological deficit'],
    OTHER,
  ],
  { vocabulary: 'complication', codes: ['none'] },
);
export const SEVERITIES = worded([
  ['minor', 'Minor'],
  ['major', 'Major'],
]);
export const DISPOSITIONS = worded([
  ['home_not_driving', 'Home (not driving)'],
  ['observation', 'Observation'],
  ['admitted', 'Admitted'],
]);

export const STATUSES = worded([
  ['draft', 'Draft'],
  ['signed', 'Signed'],
  ['amended', 'Amended'],
]);

/**
 * Where the patient's identity came from (schema 17): typed at the console, taken from the
 * DICOM worklist, or taken from it and then changed by hand.
 */
export const IDENTITY_SOURCES = worded([
  TYPED,
  ['worklist', 'From the worklist'],
  ['worklist_then_changed', 'From the worklist, changed by hand'],
]);
/** Where the dose figures came from (schema 17): typed, the scanner's dose report (RDSR), or that report changed by hand. */
export const DOSE_SOURCES = worded([
  TYPED,
  ['dose_report', 'From the scanner’s dose report'],
  ['dose_report_then_changed', 'From the scanner’s dose report, changed by hand'],
]);

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
