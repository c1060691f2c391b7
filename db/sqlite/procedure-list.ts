import type { ProcedureSummary } from '../model/index.js';
import type { ReadConnection } from './connection.js';
import type { procedureFilterSql } from './procedure-filter.js';

/*
 * The list's SQL: one page of procedures, newest first, by keyset on (performed time, id)
 * (db/search.ts parses the filter and the page cursor).
 */

export interface ListPageQuery {
  filter: ReturnType<typeof procedureFilterSql>;
  /** Where the page before ended: the rows after it, in the list's order. */
  after?: { at: string; id: string };
  limit: number;
}

/** The page's rows, one more than the limit when more follow, each with its performed time in UTC (the cursor). */
export function readListPage(
  read: ReadConnection,
  { filter, after, limit }: ListPageQuery,
): { summary: ProcedureSummary; performedAtUtc: string }[] {
  const { where, textMatch } = filter;
  const params: Record<string, unknown> = { ...filter.params, limit };
  const conditions = [where];
  if (after) {
    conditions.push('(p.performed_at_utc, p.id) < (@cursorAt, @cursorId)');
    params.cursorAt = after.at;
    params.cursorId = after.id;
  }
  // With a text search the few matching rows drive the query (CROSS JOIN fixes the order);
  // otherwise the list index is walked newest first and stops after one page.
  const from = textMatch
    ? `(SELECT rowid AS hit FROM procedure_text WHERE procedure_text MATCH @textMatch) hits
         CROSS JOIN procedures p ON p.rowid = hits.hit`
    : 'procedures p';
  if (textMatch) params.textMatch = textMatch;
  const rows = read
    .prepare(
      `SELECT p.id, p.status, p.version, p.performed_at, p.performed_at_utc, p.patient_id, p.patient_name, p.accession_number,
              p.operator_id, o.name AS operator_name, p.modality, p.caudal_epidural, p.pain_pre, p.pain_post,
              p.warning_codes, p.console_name, p.root_sides,
              -- Whether the newest signed version's report reached the RIS (db/ris), for the list's mark.
              (SELECT r.state FROM ris_outbox r WHERE r.procedure_id = p.id ORDER BY r.version DESC LIMIT 1) AS ris_state
         FROM ${from}
         LEFT JOIN operators o ON o.id = p.operator_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.performed_at_utc DESC, p.id DESC
        LIMIT @limit`,
    )
    .all(params) as Record<string, unknown>[];
  return rows.map((row) => ({
    performedAtUtc: row.performed_at_utc as string,
    summary: {
      id: row.id as string,
      status: row.status as ProcedureSummary['status'],
      version: row.version as number,
      performedAt: (row.performed_at as string | null) ?? null,
      patientId: (row.patient_id as string | null) ?? null,
      patientName: (row.patient_name as string | null) ?? null,
      accessionNumber: (row.accession_number as string | null) ?? null,
      operatorId: (row.operator_id as string | null) ?? null,
      operatorName: (row.operator_name as string | null) ?? null,
      modality: (row.modality as ProcedureSummary['modality']) ?? null,
      targets: String(row.root_sides).replaceAll(',', ', '),
      caudalEpidural: row.caudal_epidural === 1,
      painPre: (row.pain_pre as number | null) ?? null,
      painPost: (row.pain_post as number | null) ?? null,
      warningCodes: row.warning_codes ? String(row.warning_codes).split(',') : [],
      consoleName: row.console_name as string,
      risState: (row.ris_state as ProcedureSummary['risState']) ?? null,
    },
  }));
}

/** This console's most recently signed procedure ("same drugs as last time"), by id. */
export function lastSignedProcedureId(read: ReadConnection): string | undefined {
  return read
    .prepare("SELECT id FROM procedures WHERE status <> 'draft' ORDER BY signed_at DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
}
