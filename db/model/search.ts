import { z } from 'zod';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { MODALITIES, ROOTS, SIDES, STATUSES } from './vocabularies.js';
import { rule } from './zod-words.js';

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).optional();

/** Filters of the procedure list, the exports and the dashboard: all optional, all combined with AND. */
export const procedureFilterSchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    operatorIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    roots: list(ROOTS),
    sides: list(SIDES),
    modalities: list(MODALITIES),
    statuses: list(STATUSES),
    /** Consoles the records were logged at (a merged database holds several). */
    consoleNames: z.array(z.string().min(1).max(64)).max(50).optional(),
    /**
     * Matches the start of the patient ID or accession number, or any part of the patient's
     * name, accents and the German transliterations folded (foldName: "muller" and "mueller"
     * find "Müller", "Müller" finds "Mueller").
     */
    text: z
      .string()
      .trim()
      .max(64, rule(R.atMostCharacters, { count: 64 }))
      .optional(),
    /** One patient's records: the patient ID with case and spaces folded (patientKey), as the lookups read it. */
    patient: z
      .string()
      .trim()
      .min(1)
      .max(64, rule(R.atMostCharacters, { count: 64 }))
      .optional(),
  })
  .strict()
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    ...rule(R.notAfterItEnds),
    path: ['from'],
  });

export type ProcedureFilter = z.input<typeof procedureFilterSchema>;

/** How many rows a page holds, said the same whichever bound is broken. */
const pageSize = rule(R.fromTo, { min: 1, max: 500 });

export const pageRequestSchema = z
  .object({
    limit: z.number().int().min(1, pageSize).max(500, pageSize).default(50),
    cursor: z.string().max(200).nullish(),
  })
  .strict();
export type PageRequest = z.input<typeof pageRequestSchema>;

/** One row of the procedure list. */
export interface ProcedureSummary {
  id: string;
  status: (typeof STATUSES)[number];
  version: number;
  performedAt: string | null;
  patientId: string | null;
  patientName: string | null;
  accessionNumber: string | null;
  operatorId: string | null;
  operatorName: string | null;
  modality: (typeof MODALITIES)[number] | null;
  /** "L5 left, S1 left" */
  targets: string;
  caudalEpidural: boolean;
  painPre: number | null;
  painPost: number | null;
  warningCodes: string[];
  consoleName: string;
  /** Where the latest signed version's report is on its way to the RIS (null: none was queued). */
  risState: 'waiting' | 'sent' | 'refused' | 'unsendable' | null;
}

export interface ProcedurePage {
  items: ProcedureSummary[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * A name as the search reads it: lower case, ß as ss, every accent dropped, and the German
 * transliterations ae, oe, ue read as the letter they spell out (ä, ö, ü → a, o, u). Applied
 * alike to the stored name (the folded column the record's writer keeps) and to what is
 * typed, so "Müller", "Mueller", "muller" and "MUELLER" all read "muller". Reading ue as u
 * also folds names such as "Manuel" (manul) — on both sides, so they still find themselves.
 */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([aou])e/g, '$1');
}
