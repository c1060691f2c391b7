import type { z } from 'zod';
import {
  type ProcedurePage,
  pageRequestSchema,
  problem,
  problemsFromZod,
  procedureFilterSchema,
  REFUSAL_MESSAGES,
  RootLogError,
} from './model/index.js';
import { type ProcedureFilterValues, procedureFilterSql } from './sqlite/procedure-filter.js';
import { readListPage } from './sqlite/procedure-list.js';
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
  throw RootLogError.invalid([problem('cursor', REFUSAL_MESSAGES.notAPageCursor)]);
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
  const rows = readListPage(store.reader, {
    filter: procedureFilterSql(filter),
    after: page.cursor ? decodeCursor(page.cursor) : undefined,
    limit: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((row) => row.summary),
    nextCursor: more && last ? encodeCursor({ at: last.performedAtUtc, id: last.summary.id }) : null,
  };
}
