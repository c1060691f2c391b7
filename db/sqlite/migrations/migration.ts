import type { WritableDb } from '../connection.js';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction, with the version bump. */
  up: (db: WritableDb) => void;
}

/** A column a migration adds, so that tests can take it away again (db/testing/back-in-time.ts). */
export interface AddedColumn {
  table: string;
  column: string;
}

/** A migration that adds columns and nothing else (a new field), with the columns it adds. */
export interface AddingMigration extends Migration {
  adds: readonly AddedColumn[];
}

/**
 * A migration that only adds columns (a new field): its frozen SQL, `ALTER TABLE … ADD COLUMN …`
 * statements only, run as written; the columns it adds are read from that SQL, so its undo for
 * the tests of older schemas is derived rather than written again. What `up` does must never
 * change (it runs the literal the migration shipped with).
 */
export function addingColumns(version: number, name: string, sql: string): AddingMigration {
  const statements = sql
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
  const adds = statements.map((statement) => {
    const match = /^ALTER TABLE (\w+) ADD COLUMN (\w+)\b/i.exec(statement);
    if (!match) throw new Error(`migration ${version} (${name}) may only add columns: "${statement.slice(0, 60)}"`);
    return { table: match[1] as string, column: match[2] as string };
  });
  return { version, name, up: (db) => db.exec(sql), adds };
}
