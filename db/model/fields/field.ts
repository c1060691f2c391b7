import type { z } from 'zod';
import type { Message, Speaking } from '../messages.js';
import type { ValueKind, ValueType } from './kinds.js';

/*
 * One field of a procedure or of one of its parts, declared once: everything the logbook
 * does with it is read from here (the draft's schema, the form's and the messages' label, the
 * storage column, the export column and its dictionary entry, what a pseudonymised export
 * does with it, whether "same as last" and presets copy it, and how people read it).
 * Pure data and pure functions: the renderer imports this too.
 */

/** Who may see a value: identifying and free-text values never leave in a pseudonymised export. */
export type PrivacyClass = 'identifying' | 'free_text' | 'clinical';

/** The parts a record is made of; each has a table of its own. */
export type PartName = 'procedure' | 'target' | 'drug' | 'complication' | 'followUpEntry' | 'doseEvent';

/**
 * content: clinical content, in the draft's schema and the signed versions;
 * life: who made, signed and amended the record (RecordLife), written by the record-life writer;
 * derived: computed for an export or a list only, never entered.
 */
export type FieldRole = 'content' | 'life' | 'derived';

/** What a pseudonymised export gives instead of an identifying value. */
export interface Pseudonymised {
  /** A keyed hash of the value (HMAC with the department key), or the age in years for a birth date. */
  as: 'patient' | 'accession' | 'record' | 'age';
  header: string;
  /** Its key in a pseudonymised JSON record. */
  key: string;
  label: string;
  type: ValueType;
  unit?: string;
  description: string;
}

export interface ExportColumn {
  header: string;
  description: string;
  /** The dictionary's label when it is not the field's. */
  label?: string;
  /**
   * The stored column the export reads when the field has none of its own (a list's
   * denormalised text); a value from another table is joined by the export's query instead.
   */
  column?: string;
  /** Export type when it differs from the value's (e.g. a 0/1 column read as yes/no). */
  type?: ValueType;
  /** The dictionary's allowed values when they differ from the field's. */
  values?: readonly (string | number)[];
  /**
   * The cell from the stored value when it is not the value itself (a 0-based ordinal shown
   * from 1), or from other columns of the row, by their headers (a value computed for export).
   */
  read?: (value: unknown, row: (header: string) => unknown) => string | number | null;
}

/**
 * What a signed summary needs besides the record: the reader's translator and language (the
 * signing screen: the operator's; the record sheet: the department's), names the record only
 * refers to, and how dates and numbers are written.
 */
export interface WritingContext extends Speaking {
  /** The reader's locale (localeFor): 12.03.1958 and 148.5 in de-CH. */
  locale: string;
  drugName: (code: string, signedName?: string | null) => string;
  operatorName: (id: string) => string;
  targetName: (index: number) => string;
}

export type SummarySectionId = 'patient' | 'safety' | 'targets' | 'guidance' | 'drugs' | 'outcome';

export interface SummaryLine {
  label: string;
  value: string;
}

export interface SummaryFacet {
  /** The summary's section (procedure fields; a part's fields make up their part's line). */
  section?: SummarySectionId;
  /** The line's label when it is not the field's (a line that tells several fields at once): summary-words.ts. */
  label?: Message;
  /** Written even when the value is missing (a line that tells several fields, any of which may be given). */
  always?: boolean;
  /** How the value is written; null leaves the line (or the piece of a part's line) out. */
  // biome-ignore lint/suspicious/noExplicitAny: each field's writer takes its own value type
  write?: (value: any, part: any, context: WritingContext) => string | null | undefined;
  /** A list written as lines of its own (one per target, one per drug). */
  // biome-ignore lint/suspicious/noExplicitAny: each field's writer takes its own value type
  lines?: (value: any, part: any, context: WritingContext) => SummaryLine[];
}

/**
 * How "same as last" (Alt+L) treats the field: copy it from the last procedure, fill it only
 * where the new one is empty, start it empty, or compute it from the last value.
 */
export type PlanCopy = 'copy' | 'fill' | 'clear' | { from: (last: unknown) => unknown };

export interface Field {
  part: PartName;
  key: string;
  role: FieldRole;
  type: ValueType;
  /** content fields: the value's rule (null/absent allowed unless the schema says otherwise). */
  schema?: z.ZodType;
  values?: readonly (string | number)[];
  range?: readonly [number, number];
  maxLength?: number;
  label: Message;
  unit?: string;
  /** The storage column in the part's table; a list field has none (it has a table of its own). */
  column?: string;
  /** Its column in the CSV/XLSX tables; none: not exported as a column. */
  export?: ExportColumn;
  privacy: PrivacyClass;
  pseudonymised?: Pseudonymised;
  plan?: PlanCopy;
  /** Which section of the signed summary tells it (parts: their line); false: never shown there. */
  summary?: false | SummaryFacet;
  /** For the dictionary and the docs: what the value means when the label is not enough. */
  note?: string;
  /**
   * FHIR: a part's code given as an extension of its element (a target's on its Procedure.bodySite),
   * under RootLog's StructureDefinition and CodeSystem named after the field (fhir.ts).
   */
  fhirExtension?: boolean;
}

/** What a part declares of each field; the rest is derived from its key. */
export type FieldSpec = ValueKind &
  Partial<
    Pick<Field, 'role' | 'unit' | 'privacy' | 'pseudonymised' | 'plan' | 'summary' | 'note' | 'fhirExtension'>
  > & {
    key: string;
    label: string;
    /** The storage column; `false` when there is none (a list with its own table, a derived value). */
    column?: string | false;
    export?: (Omit<ExportColumn, 'header'> & { header?: string }) | false;
    /** The label's message id when the default (field.<part>.<key>) is not wanted. */
    labelId?: string;
  };

/** The message id of an exported field's description in the data dictionary: `description.<part>.<key>`. */
export const fieldDescriptionId = (field: Pick<Field, 'part' | 'key'>) => `description.${field.part}.${field.key}`;

export const snakeCase = (key: string) => key.replace(/[A-Z]+/g, (match) => `_${match.toLowerCase()}`);

/** A part's declared fields; the type keeps each spec, so the schema derived from them keeps each field's type. */
export type Fields<S extends readonly FieldSpec[] = readonly FieldSpec[]> = readonly Field[] & { readonly specs?: S };

/** A part's fields, in the order the exports list them: ids and columns derived from the keys. */
export function declareFields<const S extends readonly FieldSpec[]>(part: PartName, specs: S): Fields<S> {
  const seen = new Set<string>();
  return specs.map((spec) => {
    if (seen.has(spec.key)) throw new Error(`${part}.${spec.key} is declared twice`);
    seen.add(spec.key);
    const column = spec.column === false ? undefined : (spec.column ?? snakeCase(spec.key));
    const exported = spec.export === false ? undefined : spec.export;
    const field: Field = {
      part,
      key: spec.key,
      role: spec.role ?? 'content',
      type: spec.type,
      schema: spec.schema,
      values: spec.values,
      range: spec.range,
      maxLength: spec.maxLength,
      label: { id: spec.labelId ?? `field.${part}.${spec.key}`, message: spec.label },
      unit: spec.unit,
      column,
      export: exported ? { ...exported, header: exported.header ?? column ?? snakeCase(spec.key) } : undefined,
      privacy: spec.privacy ?? 'clinical',
      pseudonymised: spec.pseudonymised,
      plan: spec.plan,
      summary: spec.summary,
      note: spec.note,
      fhirExtension: spec.fhirExtension,
    };
    return field;
  });
}
