import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../testing/fixtures.js';

/* What an export or a backup may write over: the command line as IT runs it. */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'build', 'build.mjs'), 'cli']);
});

const run = (args: string[], cwd?: string) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

function seeded(): string {
  const db = tempPath();
  expect(run(['seed', '--db', db, '--count', '20', '--seed', '3']).code).toBe(0);
  return db;
}

const procedures = (db: string) => Number(/procedures\s+(\d+)/.exec(run(['check', '--db', db]).out)?.[1] ?? Number.NaN);

describe('an export or a backup never destroys data', () => {
  it('refuses the logbook, its -wal and -shm, a link to it, and a relative path to it, for every format', () => {
    const db = seeded();
    const link = join(dirname(db), 'link.sqlite');
    symlinkSync(db, link);
    const hard = join(dirname(db), 'hard.sqlite');
    linkSync(db, hard);
    const before = readFileSync(db);
    for (const format of ['csv', 'xlsx', 'json', 'fhir']) {
      for (const out of [db, `${db}-wal`, `${db}-shm`, link, hard, relative(root, db)]) {
        const result = run(['export', '--db', db, '--format', format, '--out', out, '--force'], root);
        expect(result.code, `${format} → ${out}`).toBe(1);
        expect(result.err).toMatch(/logbook/);
      }
    }
    expect(run(['backup', '--db', db, '--out', db, '--force']).err).toMatch(/the logbook itself/);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(procedures(db)).toBe(20);
  });

  it('replaces an existing file only with --force, and then completely', () => {
    const db = seeded();
    const out = tempPath('audit.json');
    writeFileSync(out, 'a colleague’s spreadsheet');
    const refused = run(['export', '--db', db, '--format', 'json', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('a colleague’s spreadsheet');
    // A CSV export writes its dictionary too: an existing one refuses the whole export, before anything is written.
    const csv = tempPath('audit.csv');
    writeFileSync(csv.replace(/\.csv$/, '.dictionary.csv'), 'kept');
    expect(run(['export', '--db', db, '--format', 'csv', '--out', csv]).code).toBe(1);
    expect(existsSync(csv)).toBe(false);
    const forced = run(['export', '--db', db, '--format', 'json', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).procedures).toHaveLength(20);
  });

  it('a backup leaves exactly one self-contained file, and never touches a file it did not make', () => {
    const db = seeded();
    const out = tempPath('backup.sqlite');
    writeFileSync(`${out}.partial`, 'someone else’s file');
    const backup = run(['backup', '--db', db, '--out', out]);
    expect(backup.code).toBe(0);
    expect(readdirSync(dirname(out)).sort()).toEqual(['backup.sqlite', 'backup.sqlite.partial']);
    expect(readFileSync(`${out}.partial`, 'utf8')).toBe('someone else’s file');
    expect(procedures(out)).toBe(20);
    expect(run(['backup', '--db', db, '--out', out]).err).toMatch(/already exists/);
    expect(run(['backup', '--db', db, '--out', out, '--force']).code).toBe(0);
  });
});
