import type { z } from 'zod';
import {
  type ProcedurePage,
  type ProcedureSummary,
  pageRequestSchema,
  problem,
  problemsFromZod,
  procedureFilterSchema,
  RootLogError,
} from './model/index.js';
import { type ProcedureFilterValues, procedureFilterSql } from './sqlite/procedure-filter.js';
import type { Store } from './store.js';

interface Cursor {
  at: string;
  id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // fall through to the error below
  }
  throw RootLogError.invalid([problem('cursor', 'is not a page cursor from this list')]);
}

/**
 * One page of procedures, newest first. Keyset pagination on (performed time, id): a page
 * costs the same at the start and deep into 100 000 records, and rows saved meanwhile do
 * not shift or repeat what the reader sees.
 */
export function listProcedures(store: Store, filterInput: unknown, pageInput: unknown = {}): ProcedurePage {
  const filter = procedureFilterSchema.safeParse(filterInput ?? {});
  if (!filter.success) throw RootLogError.invalid(problemsFromZod(filter.error));
  const page = pageRequestSchema.safeParse(pageInput ?? {});
  if (!page.success) throw RootLogError.invalid(problemsFromZod(page.error));
  return listCheckedProcedures(store, filter.data, page.data);
}

/** listProcedures for a filter and page already parsed at the boundary (the API contract). */
export function listCheckedProcedures(
  store: Store,
  filter: ProcedureFilterValues,
  page: z.output<typeof pageRequestSchema>,
): ProcedurePage {
  const { where, params, textMatch } = procedureFilterSql(filter);
  const conditions = [where];
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    conditions.push('(p.performed_at_utc, p.id) < (@cursorAt, @cursorId)');
    params.cursorAt = cursor.at;
    params.cursorId = cursor.id;
  }
  // With a text search the few matching rows drive the query (CROSS JOIN fixes the order);
  // otherwise the list index is walked newest first and stops after one page.
  const from = textMatch
    ? `(SELECT rowid AS hit FROM procedure_text WHERE procedure_text MATCH @textMatch) hits
         CROSS JOIN procedures p ON p.rowid = hits.hit`
    : 'procedures p';
  if (textMatch) params.textMatch = textMatch;
  const rows = store.reader
    .prepare(
      `SELECT p.id, p.status, p.version, p.performed_at, p.performed_at_utc, p.patient_id, p.patient_name, p.accession_number,
              p.operator_id, o.name AS operator_name, p.modality, p.caudal_epidural, p.pain_pre, p.pain_post,
              p.warning_codes, p.console_name, p.root_sides,
              (SELECT r.state FROM ris_outbox r WHERE r.procedure_id = p.id ORDER BY r.version DESC LIMIT 1) AS ris_state
         FROM ${from}
         LEFT JOIN operators o ON o.id = p.operator_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.performed_at_utc DESC, p.id DESC
        LIMIT @limit`,
    )
    .all({ ...params, limit: page.limit + 1 }) as Record<string, unknown>[];
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const items: ProcedureSummary[] = pageRows.map((row) => ({
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
  }));
  const last = pageRows[pageRows.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor({ at: last.performed_at_utc as string, id: last.id as string }) : null,
  };
}
