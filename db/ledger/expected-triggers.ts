import Database from 'better-sqlite3';
import { asWritable } from '../sqlite/connection.js';
import { MIGRATIONS } from '../sqlite/migrations/index.js';
import { nativeBinding } from '../sqlite/native-binding.js';

/** Whitespace aside, so a trigger written with other line breaks still compares equal. */
export const normalisedSql = (sql: string) => sql.replace(/\s+/g, ' ').trim();

let expected: Map<string, string> | undefined;

/**
 * Every trigger a logbook of this schema must have, with its definition: taken from an
 * in-memory file made by the frozen migrations, so it is exactly what a real file holds and
 * needs no second list to keep up to date.
 */
export function expectedTriggers(): ReadonlyMap<string, string> {
  if (!expected) {
    const db = new Database(':memory:', { nativeBinding: nativeBinding() });
    try {
      for (const migration of MIGRATIONS) migration.up(asWritable(db));
      const rows = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as {
        name: string;
        sql: string;
      }[];
      expected = new Map(rows.map((row) => [row.name, normalisedSql(row.sql)]));
    } finally {
      db.close();
    }
  }
  return expected;
}

/** What differs between the file's triggers and RootLog's: missing, altered or foreign ones. */
export function triggerProblems(db: Database.Database): string[] {
  const present = new Map(
    (
      db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[]
    ).map((row) => [row.name, normalisedSql(row.sql)]),
  );
  const problems: string[] = [];
  for (const [name, sql] of expectedTriggers()) {
    const found = present.get(name);
    if (found === undefined) problems.push(`trigger ${name} is missing: what it protects can be changed unnoticed`);
    else if (found !== sql) problems.push(`trigger ${name} is not as RootLog defines it`);
  }
  for (const name of present.keys())
    if (!expectedTriggers().has(name)) problems.push(`trigger ${name} is not one of RootLog's`);
  return problems;
}
