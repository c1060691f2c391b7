import { COMPLICATION_FIELDS } from './fields/complication-fields.js';
import { DRUG_FIELDS } from './fields/drug-fields.js';
import type { Field } from './fields/field.js';
import { FOLLOW_UP_ENTRY_FIELDS } from './fields/follow-up-entry-fields.js';
import { PROCEDURE_FIELDS } from './fields/procedure-fields.js';
import { TARGET_FIELDS } from './fields/target-fields.js';
import { declareMessages, type Message } from './messages.js';
import { inEnglish, sentence, type Words, type WordValue } from './words.js';

/** Names of what is not a field of a record: the options of an export, an import, a page, an amendment. */
const OTHER = 'The name of an option or a setting inside a refusal: "Export format is required".';
const OTHER_LABELS = declareMessages('label', {
  format: ['Export format', OTHER],
  out: ['Output file', OTHER],
  in: ['Import file', OTHER],
  from: ['From date', OTHER],
  to: ['To date', OTHER],
  operatorIds: ['Operators', OTHER],
  includeDrafts: ['Include drafts', OTHER],
  pseudonymize: ['Pseudonymise', OTHER],
  datePrecision: ['Date precision', OTHER],
  force: ['Replace existing files', OTHER],
  european: ['European CSV', OTHER],
  detailFiles: ['Detail files', OTHER],
  reason: ['Reason for the amendment', OTHER],
  cursor: ['Page cursor', OTHER],
  limit: ['Page size', OTHER],
  name: ['Name', `${OTHER} An operator's or a drug's name (Settings).`],
  usualDoseMg: ['Usual dose', OTHER],
  maxDoseMg: ['Maximum dose', OTHER],
  defaultConcentrationMgPerMl: ['Default concentration', OTHER],
  usualConcentrationMinMgPerMl: ['Lowest usual concentration', OTHER],
  usualConcentrationMaxMgPerMl: ['Highest usual concentration', OTHER],
  patientIdRule: ['Patient ID rule', OTHER],
  pattern: ['Pattern', OTHER],
  case: ['Letter case', OTHER],
  example: ['Example', OTHER],
  address: ['Address', OTHER],
  phone: ['Phone number', OTHER],
  locale: ['Dates and numbers', OTHER],
  folder: ['Backup folder', OTHER],
  timeOfDay: ['Time of day', OTHER],
  keep: ['Backups to keep', OTHER],
  pin: ['PIN', OTHER],
  newPin: ['New PIN', OTHER],
  oldPin: ['Current PIN', OTHER],
  badge: ['Badge', OTHER],
  pseudonymKey: ['Pseudonymisation key', OTHER],
  defaultOperatorId: ['Default operator', OTHER],
  consoleName: ['Console name', OTHER],
  signature: ['Signature', `${OTHER} Also a record's history: who signed a version and what it meant.`],
});

/** A field of one item of a list, inside a refusal: "Side (target 2)". */
export const PART_LABEL_MESSAGES = declareMessages('label', {
  ofTarget: [
    '{label} (target {number})',
    'A field of the n-th target inside a refusal: "Side (target 2) is required to sign".',
  ],
  ofDrug: [
    '{label} (drug {number})',
    'A field of the n-th drug given inside a refusal: "Site (drug 1) is required to sign".',
  ],
  ofFollowUp: ['{label} (follow-up {number})', 'A field of the n-th follow-up inside a refusal.'],
  ofComplication: [
    '{label} (complication {number})',
    'A field of the n-th complication inside a refusal: "Severity (complication 1) is required to sign".',
  ],
});
export const OTHER_LABEL_MESSAGES: Readonly<Record<string, Message>> = OTHER_LABELS;

const labelsOf = (fields: readonly Field[]): Record<string, Message> =>
  Object.fromEntries(fields.filter((field) => field.role === 'content').map((field) => [field.key, field.label]));

/**
 * Field names as a clinician reads them: used in every error and warning message and in the
 * exports' data dictionary; each is its field's declared label (fields/*-fields.ts). Keys are
 * the record's field names; nested fields use the name of the leaf (targets[1].side → "side"),
 * the procedure's own fields first where two parts use the same name.
 */
const LABEL_MESSAGES: Record<string, Message> = [
  labelsOf(PROCEDURE_FIELDS),
  labelsOf(TARGET_FIELDS),
  labelsOf(DRUG_FIELDS),
  labelsOf(COMPLICATION_FIELDS),
  OTHER_LABELS,
  labelsOf(FOLLOW_UP_ENTRY_FIELDS),
].reduceRight<Record<string, Message>>((labels, earlier) => Object.assign(labels, earlier), {});

export const FIELD_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LABEL_MESSAGES).map(([key, label]) => [key, label.message]),
);

const PART_OF = {
  targets: PART_LABEL_MESSAGES.ofTarget,
  drugs: PART_LABEL_MESSAGES.ofDrug,
  followUps: PART_LABEL_MESSAGES.ofFollowUp,
  complications: PART_LABEL_MESSAGES.ofComplication,
} as const;

/**
 * A field's label as words the reader's language says: `targets[1].side` → "Side (target 2)";
 * an unknown field is its name.
 */
export function fieldLabelWords(field: string): WordValue {
  const parts = field.split('.');
  const leaf = parts[parts.length - 1]?.replace(/\[\d+\]$/, '') ?? field;
  const known = LABEL_MESSAGES[leaf];
  const label: WordValue = known ? sentence(known) : leaf;
  const list = /^(targets|drugs|followUps|complications)\[(\d+)\]/.exec(field);
  if (!list || parts.length === 1) return label;
  return sentence(PART_OF[list[1] as keyof typeof PART_OF], { label, number: Number(list[2]) + 1 });
}

/** `targets[1].side` → "Side (target 2)"; unknown fields fall back to their name. */
export function fieldLabel(field: string): string {
  const said = fieldLabelWords(field);
  return typeof said === 'string' ? said : inEnglish(said as Words);
}

/** Zod-style path → the record's field name: ['targets', 0, 'side'] → 'targets[0].side'. */
export function pathToField(path: readonly PropertyKey[]): string {
  let field = '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  return field;
}
