import type { Message } from './messages.js';
import * as VOCABULARIES from './vocabularies.js';
import { isWorded, type VocabularyCode, type Worded } from './vocabularies.js';

/*
 * The words for every stored code, in one place: the form, the signed summary, the report,
 * the FHIR texts and the presets read them from here. Codes stay codes everywhere else
 * (storage, exports). The type check fails when a vocabulary gains a code without words.
 * A vocabulary declared with its words (`worded` in vocabularies.ts) is gathered from there;
 * the others' words are listed below until they move beside their codes.
 */
const LISTED = {
  disc_herniation: 'Disc herniation',
  disc_protrusion: 'Disc protrusion',
  facet_arthropathy: 'Facet arthropathy',
  central_canal_stenosis: 'Central canal stenosis',
  foraminal_stenosis: 'Foraminal stenosis',
  postoperative: 'Postoperative',
  other: 'Other',
  left: 'Left',
  right: 'Right',
  bilateral: 'Bilateral',
  obtained: 'Obtained',
  not_obtained: 'Not obtained',
  none: 'None',
  paused_per_protocol: 'Paused per protocol',
  continued: 'Continued',
  premedicated: 'Premedicated',
  no_iodinated_contrast_used: 'No iodinated contrast',
  yes: 'Yes',
  no: 'No',
  not_applicable: 'Not applicable',
  prone: 'Prone',
  lateral: 'Lateral',
  transforaminal: 'Transforaminal',
  periradicular_extraforaminal: 'Periradicular (extraforaminal)',
  preganglionic: 'Preganglionic',
  ct: 'CT',
  ct_fluoroscopy: 'CT fluoroscopy',
  fluoroscopy: 'Fluoroscopy',
  ct_and_fluoroscopy: 'CT and fluoroscopy',
  iohexol_240: 'Iohexol 240',
  iohexol_300: 'Iohexol 300',
  iopamidol_200: 'Iopamidol 200',
  iopamidol_300: 'Iopamidol 300',
  gadolinium_based: 'Gadolinium-based',
  perineural: 'Perineural',
  epidural: 'Epidural',
  intraforaminal: 'Intraforaminal',
  intravascular_venous: 'Intravascular (venous)',
  intravascular_arterial: 'Intravascular (arterial)',
  intrathecal: 'Intrathecal',
  intradiscal: 'Intradiscal',
  soft_tissue_only: 'Soft tissue only',
  not_assessed: 'Not assessed',
  concordant: 'Concordant',
  non_concordant: 'Non-concordant',
  vasovagal: 'Vasovagal',
  transient_motor_block: 'Transient motor block',
  intravascular_injection: 'Intravascular injection',
  dural_puncture: 'Dural puncture',
  post_dural_puncture_headache: 'Post-dural-puncture headache',
  hematoma: 'Hematoma',
  contrast_reaction: 'Contrast reaction',
  infection: 'Infection',
  new_neurological_deficit: 'New neurological deficit',
  very_much_improved: 'Very much improved',
  much_improved: 'Much improved',
  minimally_improved: 'Minimally improved',
  no_change: 'No change',
  minimally_worse: 'Minimally worse',
  much_worse: 'Much worse',
  very_much_worse: 'Very much worse',
  questionnaire: 'Questionnaire',
  repeat_injection: 'Repeat injection',
  physiotherapy: 'Physiotherapy',
  surgical_referral: 'Surgical referral',
  minor: 'Minor',
  major: 'Major',
  home_not_driving: 'Home (not driving)',
  observation: 'Observation',
  admitted: 'Admitted',
  de: 'German',
  fr: 'French',
  it: 'Italian',
  en: 'English',
  female: 'Female',
  male: 'Male',
  unknown: 'Unknown',
  draft: 'Draft',
  signed: 'Signed',
  amended: 'Amended',
  phone: 'Phone',
  steroid: 'Steroid',
  local_anaesthetic: 'Local anaesthetic',
  visit: 'Visit',
  prior_reaction_not_premedicated: 'Prior reaction, not premedicated',
  not_excluded: 'Not excluded',
  positive: 'Positive',
  retrodiscal: 'Retrodiscal',
  aspirin_alone: 'Aspirin alone',
  other_antiplatelet: 'Other antiplatelet',
  doac: 'DOAC',
  warfarin: 'Warfarin',
  heparin: 'Heparin',
  oral_anxiolytic: 'Oral anxiolytic',
  iv: 'IV sedation',
  patient_size: 'Patient size',
  difficult_access: 'Difficult access',
  repositioning: 'Repositioning',
  training: 'Training',
  not_recorded_by_scanner: 'Not recorded by the scanner',
  dose_report_pending: 'Dose report pending',
  equipment_fault: 'Equipment fault',
  repositioned_clean_retest: 'Repositioned, clean retest',
  digital_subtraction: 'Digital subtraction',
  switched_to_non_particulate: 'Switched to non-particulate',
  aborted: 'Aborted',
  phosphate: 'Phosphate',
  base: 'Base',
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  E: 'E',
  F: 'F',
  L1: 'L1',
  L2: 'L2',
  L3: 'L3',
  L4: 'L4',
  L5: 'L5',
  S1: 'S1',
  'L1/L2': 'L1/L2',
  'L2/L3': 'L2/L3',
  'L3/L4': 'L3/L4',
  'L4/L5': 'L4/L5',
  'L5/S1': 'L5/S1',
  typed: 'Typed at the console',
  worklist: 'From the worklist',
  worklist_then_changed: 'From the worklist, changed by hand',
  dose_report: 'From the scanner’s dose report',
  dose_report_then_changed: 'From the scanner’s dose report, changed by hand',
} as const satisfies Record<string, string>;

