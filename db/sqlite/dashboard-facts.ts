import { encodeFacts, type FactSource, TERM_KINDS, type TermKind, termsOf } from '../stats/facts.js';
import type { SqliteDatabase } from './open.js';

/**
 * Makes a procedure row's dashboard facts (see stats/facts.ts), adding any term it names
 * for the first time. Used by the one writer (procedure-rows.ts) and by the migration that
 * filled the facts in for records written before they existed.
 */
export function dashboardFactsWriter(db: SqliteDatabase): (source: FactSource) => Buffer {
  const selectTerm = db.prepare('SELECT id FROM dashboard_terms WHERE kind = ? AND term = ?').pluck();
  const insertTerm = db.prepare('INSERT INTO dashboard_terms (kind, term) VALUES (?, ?)');
  // Looked up each time rather than remembered: a term added in a transaction that then
  // rolls back is gone again, and a remembered id would point at nothing (or at another term).
  const termId = (kind: TermKind, term: string | undefined): number => {
    if (term === undefined) return 0;
    const id = selectTerm.get(kind, term) as number | undefined;
    return id ?? Number(insertTerm.run(kind, term).lastInsertRowid);
  };
  return (source) => {
    const terms = termsOf(source);
    const ids = Object.fromEntries(TERM_KINDS.map((kind) => [kind, termId(kind, terms[kind])])) as Record<
      TermKind,
      number
    >;
    return encodeFacts(source, ids);
  };
}
