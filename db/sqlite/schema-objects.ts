import type Database from 'better-sqlite3';

/*
 * What a file's schema holds, as SQLite keeps it (sqlite_schema, pragma_table_info): what
 * `check` compares with the schema the frozen migrations make (ledger/expected-triggers.ts) and
 * keys a record's rows by (ledger/derived.ts).
 */

/** Every trigger of the file, with its definition as written. */
export const triggerDefinitions = (db: Database.Database): { name: string; sql: string }[] =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];

/** Every table, index and view of the file with its definition: SQLite's own tables (sqlite_sequence, the statistics of ANALYZE) and automatic indexes aside. */
export const schemaDefinitions = (db: Database.Database): { type: string; name: string; sql: string }[] =>
  db
    .prepare(
      "SELECT type, name, sql FROM sqlite_schema WHERE type <> 'trigger' AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )
    .all() as { type: string; name: string; sql: string }[];

/** A table's primary key columns, in the key's order (none for a table without one). */
export const primaryKeyColumns = (db: Database.Database, table: string): string[] =>
  db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[];
