import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempPath } from '../testing/fixtures.js';

/*
 * `rootlog backup --out-dir DIR --rotate N` as a scheduled job runs it: the built command line,
 * a real process, a real folder — and a real full disk (a small tmpfs mounted in a mount
 * namespace of the command's own, so no root is needed and nothing outlives the test).
 */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

function seeded(count = 20): string {
  const db = tempPath('console.sqlite');
  expect(run('seed', '--db', db, '--count', String(count), '--seed', '5').code).toBe(0);
  return db;
}

const backupsIn = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.startsWith('rootlog-backup-'))
    .sort();

describe('rootlog backup --out-dir', () => {
  it('names the backup itself, keeps this logbook’s newest N with --rotate, and touches nothing else', () => {
    const db = seeded();
    const folder = dirname(tempPath());
    const first = run('backup', '--db', db, '--out-dir', folder, '--rotate', '2');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const [made = ''] = backupsIn(folder);
    expect(made).toMatch(/^rootlog-backup-[a-z0-9-]+-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/);
    expect(first.out).toContain(`backup written to ${join(folder, made)}: 20 procedures`);
    expect(first.out).toContain(`this logbook's newest 1 backup is kept in ${folder}; none removed`);
    // Two older backups of this logbook (as earlier nights made them), and what else lives there.
    const older = ['2026-01-01T02-00-00Z', '2026-01-02T02-00-00Z'].map((stamp) => made.replace(/\d{4}-.*Z/, stamp));
    for (const name of older) copyFileSync(join(folder, made), join(folder, name));
    const otherLogbook = seeded(3);
    expect(
      run('backup', '--db', otherLogbook, '--out', join(folder, made.replace(/\d{4}-.*Z/, '2025-12-31T02-00-00Z')))
        .code,
    ).toBe(0);
    writeFileSync(join(folder, 'README.txt'), 'backups of the CT consoles');

    const second = run('backup', '--db', db, '--out-dir', folder, '--rotate', '2');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(
      /newest 2 backups are kept in .*; removed .*2026-01-02T02-00-00Z\.sqlite, .*2026-01-01T02-00-00Z\.sqlite/,
    );
    expect(readdirSync(folder)).toEqual(
      expect.arrayContaining([made, 'README.txt', made.replace(/\d{4}-.*Z/, '2025-12-31T02-00-00Z')]),
    );
    expect(backupsIn(folder)).toHaveLength(3);
    for (const name of older) expect(readdirSync(folder)).not.toContain(name);
    expect(run('check', '--db', join(folder, made)).out).toMatch(/check passed/);
  });

  it('refuses what does not go together, before anything is written', () => {
    const db = seeded(2);
    const folder = dirname(tempPath());
    for (const [args, message] of [
      [['--out-dir', folder, '--rotate', '0'], '--rotate must be a whole number from 1 to 365'],
      [['--out-dir', folder, '--rotate', 'x'], '--rotate must be a whole number from 1 to 365'],
      [
        ['--out', join(folder, 'b.sqlite'), '--rotate', '3'],
        '--rotate keeps the newest backups in a folder: give it with --out-dir DIR',
      ],
      [['--out', join(folder, 'b.sqlite'), '--out-dir', folder], 'give either --out FILE or --out-dir DIR'],
      [['--out-dir', folder, '--force'], '--force replaces a file given with --out'],
    ] as const) {
      const result = run('backup', '--db', db, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(`rootlog backup: ${message}`);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a folder that is not there: exit 1, in words', () => {
    const db = seeded(2);
    const folder = join(dirname(tempPath()), 'share-not-mounted');
    expect(run('backup', '--db', db, '--out-dir', folder, '--rotate', '7')).toEqual({
      code: 1,
      out: '',
      err: `rootlog backup: The backup folder ${folder} cannot be reached: it does not exist, or its network share is not connected. No backup was written.\n`,
    });
  });

  it('a full disk: exit 1, in words, nothing half-written left there, the logbook untouched', () => {
    const db = seeded(400);
    const full = dirname(tempPath());
    mkdirSync(full, { recursive: true });
    const result = spawnSync(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--mount',
        'sh',
        '-c',
        'mount -t tmpfs -o size=128k tmpfs "$1" && "$2" "$3" backup --db "$4" --out-dir "$1" --rotate 3; code=$?; echo "left: [$(ls -A "$1")]"; exit $code',
        'sh',
        full,
        process.execPath,
        cli,
        db,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe(
      `rootlog backup: The disk holding ${full} is full: the backup was not written; nothing in the logbook changed. Free some space there or choose another disk, then back up again.\n`,
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('left: []\n');
    expect(run('check', '--db', db).out).toMatch(/check passed/);
  });
});
