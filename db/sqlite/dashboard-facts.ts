import type { ReadableDb, WritableDb } from './connection.js';
import { encodeFactsText, FACT_SOURCE_COLUMNS, type FactSource, TERM_KINDS, type TermKind, termsOf } from './facts.js';

type TermIds = (kind: TermKind, term: string | undefined) => number | undefined;

function factsWith(source: FactSource, termId: TermIds): string | undefined {
  const terms = termsOf(source);
  const ids: Partial<Record<TermKind, number>> = {};
  for (const kind of TERM_KINDS) {
    const id = termId(kind, terms[kind]);
    if (id === undefined) return undefined;
    ids[kind] = id;
  }
  return encodeFactsText(source, ids as Record<TermKind, number>);
}

/**
 * Makes a procedure row's dashboard facts (see facts.ts), adding any term it names
 * for the first time. Used by the one writer (procedure-rows.ts) and by the migration that
 * filled the facts in for records written before they existed.
 */
export function dashboardFactsWriter(db: WritableDb): (source: FactSource) => string {
  const selectTerm = db.prepare('SELECT id FROM dashboard_terms WHERE kind = ? AND term = ?').pluck();
  const insertTerm = db.prepare('INSERT INTO dashboard_terms (kind, term) VALUES (?, ?)');
  // Looked up each time rather than remembered: a term added in a transaction that then
  // rolls back is gone again, and a remembered id would point at nothing (or at another term).
  const termId = (kind: TermKind, term: string | undefined): number => {
    if (term === undefined) return 0;
    const id = selectTerm.get(kind, term) as number | undefined;
    return id ?? Number(insertTerm.run(kind, term).lastInsertRowid);
  };
  return (source) => factsWith(source, termId) as string;
}

/** The dashboard facts a row's columns give, with the terms as stored (undefined: a term is missing). */
export function dashboardFactsReader(db: ReadableDb): (source: FactSource) => string | undefined {
  const selectTerm = db.prepare('SELECT id FROM dashboard_terms WHERE kind = ? AND term = ?').pluck();
  const termId = (kind: TermKind, term: string | undefined): number | undefined =>
    term === undefined ? 0 : (selectTerm.get(kind, term) as number | undefined);
  return (source) => factsWith(source, termId);
}

/**
 * Ids of procedures whose stored dashboard facts are not what their own columns give (none
 * in a sound file): the check command's proof that the dashboard reports what was recorded.
 * Reads only, in batches, so it runs on a read-only connection and in bounded memory.
 */
export function proceduresWithWrongFacts(db: ReadableDb): string[] {
  const facts = dashboardFactsReader(db);
  const wrong: string[] = [];
  forEachProcedureBatch(db, (rows) => {
    for (const row of rows) {
      const expected = facts(row);
      if (expected === undefined || expected !== row.dashboard_facts) wrong.push(row.id);
    }
  });
  return wrong;
}

export type ProcedureFactsRow = FactSource & { rowid: number; id: string; dashboard_facts: string | null };

/**
 * Every procedure's fact columns, a few thousand rows at a time (in rowid order), so that
 * 100 000 records never sit in memory at once. `visit` may write to the rows it was given.
 */
export function forEachProcedureBatch(db: ReadableDb, visit: (rows: ProcedureFactsRow[]) => void): void {
  const batch = db.prepare(
    `SELECT rowid, id, dashboard_facts, ${FACT_SOURCE_COLUMNS.join(', ')} FROM procedures WHERE rowid > ? ORDER BY rowid LIMIT 2000`,
  );
  let after = 0;
  for (;;) {
    const rows = batch.all(after) as ProcedureFactsRow[];
    if (rows.length === 0) return;
    visit(rows);
    after = (rows[rows.length - 1] as ProcedureFactsRow).rowid;
  }
}
