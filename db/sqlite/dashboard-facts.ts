import { sameOnReads } from '../model/reads.js';
import type { ReadableDb, WritableDb } from './connection.js';
import {
  encodeFactsText,
  FACT_SOURCE_COLUMNS,
  type FactDrug,
  type FactInput,
  type FactSource,
  type FrozenCatalogue,
  steroidKindOf,
  TERM_KINDS,
  TERM_READS,
  type TermKind,
  termIdsOfFacts,
  termsOf,
} from './facts.js';

type TermIds = (kind: TermKind, term: string | undefined) => number | undefined;

function factsWith(input: FactInput, termId: TermIds, frozen: FrozenCatalogue): string | undefined {
  const terms = termsOf(input);
  const ids: Partial<Record<TermKind, number>> = {};
  for (const kind of TERM_KINDS) {
    const id = termId(kind, terms[kind]);
    if (id === undefined) return undefined;
    ids[kind] = id;
  }
  return encodeFactsText(input, ids as Record<TermKind, number>, steroidKindOf(input.drugs, frozen));
}

/**
 * The catalogue as it was at schema 6, which records signed before it are read with. The
 * table can never change (triggers), so it is read once per connection.
 */
const frozenCatalogues = new WeakMap<object, FrozenCatalogue>();

function frozenCatalogue(db: ReadableDb): FrozenCatalogue {
  let frozen = frozenCatalogues.get(db);
  if (!frozen) {
    const rows = db.prepare('SELECT code, drug_class, particulate FROM drug_catalogue_at_schema_6').raw().all() as [
      string,
      string,
      number,
    ][];
    frozen = new Map(
      rows.map(([code, drugClass, particulate]) => [code, { drugClass, particulate: particulate === 1 }]),
    );
    frozenCatalogues.set(db, frozen);
  }
  return frozen;
}

/**
 * Makes a procedure row's dashboard facts (see facts.ts), adding any term it names
 * for the first time. Used by the one writer (procedure-rows.ts) and by tests that rebuild
 * the facts of records as an older console left them.
 */
export function dashboardFactsWriter(db: WritableDb): (input: FactInput, before?: FactsBefore) => string {
  const selectTerm = db.prepare('SELECT id FROM dashboard_terms WHERE kind = ? AND term = ?').pluck();
  const insertTerm = db.prepare('INSERT INTO dashboard_terms (kind, term) VALUES (?, ?)');
  // Looked up each time rather than remembered: a term added in a transaction that then
  // rolls back is gone again, and a remembered id would point at nothing (or at another term).
  const termId = (kind: TermKind, term: string | undefined): number => {
    if (term === undefined) return 0;
    const id = selectTerm.get(kind, term) as number | undefined;
    return id ?? Number(insertTerm.run(kind, term).lastInsertRowid);
  };
  return (input, before) => {
    // The terms of the row as stored before are kept when their texts are the same: terms
    // never change, and the ids stored in that row point at them.
    const kept = before && sameTerms(input, before.source) ? termIdsOfFacts(before.facts) : undefined;
    if (!kept) return factsWith(input, termId, frozenCatalogue(db)) as string;
    return encodeFactsText(input, kept, steroidKindOf(input.drugs, frozenCatalogue(db)));
  };
}

/** The facts a row had, with the columns they were made from. */
export interface FactsBefore {
  source: FactSource;
  facts: string;
}

function sameTerms(input: FactSource, before: FactSource): boolean {
  // None of the columns they are made from changed: the same terms, without making them twice.
  if (sameOnReads(TERM_READS, before, input)) return true;
  const now = termsOf(input);
  const then = termsOf(before);
  return TERM_KINDS.every((kind) => now[kind] === then[kind]);
}

/** The dashboard facts a row's columns give, with the terms as stored (undefined: a term is missing). */
export function dashboardFactsReader(db: ReadableDb): (input: FactInput) => string | undefined {
  const selectTerm = db.prepare('SELECT id FROM dashboard_terms WHERE kind = ? AND term = ?').pluck();
  const termId = (kind: TermKind, term: string | undefined): number | undefined =>
    term === undefined ? 0 : (selectTerm.get(kind, term) as number | undefined);
  const frozen = frozenCatalogue(db);
  return (source) => factsWith(source, termId, frozen);
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

export type ProcedureFactsRow = FactInput & { rowid: number; id: string; dashboard_facts: string | null };

/**
 * Every procedure's fact columns and drugs (as its drug rows hold them), a few thousand rows
 * at a time (in rowid order), so that 100 000 records never sit in memory at once. `visit`
 * may write to the rows it was given.
 */
export function forEachProcedureBatch(db: ReadableDb, visit: (rows: ProcedureFactsRow[]) => void): void {
  const batch = db.prepare(
    `SELECT rowid, id, dashboard_facts, ${FACT_SOURCE_COLUMNS.join(', ')},
       (SELECT json_group_array(json_array(d.drug_code, d.signed_class, d.signed_particulate))
          FROM drug_administrations d WHERE d.procedure_id = procedures.id) AS drugs
     FROM procedures WHERE rowid > ? ORDER BY rowid LIMIT 2000`,
  );
  let after = 0;
  for (;;) {
    const rows = (batch.all(after) as (Omit<ProcedureFactsRow, 'drugs'> & { drugs: string })[]).map(
      (row): ProcedureFactsRow => ({
        ...row,
        drugs: (JSON.parse(row.drugs) as [string, string | null, number | null][]).map(
          ([code, signedClass, signedParticulate]): FactDrug => ({ code, signedClass, signedParticulate }),
        ),
      }),
    );
    if (rows.length === 0) return;
    visit(rows);
    after = (rows[rows.length - 1] as ProcedureFactsRow).rowid;
  }
}
