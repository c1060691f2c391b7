import { COMPLICATION_FIELDS } from './fields/complication-fields.js';
import { DRUG_FIELDS } from './fields/drug-fields.js';
import type { Field } from './fields/field.js';
import { FOLLOW_UP_ENTRY_FIELDS } from './fields/follow-up-entry-fields.js';
import { PROCEDURE_FIELDS } from './fields/procedure-fields.js';
import { TARGET_FIELDS } from './fields/target-fields.js';

/** Names of what is not a field of a record: the options of an export, an import, a page, an amendment. */
const OTHER_LABELS: Record<string, string> = {
  format: 'Export format',
  out: 'Output file',
  in: 'Import file',
  from: 'From date',
  to: 'To date',
  operatorIds: 'Operators',
  includeDrafts: 'Include drafts',
  pseudonymize: 'Pseudonymise',
  datePrecision: 'Date precision',
  force: 'Replace existing files',
  european: 'European CSV',
  detailFiles: 'Detail files',
  reason: 'Reason for the amendment',
  cursor: 'Page cursor',
  limit: 'Page size',
  usualDoseMg: 'Usual dose',
  maxDoseMg: 'Maximum dose',
  defaultConcentrationMgPerMl: 'Default concentration',
  usualConcentrationMinMgPerMl: 'Lowest usual concentration',
  usualConcentrationMaxMgPerMl: 'Highest usual concentration',
  patientIdRule: 'Patient ID rule',
  pattern: 'Pattern',
  case: 'Letter case',
  example: 'Example',
  address: 'Address',
  phone: 'Phone number',
  locale: 'Dates and numbers',
  folder: 'Backup folder',
  timeOfDay: 'Time of day',
  keep: 'Backups to keep',
};

const labelsOf = (fields: readonly Field[]): Record<string, string> =>
  Object.fromEntries(
    fields.filter((field) => field.role === 'content').map((field) => [field.key, field.label.message]),
  );

/**
 * Field names as a clinician reads them: used in every error and warning message and in the
 * exports' data dictionary; each is its field's declared label (fields/*-fields.ts). Keys are
 * the record's field names; nested fields use the name of the leaf (targets[1].side → "side"),
 * the procedure's own fields first where two parts use the same name.
 */
export const FIELD_LABELS: Record<string, string> = [
  labelsOf(PROCEDURE_FIELDS),
  labelsOf(TARGET_FIELDS),
  labelsOf(DRUG_FIELDS),
  labelsOf(COMPLICATION_FIELDS),
  OTHER_LABELS,
  labelsOf(FOLLOW_UP_ENTRY_FIELDS),
].reduceRight<Record<string, string>>((labels, earlier) => Object.assign(labels, earlier), {});

/** `targets[1].side` → "Side (target 2)"; unknown fields fall back to their name. */
export function fieldLabel(field: string): string {
  const parts = field.split('.');
  const leaf = parts[parts.length - 1]?.replace(/\[\d+\]$/, '') ?? field;
  const label = FIELD_LABELS[leaf] ?? leaf;
  const list = /^(targets|drugs|followUps|complications)\[(\d+)\]/.exec(field);
  if (!list || parts.length === 1) return label;
  const noun = { targets: 'target', drugs: 'drug', followUps: 'follow-up', complications: 'complication' }[
    list[1] as 'targets' | 'drugs' | 'followUps' | 'complications'
  ];
  return `${label} (${noun} ${Number(list[2]) + 1})`;
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
