import { z } from 'zod';
import {
  EXPORT_OPTION_MESSAGES as E,
  LANGUAGES,
  type Message,
  RULE_MESSAGES as R,
  rule,
  ruleIssue,
  sentence,
} from '../model/index.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'fhir'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export holds and how it is written; every field checked before a file is touched. */
const exportFields = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    out: z
      .string(rule(E.filePath))
      .min(1, rule(E.filePath))
      .max(4096)
      .refine((path) => !path.includes('\0'), rule(E.filePath)),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    operatorIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    /** Signed (and amended) records only, unless drafts are asked for. */
    includeDrafts: z.boolean(rule(R.trueOrFalse)).default(false),
    /** Patient ID and accession as keyed hashes, names and free text dropped, age instead of birth date. */
    pseudonymize: z.boolean(rule(R.trueOrFalse)).default(false),
    /** Pseudonymised exports: dates to the day (default) or only the month (for sharing outside the department). */
    datePrecision: z.enum(['day', 'month'], rule(E.dayOrMonth)).optional(),
    /** CSV for spreadsheet programs in European locales: UTF-8 BOM, ";" between fields, decimal comma. */
    european: z.boolean(rule(R.trueOrFalse)).default(false),
    /** CSV: also write the per-drug, per-complication and per-follow-up files beside the main one. */
    detailFiles: z.boolean(rule(R.trueOrFalse)).default(false),
    /** The language of the dictionary's labels and of FHIR's texts (codes and headers never change); the department's when absent. */
    language: z.enum(LANGUAGES).optional(),
    /** Replace files that already exist (the person confirmed it); never the logbook itself. */
    force: z.boolean(rule(R.trueOrFalse)).default(false),
  })
  .strict();

/** The fields the rules between fields read: a full export's options and a window's request alike. */
interface Combination {
  format: ExportFormat;
  from?: string | undefined;
  to?: string | undefined;
  includeDrafts?: boolean | undefined;
  pseudonymize?: boolean | undefined;
  datePrecision?: string | undefined;
  european?: boolean | undefined;
  detailFiles?: boolean | undefined;
}

/** A rule between fields: when it holds, and what is said at which field when it does not. */
interface Rule {
  holds: (options: Combination) => boolean;
  field: keyof Combination;
  rule: Message;
}

const RULES: readonly Rule[] = [
  {
    holds: (options) => !options.from || !options.to || options.from <= options.to,
    field: 'from',
    rule: R.notAfterItEnds,
  },
  // A draft is not a record another system may act on: FHIR carries signed records only.
  {
    holds: (options) => !(options.format === 'fhir' && options.includeDrafts),
    field: 'includeDrafts',
    rule: E.fhirSignedOnly,
  },
  // Date precision says how coarse a pseudonymised file's dates are: asked of any other
  // export, it would be silently ignored.
  {
    holds: (options) => options.datePrecision === undefined || options.pseudonymize === true,
    field: 'datePrecision',
    rule: E.pseudonymisedOnly,
  },
  // The European variant and the detail files are ways of writing CSV: asked of another
  // format, they would be ignored.
  {
    holds: (options) => !options.european || options.format === 'csv',
    field: 'european',
    rule: E.europeanCsvOnly,
  },
  {
    holds: (options) => !options.detailFiles || options.format === 'csv',
    field: 'detailFiles',
    rule: E.detailFilesCsvOnly,
  },
];

/** Every rule between fields that the options break, each said at its field. */
function checkCombination(options: Combination, ctx: z.RefinementCtx): void {
  for (const rule of RULES)
    if (!rule.holds(options)) ctx.addIssue({ code: 'custom', ...ruleIssue(sentence(rule.rule)), path: [rule.field] });
}

/** Day unless month was asked for. */
export const withDatePrecision = <T extends { datePrecision?: 'day' | 'month' | undefined }>(options: T) => ({
  ...options,
  datePrecision: options.datePrecision ?? ('day' as const),
});

export const exportOptionsSchema = exportFields.superRefine(checkCombination).transform(withDatePrecision);

/**
 * What the app's window may ask of an export: everything but where it goes. The file is
 * chosen in the main process (the save dialog, which asks before replacing a file), never
 * taken from the renderer.
 */
export const exportRequestSchema = exportFields.omit({ out: true, force: true }).superRefine(checkCombination);

export type ExportOptions = z.output<typeof exportOptionsSchema>;
export type ExportRequest = z.input<typeof exportOptionsSchema>;

export interface ExportResult {
  format: ExportFormat;
  files: string[];
  procedures: number;
  rows: number;
  bytes: number;
  pseudonymized: boolean;
}

export interface ExportControl {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}
