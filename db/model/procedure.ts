import { z } from 'zod';
import type { SignatureMeaning } from './credentials.js';
import { COMPLICATION_FIELDS } from './fields/complication-fields.js';
import { DRUG_FIELDS, drugSiteSchema, signedDrugFactsSchema } from './fields/drug-fields.js';
import { contentShape } from './fields/fields.js';
import { PROCEDURE_FIELDS, procedureIdSchema } from './fields/procedure-fields.js';
import { TARGET_FIELDS } from './fields/target-fields.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { COMPLICATIONS, INDICATIONS, SPREAD_PATTERNS, type STATUSES, severityOfSirGrade } from './vocabularies.js';
import { rule } from './zod-words.js';

/*
 * The schema of one procedure as a draft: every field may be missing (null or absent),
 * but whatever is present must be of the right type and range. The rules for signing
 * (required and consistent fields) live in signing.ts and build on this schema.
 * Each field's rule is declared with the field (fields/*-fields.ts); this file puts them together.
 */

export { doseInMg } from './dose.js';
export { drugSiteSchema, procedureIdSchema, signedDrugFactsSchema };
export type SignedDrugFacts = z.output<typeof signedDrugFactsSchema>;

export const targetSchema = z.object(contentShape(TARGET_FIELDS)).strict();

export const drugAdministrationSchema = z.object(contentShape(DRUG_FIELDS)).strict();

export const complicationSchema = z.object(contentShape(COMPLICATION_FIELDS)).strict();

export const procedureDraftSchema = z
  .object(
    contentShape(PROCEDURE_FIELDS, {
      targets: z
        .array(targetSchema)
        .max(12, rule(R.atMostEntries, { count: 12 }))
        .default([]),
      drugs: z
        .array(drugAdministrationSchema)
        .max(20, rule(R.atMostEntries, { count: 20 }))
        .default([]),
      complications: z
        .array(complicationSchema)
        .max(COMPLICATIONS.length, rule(R.atMostEntries, { count: COMPLICATIONS.length }))
        .refine((list) => new Set(list.map((c) => c.type)).size === list.length, rule(R.complicationTwice))
        .default([]),
    }),
  )
  .strict();

/** What a caller sends: a draft's fields (arrays may be left out). */
export type ProcedureInput = z.input<typeof procedureDraftSchema>;
/** A parsed draft: arrays are always present, other fields may be null or absent. */
export type ProcedureDraft = z.output<typeof procedureDraftSchema>;
export type Target = z.output<typeof targetSchema>;
export type DrugAdministration = z.output<typeof drugAdministrationSchema>;
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
  /** The signer's printed name at signing (before schema 20: the signer as the console named them). */
  signedBy: string | null;
  signedAt: string | null;
  /** The operator who signed, proven by their PIN (schema 20 on; null for records signed before). */
  signedById?: string | null;
  /** What the signature means: performed_and_signed (null for records signed before schema 20). */
  signedMeaning?: SignatureMeaning | null;
  amendedBy: string | null;
  amendedAt: string | null;
  /** The operator who signed the latest amendment, proven by their PIN. */
  amendedById?: string | null;
  amendedMeaning?: SignatureMeaning | null;
  amendReason: string | null;
}

/** A stored procedure: its clinical content plus its life. */
export type ProcedureRecord = ProcedureDraft & RecordLife;

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

/** The life fields of a record (fields/procedure-fields.ts, role "life"): what clinicalContent leaves out. */
const LIFE_KEYS = new Set(PROCEDURE_FIELDS.filter((field) => field.role === 'life').map((field) => field.key));

/** The clinical content of a record: what a version snapshot, a diff and an export carry. */
export function clinicalContent(record: ProcedureRecord): ProcedureDraft {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!LIFE_KEYS.has(key)) content[key] = value;
  return content as ProcedureDraft;
}
