// The list of the logbook's migrations, derived from their files: `db/sqlite/migrations/NNN-name.ts`,
// each exporting one `Migration` of version NNN. Written to db/sqlite/migrations/list.ts (not kept
// in git, like the compiled catalogues) by the build, the type check and the tests' global setup,
// so a new migration is its own file and nothing else: no list to add it to.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const MIGRATIONS_FOLDER = join(root, 'db', 'sqlite', 'migrations');
export const MIGRATION_FILE = /^(\d{3})-[a-z0-9-]+\.ts$/;

/** The migrations' files in order, each with its version and exported name; refuses a gap, a twin or a file that does not say its version. */
export function migrationFiles(files, read) {
  const found = files
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => {
      const version = Number(MIGRATION_FILE.exec(name)[1]);
      const text = read(name);
      // `export const name: Migration = { version: N, … }`, or `export const name = addingColumns(N, …)`.
      const exported = [...text.matchAll(/^export const (\w+)(?:: Migration\b| = addingColumns\()/gm)].map(
        (match) => match[1],
      );
      if (exported.length !== 1)
        throw new Error(
          `${name} must export exactly one Migration (export const name: Migration = …, or = addingColumns(…))`,
        );
      const declared = /\bversion:\s*(\d+)|\baddingColumns\(\s*(\d+)/.exec(text)?.slice(1).find(Boolean);
      if (Number(declared) !== version)
        throw new Error(
          `${name} declares version ${declared ?? 'none'}: a migration's file is numbered by its version`,
        );
      return { file: name, version, name: exported[0] };
    });
  found.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(
        `${migration.file} is migration ${migration.version}, but ${index + 1} ${migration.version > index + 1 ? 'is missing' : 'has two files'}: number migrations one after the other`,
      );
  });
  return found;
}

/** The list's source for those migrations. */
export function migrationListSource(migrations) {
  return [
    '// Written by build/migration-list.mjs from the files of this folder: do not edit, not kept in git.',
    ...migrations.map(({ file, name }) => `import { ${name} } from './${file.replace(/\.ts$/, '.js')}';`),
    "import type { Migration } from './migration.js';",
    '',
    'export const MIGRATION_LIST: readonly Migration[] = [',
    ...migrations.map(({ name }) => `  ${name},`),
    '];',
    '',
  ].join('\n');
}

/** Writes db/sqlite/migrations/list.ts when it is not what the folder gives. */
export function writeMigrationList(folder = MIGRATIONS_FOLDER) {
  const source = migrationListSource(
    migrationFiles(readdirSync(folder), (name) => readFileSync(join(folder, name), 'utf8')),
  );
  const target = join(folder, 'list.ts');
  if (!existsSync(target) || readFileSync(target, 'utf8') !== source) writeFileSync(target, source);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeMigrationList();
