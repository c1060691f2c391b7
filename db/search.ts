import {
  type ProcedurePage,
  type ProcedureSummary,
  RootLogError,
  pageRequestSchema,
  problem,
  problemsFromZod,
  procedureFilterSchema,
} from './model/index.js';
import type { Store } from './store.js';

/** Escapes LIKE's wildcards so a search for "10%" finds "10%" and not everything. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

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

/** Builds the WHERE clause shared by the list, the exports and the dashboard. */
export function filterClause(input: unknown): { where: string; params: Record<string, unknown> } {
  const parsed = procedureFilterSchema.safeParse(input ?? {});
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  const filter = parsed.data;
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (column: string, name: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const names = values.map((value, index) => {
      params[`${name}${index}`] = value;
      return `@${name}${index}`;
    });
    conditions.push(`${column} IN (${names.join(', ')})`);
  };
  if (filter.from) {
    conditions.push('p.performed_date >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    conditions.push('p.performed_date <= @to');
    params.to = filter.to;
  }
  inList('p.operator_id', 'operator', filter.operatorIds);
  inList('p.modality', 'modality', filter.modalities);
  inList('p.status', 'status', filter.statuses);
  if (filter.roots?.length || filter.sides?.length) {
    const targetConditions = ['t.procedure_id = p.id'];
    const before = conditions.length;
    inList('t.root', 'root', filter.roots);
    inList('t.side', 'side', filter.sides);
    targetConditions.push(...conditions.splice(before));
    conditions.push(`EXISTS (SELECT 1 FROM targets t WHERE ${targetConditions.join(' AND ')})`);
  }
  if (filter.text) {
    params.textPrefix = `${likeLiteral(filter.text)}%`;
    params.textAnywhere = `%${likeLiteral(filter.text)}%`;
    conditions.push(
      `(p.patient_id LIKE @textPrefix ESCAPE '\\' OR p.accession_number LIKE @textPrefix ESCAPE '\\' OR p.patient_name LIKE @textAnywhere ESCAPE '\\')`,
    );
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params };
}

/**
 * One page of procedures, newest first. Keyset pagination on (performed time, id): a page
 * costs the same at the start and deep into 100 000 records, and rows saved meanwhile do
 * not shift or repeat what the reader sees.
 */
export function listProcedures(store: Store, filterInput: unknown, pageInput: unknown = {}): ProcedurePage {
  const page = pageRequestSchema.safeParse(pageInput ?? {});
  if (!page.success) throw RootLogError.invalid(problemsFromZod(page.error));
  const { where, params } = filterClause(filterInput);
  const conditions = [where];
  if (page.data.cursor) {
    const cursor = decodeCursor(page.data.cursor);
    conditions.push('(p.performed_at_utc, p.id) < (@cursorAt, @cursorId)');
    params.cursorAt = cursor.at;
    params.cursorId = cursor.id;
  }
  const rows = store
    .prepare(
      `SELECT p.id, p.status, p.version, p.performed_at, p.performed_at_utc, p.patient_id, p.patient_name, p.accession_number,
              p.operator_id, o.name AS operator_name, p.modality, p.caudal_epidural, p.pain_pre, p.pain_post,
              p.warning_codes, p.console_name,
              (SELECT group_concat(coalesce(t.root, '?') || ' ' || coalesce(t.side, '?'), ', ')
                 FROM (SELECT root, side FROM targets WHERE procedure_id = p.id ORDER BY ordinal) t) AS targets
         FROM procedures p
         LEFT JOIN operators o ON o.id = p.operator_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.performed_at_utc DESC, p.id DESC
        LIMIT @limit`,
    )
    .all({ ...params, limit: page.data.limit + 1 }) as Record<string, unknown>[];
  const more = rows.length > page.data.limit;
  const pageRows = more ? rows.slice(0, page.data.limit) : rows;
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
    targets: (row.targets as string | null) ?? '',
    caudalEpidural: row.caudal_epidural === 1,
    painPre: (row.pain_pre as number | null) ?? null,
    painPost: (row.pain_post as number | null) ?? null,
    warningCodes: row.warning_codes ? String(row.warning_codes).split(',') : [],
    consoleName: row.console_name as string,
  }));
  const last = pageRows[pageRows.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor({ at: last.performed_at_utc as string, id: last.id as string }) : null,
  };
}
