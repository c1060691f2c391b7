import { declareMessages, type Speaking } from '../messages.js';
import { codeInSentence } from '../vocabulary-words.js';

/*
 * The signed summary's own words (db/model/fields/summary.ts and the fields' summary writers):
 * its section titles, the labels of lines that tell more than their field, and the words around
 * the values. A field's label is its declaration's (field.<part>.<key>), a code's its words
 * (code.<code>). The stored record is codes: these are only how it is read.
 */

const S = 'The signed summary (the signed record on screen and on the printed record)';
export const SUMMARY_SECTION_MESSAGES = declareMessages('summary.section', {
  patient: ['Patient and procedure', `${S}: a section heading.`],
  safety: ['Indication and safety', `${S}: a section heading (indication, consent, anticoagulation, time-out…).`],
  targets: ['Targets', `${S}: a section heading (the nerve roots treated).`],
  guidance: ['Guidance and contrast', `${S}: a section heading (modality, dose, contrast agent).`],
  drugs: ['Drugs', `${S}: a section heading (the drugs given).`],
  outcome: ['Outcome', `${S}: a section heading (pain before and after, complications, disposition).`],
});

const L = `${S}: a line's label`;
export const SUMMARY_LABEL_MESSAGES = declareMessages('summary.label', {
  performed: ['Performed', `${L}, the date and time of the procedure.`],
  patient: ['Patient', `${L}, the patient's name and ID.`],
  born: ['Born', `${L}, the birth date and age.`],
  accession: ['Accession', `${L}, the RIS accession number.`],
  time: ['Time', `${L}, the table time (start–end).`],
  symptoms: ['Symptoms', `${L}, the side of the symptoms.`],
  pregnancy: ['Pregnancy', `${L}: whether pregnancy was excluded.`],
  weight: ['Weight', `${L}, the patient's weight.`],
  timeOut: ['Time-out', `${L}, the safety time-out before the needle (level verified, side marked).`],
  target: ['Target', `${L}: the noun before a target's number ("Target 1").`],
  modality: ['Modality', `${L}, the image guidance (CT, fluoroscopy).`],
  ctdiVol: ['CTDIvol', `${L}, the CT dose index (an acronym, usually kept).`],
  dlp: ['DLP', `${L}, the CT dose-length product (an acronym, usually kept).`],
  fluoroscopyTime: ['Fluoroscopy time', `${L}.`],
  dap: ['DAP', `${L}, the fluoroscopy dose-area product (an acronym, usually kept).`],
  aboveReference: [
    'Above the reference level because',
    `${L}, before the reason a dose was above the reference level.`,
  ],
  contrast: ['Contrast', `${L}, the contrast agent and its volume.`],
  drug: ['Drug', `${L}: the noun before a drug's number ("Drug 1").`],
  pain: ['Pain (NRS)', `${L}, the pain score before and after (numeric rating scale).`],
  noDrugReason: ['No drug given because', `${L}, before the reason no drug was given.`],
  noDoseReason: ['No dose recorded because', `${L}, before the reason no dose was recorded.`],
  referredBy: ['Referred by', `${L}, the referring physician.`],
  language: ['Language', `${L}, the patient's language.`],
  identity: ['Identity', `${L}: where the patient's identity came from (typed, the worklist).`],
  dose: ['Dose', `${L}: where the dose figures came from (typed, the scanner's dose report).`],
  doseChangedReason: ['Dose changed by hand because', `${L}, before the reason a reported dose was changed.`],
});

const V = `${S}: words in a line's value`;
export const SUMMARY_VALUE_MESSAGES = declareMessages('summary.value', {
  part: ['{noun} {number}', `${S}: a target's or a drug's label, "Target 1"; {noun} is "Target" or "Drug".`],
  born: [
    '{date} ({age, plural, one {# year} other {# years}})',
    `${V}: the birth date and the age on the day of the procedure, "12.03.1958 (68 years)".`,
  ],
  pregnancyExcluded: ['Excluded', `${V}: pregnancy was excluded.`],
  levelVerified: ['level verified on images', `${V}: the time-out; the level was counted on the images.`],
  levelNotVerified: ['level NOT verified on images', `${V}: the time-out; keep the emphasis on NOT.`],
  sideMarked: ['side marked', `${V}: the time-out; the side was marked on the skin.`],
  sideNotMarked: ['side NOT marked', `${V}: the time-out; keep the emphasis on NOT.`],
  transitionalVertebra: ['transitional vertebra noted', `${V}: the time-out; a lumbosacral transitional vertebra.`],
  thenAction: ['then {action}', `${V}: what was done after an abnormal contrast spread; {action} is a code's words.`],
  pain: ['{before} before → {after} after', `${V}: pain scores (NRS 0–10) before and after the injection.`],
  painAfterMinutes: [
    '{before} before → {after} after ({minutes} min)',
    `${V}: pain scores, the second {minutes} minutes after the injection.`,
  ],
  orderedCode: ['code {code}', `${V}: the RIS's code of the ordered procedure.`],
  orderedCodeScheme: ['code {code} ({scheme})', `${V}: the RIS's code and its coding scheme.`],
  foramen: ['foramen {foramen}', `${V}: a target's foramen, "foramen L5/S1".`],
  repositionings: [
    '{count, plural, one {# repositioning} other {# repositionings}}',
    `${V}: how often the needle was repositioned at a target.`,
  ],
  spread: ['spread {patterns}', `${V}: a target's contrast spread, "spread perineural, epidural".`],
  provokedPain: ['provoked pain {pain}', `${V}: the pain the contrast injection provoked, "provoked pain concordant".`],
  injectionSlowed: ['injected more slowly', `${V}: the radiologist waited and injected more slowly.`],
  tip: ['tip {position}', `${V}: where the needle tip lay, "tip foraminal".`],
  atCaudal: ['at caudal epidural', `${V}: where a drug was given: the caudal epidural injection.`],
  atTarget: ['at {target}', `${V}: where a drug was given: a target, "at L5 left".`],
  lot: ['lot {lot}', `${V}: a drug's lot (batch) number.`],
});

/** A target in words, "L5 left" ("L5 links"); "?" for a root not chosen yet. */
export const targetInWords = (speaking: Speaking, root: string | null | undefined, side: string | null | undefined) =>
  `${root ?? '?'} ${codeInSentence(speaking, side)}`.trim();