type Vocabularies = typeof VOCABULARIES;
/** The codes of the vocabularies declared with their words. */
type DeclaredCode = {
  [Name in keyof Vocabularies]: Vocabularies[Name] extends Worded<infer Code> ? Code : never;
}[keyof Vocabularies];

/**
 * The words of every vocabulary declared with them, and the listed ones: a code is worded
 * once (two declarations of one code's words would part; refused when the model loads).
 */
export function gatherWords(
  listed: Readonly<Record<string, string>>,
  declarations: readonly unknown[],
): Record<string, string> {
  const gathered: Record<string, string> = { ...listed };
  for (const declaration of declarations) {
    if (!isWorded(declaration)) continue;
    for (const [code, said] of Object.entries(declaration.words)) {
      if (code in gathered && gathered[code] !== said)
        throw new Error(`the code ${code} is worded twice ("${gathered[code]}", "${said}"): word it once`);
      gathered[code] = said;
    }
  }
  return gathered;
}

const WORDS = gatherWords(LISTED, Object.values(VOCABULARIES)) as Record<keyof typeof LISTED | DeclaredCode, string>;

// Every code of every vocabulary has its words (a compile-time check, nothing at run time).
const _everyCodeWorded: Record<Exclude<VocabularyCode, number>, string> = WORDS;
void _everyCodeWorded;

/** The words of a stored code, as a label shows them ("CT and fluoroscopy"); '' for none. */
export const words = (code: string | null | undefined): string =>
  code ? ((WORDS as Record<string, string>)[code] ?? code) : '';

/** The words inside a sentence: lower case, but an acronym stays one ("CT fluoroscopy", "fluoroscopy"). */
export function inSentence(code: string | null | undefined): string {
  const said = words(code);
  return /^[A-Z]{2}/.test(said) ? said : said.charAt(0).toLowerCase() + said.slice(1);
}

/** A stored code's words as a message to translate: id `code.<code>`, the English from WORDS. */
export const codeMessage = (code: string): Message => ({
  id: `code.${code}`,
  message: (WORDS as Record<string, string>)[code] ?? code,
  comment: 'A stored code as the form, the sheets, the report and the exports’ labels show it.',
});

/** Every code's words, for the catalogues (db/i18n/source-messages.ts). */
export const CODE_MESSAGES: readonly Message[] = Object.keys(WORDS).map(codeMessage);
