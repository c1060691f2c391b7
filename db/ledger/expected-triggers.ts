import Database from 'better-sqlite3';
import { asWritable } from '../sqlite/connection.js';
import { MIGRATIONS } from '../sqlite/migrations/index.js';
import { nativeBinding } from '../sqlite/native-binding.js';
import { schemaDefinitions, triggerDefinitions } from '../sqlite/schema-objects.js';

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
      expected = new Map(triggerDefinitions(db).map((row) => [row.name, normalisedSql(row.sql)]));
    } finally {
      db.close();
    }
  }
  return expected;
}

/** What differs between the file's triggers and RootLog's: missing, altered or foreign ones. */
export function triggerProblems(db: Database.Database): string[] {
  const present = new Map(triggerDefinitions(db).map((row) => [row.name, normalisedSql(row.sql)]));
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

let expectedObjects: Map<string, string> | undefined;

/** Every table, index and view a logbook of this schema has, with its definition (as for the triggers). */
function expectedSchema(): ReadonlyMap<string, string> {
  if (!expectedObjects) {
    const db = new Database(':memory:', { nativeBinding: nativeBinding() });
    try {
      for (const migration of MIGRATIONS) migration.up(asWritable(db));
      expectedObjects = new Map(schemaObjects(db));
    } finally {
      db.close();
    }
  }
  return expectedObjects;
}

/** SQLite's own tables (sqlite_sequence, the statistics of ANALYZE) and automatic indexes aside. */
const schemaObjects = (db: Database.Database) =>
  schemaDefinitions(db).map((row): [string, string] => [`${row.type} ${row.name}`, normalisedSql(row.sql)]);

/**
 * What differs between the file's tables, indexes and views and RootLog's: a CHECK widened
 * through writable_schema, a column added, an index dropped (a rule the data no longer obeys).
 */
export function schemaProblems(db: Database.Database): string[] {
  const present = new Map(schemaObjects(db));
  const problems: string[] = [];
  for (const [name, sql] of expectedSchema()) {
    const found = present.get(name);
    if (found === undefined) problems.push(`${name} is missing`);
    else if (found !== sql) problems.push(`${name} is not as RootLog defines it`);
  }
  for (const name of present.keys()) if (!expectedSchema().has(name)) problems.push(`${name} is not one of RootLog's`);
  return problems;
}
