import type { ProcedureDraft } from '../model/index.js';
import type { ReadableDb } from '../sqlite/connection.js';
import type { FactInput } from '../sqlite/facts.js';
import { stateText } from '../sqlite/hash-chain.js';
import { expectedRecordRows, type LifeColumns, RECORD_TABLES, type RecordRows } from '../sqlite/procedure-rows.js';
import { sortKeys } from '../sqlite/record-life.js';
import { primaryKeyColumns } from '../sqlite/schema-objects.js';

/*
 * A record's derived columns recomputed from its evidence: the rows the one writer
 * (sqlite/procedure-rows.ts) gives the content — of a signed record its latest signed version,
 * of a draft its own content columns — compared column by column, every column of every table
 * the record is made of, with the rows as stored. So the mg given, the denormalised texts, the
 * sort keys, the dashboard facts and the drug facts as signed can only say what the content
 * says; a derived column added later to the writer is compared as soon as it is written.
 */

type Row = Record<string, unknown>;

const LISTED = 3;

/** The primary key columns of each table of a record, as the schema declares them. */
function primaryKeys(db: ReadableDb): Record<string, string[]> {
  return Object.fromEntries(RECORD_TABLES.map((table) => [table, primaryKeyColumns(db, table)]));
}

/**
 * A function telling what differs between a record's stored rows and the rows its content
 * and life give ("drug_administrations.dose_given_mg differs"), or null when nothing does.
 */
export function derivedChecker(db: ReadableDb, facts: (input: FactInput) => string | undefined) {
  const keys = primaryKeys(db);
  return (content: ProcedureDraft, life: LifeColumns, stored: RecordRows): string | null => {
    const id = (stored.procedures[0]?.id as string | undefined) ?? content.id ?? '';
    const expected = expectedRecordRows(id, content, { ...life, ...sortKeys(content, life.createdAt) }, facts);
    const differing: string[] = [];
    for (const table of RECORD_TABLES) {
      // A table without a primary key (a list of terms) is keyed by the whole row.
      const columns = keys[table] ?? [];
      const keyOf = (row: Row) =>
        JSON.stringify(columns.length > 0 ? columns.map((column) => row[column] ?? null) : stateText(row));
      const storedByKey = new Map(stored[table].map((row) => [keyOf(row), row]));
      for (const want of expected[table]) {
        const key = keyOf(want);
        const have = storedByKey.get(key);
        storedByKey.delete(key);
        if (!have) {
          differing.push(`a row of ${table} is missing`);
          continue;
        }
        for (const column of new Set([...Object.keys(want), ...Object.keys(have)])) {
          if ((want[column] ?? null) !== (have[column] ?? null)) differing.push(`${table}.${column}`);
        }
      }
      if (storedByKey.size > 0) differing.push(`${table} has ${storedByKey.size} row(s) its content does not give`);
    }
    if (differing.length === 0) return null;
    const unique = [...new Set(differing)];
    return `${unique.slice(0, LISTED).join(', ')}${unique.length > LISTED ? ` and ${unique.length - LISTED} more` : ''} differ${unique.length === 1 ? 's' : ''}`;
  };
}
