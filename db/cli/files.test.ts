import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempPath } from '../testing/fixtures.js';

/* What an export or a backup may write over: the command line as IT runs it. */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');

const run = (args: string[], cwd?: string) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

/**
 * Runs the command line with no right to write the logbook's folder or file: as root (CI),
 * as the unprivileged user `nobody`; otherwise as this user, with the folder made read-only.
 */
/**
 * The command line where `nobody` can read it: the checkout may sit in a folder only its
 * owner can enter (mktemp -d), so the built file and the one native dependency it loads are
 * copied to a world-readable folder first.
 */
function cliReadableByAll(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rootlog-cli-'));
  chmodSync(folder, 0o755);
  copyFileSync(cli, join(folder, 'rootlog.cjs'));
  for (const dependency of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    cpSync(join(root, 'node_modules', dependency), join(folder, 'node_modules', dependency), { recursive: true });
  }
  chmodSync(join(folder, 'node_modules'), 0o755);
  return join(folder, 'rootlog.cjs');
}

const runReadOnly = (args: string[]) => {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, cliReadableByAll(), ...args], {
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
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

describe('foreign files and read-only media', () => {
  it('refuses an SQLite file that is not a RootLog logbook, and leaves it as it was', () => {
    const db = tempPath('photos.sqlite');
    const raw = new Database(db);
    raw.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('x')");
    raw.close();
    const before = readFileSync(db);
    for (const args of [
      ['seed', '--db', db, '--count', '5'],
      ['stats', '--db', db],
      ['import', '--db', db, '--in', db],
      ['check', '--db', db],
    ]) {
      const result = run(args);
      expect(result.code, args[0]).toBe(1);
      expect(result.err, args[0]).toMatch(/not a RootLog logbook|not a RootLog database/);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('checks, exports and reports a logbook on a write-protected folder, changing nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rootlog-read-only-medium-'));
    const db = join(folder, 'logbook.sqlite');
    expect(run(['seed', '--db', db, '--count', '25', '--seed', '4']).code).toBe(0);
    chmodSync(db, 0o444);
    chmodSync(folder, 0o555);
    const before = { bytes: readFileSync(db), mtime: statSync(db).mtimeMs };
    const outFolder = mkdtempSync(join(tmpdir(), 'rootlog-read-only-out-'));
    chmodSync(outFolder, 0o777);
    try {
      expect(runReadOnly(['check', '--db', db])).toMatchObject({ code: 0, out: expect.stringMatching(/check passed/) });
      expect(runReadOnly(['stats', '--db', db])).toMatchObject({ code: 0, out: expect.stringMatching(/25/) });
      const out = join(outFolder, 'audit.csv');
      expect(runReadOnly(['export', '--db', db, '--format', 'csv', '--out', out])).toMatchObject({ code: 0 });
      expect(readFileSync(out, 'utf8').split('\r\n').length).toBeGreaterThan(25);
      // What cannot work on a read-only file says so in words.
      expect(runReadOnly(['import', '--db', db, '--in', out]).code).toBe(1);
    } finally {
      chmodSync(folder, 0o755);
    }
    expect(readdirSync(folder)).toEqual(['logbook.sqlite']);
    expect(readFileSync(db).equals(before.bytes)).toBe(true);
    expect(statSync(db).mtimeMs).toBe(before.mtime);
  });
});

describe('the pseudonymisation key and backups that leave the department', () => {
  it('--exclude-key leaves the key out; a pseudonymised export then asks for it; `key --set` puts it back', () => {
    const db = seeded();
    const out = tempPath('away.sqlite');
    const backup = run(['backup', '--db', db, '--out', out, '--exclude-key']);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/key was left out/);
    const key = run(['key', '--db', db, '--show']).out.trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(out).includes(Buffer.from(key))).toBe(false);

    const refused = run(['export', '--db', out, '--format', 'csv', '--out', tempPath('p.csv'), '--pseudonymize']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/rootlog key --db FILE --set/);
    // An identified export of the copy works as before.
    expect(run(['export', '--db', out, '--format', 'json', '--out', tempPath('i.json')]).code).toBe(0);

    expect(run(['key', '--db', out, '--set', 'not-a-key']).code).toBe(1);
    expect(run(['key', '--db', out, '--set', key]).code).toBe(0);
    expect(run(['key', '--db', out, '--set', 'a'.repeat(64)]).err).toMatch(/never replaced/);
    const pseudonymsOf = (file: string) => {
      const csv = tempPath('p.csv');
      expect(run(['export', '--db', file, '--format', 'csv', '--out', csv, '--pseudonymize']).code).toBe(0);
      return readFileSync(csv, 'utf8').split('\r\n').slice(1, 5).join('\n');
    };
    expect(pseudonymsOf(out)).toBe(pseudonymsOf(db));
  });
});

describe('a damaged logbook is never written to', () => {
  it('import and seed check every page first, and refuse with the reason', () => {
    const db = seeded();
    const raw = new Database(db, { readonly: true });
    const page = raw
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'drug_catalogue'")
      .pluck()
      .get() as number;
    raw.close();
    const bytes = readFileSync(db);
    const size = bytes.readUInt16BE(16);
    for (let i = (page - 1) * size; i < page * size; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(db, bytes);
    const exported = tempPath('in.json');
    writeFileSync(exported, JSON.stringify({ format: 'rootlog-export', formatVersion: 1, procedures: [] }));
    for (const args of [
      ['import', '--db', db, '--in', exported],
      ['seed', '--db', db, '--count', '1'],
    ]) {
      const result = run(args);
      expect(result.code, args[0]).toBe(1);
      expect(result.err, args[0]).toMatch(/integrity check|damaged|malformed/);
    }
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });
});
