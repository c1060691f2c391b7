import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { undoAdded } from '../../testing/back-in-time.js';
import { asWritable } from '../connection.js';
import { addingColumns } from './migration.js';

describe('a migration that only adds columns', () => {
  const sql = `
ALTER TABLE targets ADD COLUMN a REAL CHECK (a IS NULL OR a BETWEEN 0 AND 50);
ALTER TABLE targets ADD COLUMN b TEXT;
`;

  it('runs its SQL as written and names the columns it adds', () => {
    const migration = addingColumns(7, 'two columns', sql);
    expect(migration.adds).toEqual([
      { table: 'targets', column: 'a' },
      { table: 'targets', column: 'b' },
    ]);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE targets (id TEXT)');
    migration.up(asWritable(db));
    expect(db.prepare("SELECT name FROM pragma_table_info('targets')").pluck().all()).toEqual(['id', 'a', 'b']);
    db.close();
  });

  it('refuses any other statement: its undo is derived from the columns it adds', () => {
    expect(() => addingColumns(7, 'not only columns', `${sql}DROP TABLE targets;`)).toThrow(
      /migration 7 \(not only columns\) may only add columns: "DROP TABLE targets"/,
    );
  });

  it('is taken back by dropping what it added, without an undo written for it', () => {
    const migration = addingColumns(7, 'two columns', sql);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE targets (id TEXT)');
    migration.up(asWritable(db));
    undoAdded(migration)?.(db);
    expect(db.prepare("SELECT name FROM pragma_table_info('targets')").pluck().all()).toEqual(['id']);
    db.close();
    expect(undoAdded({ version: 8, name: 'anything else', up: () => {} })).toBeUndefined();
  });
});
