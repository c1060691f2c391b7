import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/sqlite/migrations/index.js';
import { MIGRATIONS_FOLDER, migrationFiles, migrationListSource } from './migration-list.mjs';

const file = (version: number) =>
  `export const m${version}: Migration = { version: ${version}, name: 'x', up: () => {} };`;

describe('the migrations’ list, derived from their files', () => {
  it('is every NNN-*.ts file of the folder in order, as the app runs them', () => {
    const found = migrationFiles(readdirSync(MIGRATIONS_FOLDER), (name) =>
      readFileSync(join(MIGRATIONS_FOLDER, name), 'utf8'),
    );
    expect(found.map(({ version }) => version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(found.map(({ version }) => version)).toEqual(found.map((_, index) => index + 1));
    expect(readFileSync(join(MIGRATIONS_FOLDER, 'list.ts'), 'utf8')).toBe(migrationListSource(found));
  });

  it('refuses a missing number, two files of one number, and a file numbered apart from its version', () => {
    const texts: Record<string, string> = {
      '001-a.ts': file(1),
      '002-b.ts': file(2),
      '003-c.ts': file(3),
      '003-d.ts': file(3),
      '004-e.ts': file(5),
      '003-f.ts': "export const m3 = addingColumns(\n  3,\n  'f',\n  'ALTER TABLE t ADD COLUMN f TEXT',\n);",
    };
    const read = (name: string) => texts[name] ?? '';
    expect(migrationFiles(['002-b.ts', '001-a.ts', 'index.ts', '001-a.test.ts'], read).map((m) => m.name)).toEqual([
      'm1',
      'm2',
    ]);
    expect(() => migrationFiles(['001-a.ts', '003-c.ts'], read)).toThrow(/003-c\.ts is migration 3, but 2 is missing/);
    expect(() => migrationFiles(['001-a.ts', '002-b.ts', '003-c.ts', '003-d.ts'], read)).toThrow(/has two files/);
    expect(() => migrationFiles(['004-e.ts'], read)).toThrow(/004-e\.ts declares version 5/);
    // A field's migration made with addingColumns is listed by its number too.
    expect(migrationFiles(['001-a.ts', '002-b.ts', '003-f.ts'], read).map((m) => [m.version, m.name])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'm3'],
    ]);
  });
});
