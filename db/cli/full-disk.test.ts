import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../exports/options.js';
import { tempPath } from '../testing/fixtures.js';
import { PAGE, SMALL_DISK_UNAVAILABLE, smallDisk } from '../testing/small-disk.js';

/* The command line onto a disk that is full: as IT's nightly script meets it. */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');
const run = (args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, signal: result.signal, out: result.stdout, err: result.stderr };
};

let db: string;
beforeAll(() => {
  db = tempPath();
  expect(run(['seed', '--db', db, '--count', '200', '--seed', '5']).code).toBe(0);
});

const words = (folder: string, what: 'export' | 'backup') =>
  `rootlog ${what}: The disk holding ${folder} is full: the ${what} was not written; nothing in the logbook changed. Free some space there or choose another disk, then ${what === 'export' ? 'export' : 'back up'} again.\n`;

describe.skipIf(SMALL_DISK_UNAVAILABLE)(
  `the command line onto a full disk (${SMALL_DISK_UNAVAILABLE ?? 'tmpfs'})`,
  () => {
    it('every export format: exit 1, the reason in one line of words, no file left', () => {
      for (const format of EXPORT_FORMATS) {
        const disk = smallDisk(2 * PAGE);
        try {
          const result = run(['export', '--db', db, '--format', format, '--out', join(disk.folder, `audit.${format}`)]);
          expect(result, format).toMatchObject({ code: 1, signal: null, out: '', err: words(disk.folder, 'export') });
          expect(readdirSync(disk.folder), format).toEqual([]);
        } finally {
          disk.remove();
        }
      }
    });

    for (const excludeKey of [false, true]) {
      it(`a backup${excludeKey ? ' without the key' : ''}: exit 1, the reason in words, no file left`, () => {
        const disk = smallDisk(4 * PAGE);
        try {
          const result = run([
            'backup',
            '--db',
            db,
            '--out',
            join(disk.folder, 'copy.sqlite'),
            ...(excludeKey ? ['--exclude-key'] : []),
          ]);
          expect(result).toMatchObject({ code: 1, signal: null, out: '', err: words(disk.folder, 'backup') });
          expect(readdirSync(disk.folder)).toEqual([]);
        } finally {
          disk.remove();
        }
      });
    }
  },
);
