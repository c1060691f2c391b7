import {
  type ProcedurePage,
  type ProcedureSummary,
  pageRequestSchema,
  problem,
  problemsFromZod,
  procedureFilterSchema,
  RootLogError,
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

export interface FilterClause {
  where: string;
  params: Record<string, unknown>;
  /** An FTS5 query narrowing the candidates when the text filter is long enough for trigrams. */
  textMatch: string | null;
}

const HOUR = 3600_000;

/**
 * Builds the WHERE clause shared by the list, the exports and the dashboard (table alias
 * `p`). Conditions are written so the narrow list index can answer them: the local date
 * range also bounds the UTC sort key (offsets run from −12 h to +14 h), and root/side use
 * the denormalised `root_sides` column.
 */
export function filterClause(
  input: unknown,
  /** Also bound performed_at_utc, for queries answered by an index sorted on it (the list's). */
  { utcBounds = true }: { utcBounds?: boolean } = {},
): FilterClause {
  const parsed = procedureFilterSchema.safeParse(input ?? {});
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  const filter = parsed.data;
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const names = (name: string, values: readonly string[]) =>
    values.map((value, index) => {
      params[`${name}${index}`] = value;
      return `@${name}${index}`;
    });
  const inList = (column: string, name: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) conditions.push(`${column} IN (${names(name, values).join(', ')})`);
  };
  if (filter.from) {
    conditions.push('p.performed_date >= @from');
    params.from = filter.from;
    if (utcBounds) {
      conditions.push('p.performed_at_utc >= @fromUtc');
      params.fromUtc = new Date(Date.parse(`${filter.from}T00:00:00Z`) - 14 * HOUR).toISOString();
    }
  }
  if (filter.to) {
    conditions.push('p.performed_date <= @to');
    params.to = filter.to;
    if (utcBounds) {
      conditions.push('p.performed_at_utc < @toUtc');
      params.toUtc = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 36 * HOUR).toISOString();
    }
  }
  inList('p.operator_id', 'operator', filter.operatorIds);
  inList('p.modality', 'modality', filter.modalities);
  inList('p.status', 'status', filter.statuses);
  inList('p.console_name', 'console', filter.consoleNames);
  const roots = filter.roots ?? [];
  const sides = filter.sides ?? [];
  if (roots.length > 0 || sides.length > 0) {
    const tokens =
      roots.length > 0 && sides.length > 0
        ? roots.flatMap((root) => sides.map((side) => [`,${root} ${side},`, "',' || p.root_sides || ','"]))
        : roots.length > 0
          ? roots.map((root) => [`,${root} `, "',' || p.root_sides"])
          : sides.map((side) => [` ${side},`, "p.root_sides || ','"]);
    const tests = tokens.map(([token, haystack], index) => {
      params[`target${index}`] = token;
      return `instr(${haystack}, @target${index}) > 0`;
    });
    conditions.push(`(${tests.join(' OR ')})`);
  }
  let textMatch: string | null = null;
  if (filter.text) {
    params.textPrefix = `${likeLiteral(filter.text)}%`;
    params.textAnywhere = `%${likeLiteral(filter.text)}%`;
    conditions.push(
      `(p.patient_id LIKE @textPrefix ESCAPE '\\' OR p.accession_number LIKE @textPrefix ESCAPE '\\' OR p.patient_name LIKE @textAnywhere ESCAPE '\\')`,
    );
    // Trigrams need three characters; shorter searches scan, and prefixes that short match early.
    if ([...filter.text].length >= 3) textMatch = `"${filter.text.replaceAll('"', '""')}"`;
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params, textMatch };
}

/**
 * One page of procedures, newest first. Keyset pagination on (performed time, id): a page
 * costs the same at the start and deep into 100 000 records, and rows saved meanwhile do
 * not shift or repeat what the reader sees.
 */
export function listProcedures(store: Store, filterInput: unknown, pageInput: unknown = {}): ProcedurePage {
  const page = pageRequestSchema.safeParse(pageInput ?? {});
  if (!page.success) throw RootLogError.invalid(problemsFromZod(page.error));
  const { where, params, textMatch } = filterClause(filterInput);
  const conditions = [where];
  if (page.data.cursor) {
    const cursor = decodeCursor(page.data.cursor);
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
              p.warning_codes, p.console_name, p.root_sides
         FROM ${from}
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
    targets: String(row.root_sides).replaceAll(',', ', '),
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
