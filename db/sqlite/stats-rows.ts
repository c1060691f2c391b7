import { DOSE_QUANTITIES, type DoseQuantity, type Modality } from '../model/index.js';
import type { ReadConnection } from './connection.js';
import { REPORTED_PROCEDURES, type TermKind } from './facts.js';

/*
 * The statistics' reads (db/stats): the packed dashboard facts of a filter, the recorded doses,
 * the plans signed most often, the dashboard's terms. Each over a filter's WHERE clause
 * (procedure-filter.ts, alias p) where it takes one, answered by the narrow index it names.
 */

const COLUMN_OF: Record<DoseQuantity, string> = {
  dlpMGyCm: 'dlp_mgy_cm',
  ctdiVolMGy: 'ctdi_vol_mgy',
  dapGyCm2: 'dap_gy_cm2',
  fluoroTimeS: 'fluoro_time_s',
};

/** The signed procedures' doses for a filter's WHERE clause (alias p), from the index alone. */
export const doseQuery = (where: string) =>
  `SELECT p.modality, p.caudal_epidural, length(p.root_sides) - length(replace(p.root_sides, ',', '')) + (p.root_sides <> ''),
          p.operator_id, ${DOSE_QUANTITIES.map((quantity) => `p.${COLUMN_OF[quantity]}`).join(', ')}
     FROM procedures p INDEXED BY procedures_doses
    WHERE p.status IN ('signed', 'amended') AND p.modality IS NOT NULL AND ${where}`;

/** Each signed procedure's modality, caudal (1/0), number of targets, operator and doses in DOSE_QUANTITIES' order. */
export const doseRows = (read: ReadConnection, where: string, params: Record<string, unknown>) =>
  read.db.prepare(doseQuery(where)).raw().iterate(params) as IterableIterator<
    [Modality, number, number, string | null, ...(number | null)[]]
  >;

/**
 * Each procedure's facts are stored as base64 text of a whole number of 3-byte groups (no
 * padding), so SQLite's group_concat joins them into one base64 text that decodes to all
 * the records in a row; the rowids come beside them in the same order (one aggregate step
 * per row feeds both). Both come back as bytes (CAST AS BLOB): no 10 MB text is made a
 * JavaScript string from UTF-8, and the rowids are read digit by digit.
 */
export const factsQuery = (where: string) =>
  `SELECT count(*), group_concat(p.dashboard_facts, ''), CAST(group_concat(p.rowid, ',') AS BLOB)
     FROM procedures p INDEXED BY procedures_stats
    WHERE p.${REPORTED_PROCEDURES} AND ${where}`;

/** The number of reported procedures a filter selects, their facts joined (base64) and their rowids ("12,7,1003" as bytes). */
export const factsOfFilter = (read: ReadConnection, where: string, params: Record<string, unknown>) =>
  read.db.prepare(factsQuery(where)).raw().get(params) as [number, string | null, Buffer | null];

/** A plan as signed procedures carry it (the denormalised columns), with how many were signed with it. */
export interface PlanRow {
  root_sides: string;
  modality: string;
  caudal_epidural: number;
  caudal_drugs_text: string;
  /** Each target's drugs text, joined by '|' in the targets' order. */
  target_drugs: string | null;
  procedures: number;
}

/** The 50 plans signed most often since `from` (a local date), most often first. */
export function plansSignedSince(read: ReadConnection, from: string): PlanRow[] {
  return read.db
    .prepare(
      `SELECT p.root_sides, p.modality, p.caudal_epidural, p.caudal_drugs_text,
              (SELECT group_concat(t.drugs_text, '|') FROM (SELECT drugs_text FROM targets WHERE procedure_id = p.id ORDER BY ordinal) t) AS target_drugs,
              count(*) AS procedures
         FROM procedures p
        WHERE p.status IN ('signed', 'amended') AND p.performed_date >= ? AND p.modality IS NOT NULL AND p.root_sides <> ''
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY procedures DESC
        LIMIT 50`,
    )
    .all(from) as PlanRow[];
}

/** The dashboard's terms from id `first` on, by id (the table is append-only: ids keep their meaning). */
export const dashboardTermsFrom = (read: ReadConnection, first: number): [number, TermKind, string][] =>
  read.prepare('SELECT id, kind, term FROM dashboard_terms WHERE id >= ? ORDER BY id').raw().all(first) as [
    number,
    TermKind,
    string,
  ][];
