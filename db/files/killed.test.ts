import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../exports/options.js';
import { seedDatabase } from '../seed.js';
import { pseudonymKey } from '../settings.js';
import { openStore } from '../store.js';
import { context, tempPath } from '../testing/fixtures.js';
import { SMALL_DISK_UNAVAILABLE, smallDisk } from '../testing/small-disk.js';

/*
 * Exports and backups killed on the way, by a real child process stopped at a moment it
 * reported (files-child.ts): SIGKILL, which nothing can catch, and SIGTERM, which a scheduler or
 * the system sends. Nothing left may leak what the file was not meant to hold, and what a
 * killed run left is removed by the next one, never anyone else's file.
 */

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');
const child = tempPath('files-child.cjs');
const folder = () => mkdtempSync(join(tmpdir(), 'rootlog-killed-'));

let logbook: string;
let key: Buffer;
beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'testing', 'files-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3'],
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  logbook = join(folder(), 'logbook.sqlite');
  const store = openStore(logbook);
  seedDatabase(store, { count: 1000, seed: 8 }, context);
  key = Buffer.from(pseudonymKey(store));
  store.close();
});

/** Runs the child until a line it reports satisfies `moment`, then sends `signal`; resolves to the lines it reported. */
function runAndStop(args: string[], moment: (line: string, index: number) => boolean, signal: NodeJS.Signals) {
  return new Promise<string[]>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    const lines: string[] = [];
    let buffer = '';
    let errors = '';
    let sent = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (!sent && moment(line, lines.length - 1)) {
          sent = true;
          proc.kill(signal);
        }
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    proc.on('exit', (code, ended) => {
      // Sent at the moment, the signal may still land after the child's last step: that is a run too.
      if (!sent || (ended !== signal && code !== 0))
        reject(new Error(`the child was not stopped at the moment (${lines.join(' | ')}): ${errors}`));
      else resolve(lines);
    });
  });
}

const cliRun = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

/** A process id no process has any more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid as number;
const machine = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const isPartial = (name: string) => /\.partial/.test(name);

/** Moments of a backup to stop it at: the copy under way, further on, being checked and stripped, being placed. */
const BACKUP_MOMENTS: [string, (line: string, index: number) => boolean][] = [
  ['the first pages copied', (line) => line.startsWith('copying')],
  ['a few pages further', (_line, index) => index === 3],
  ['the copy being checked and stripped of the key', (line) => line === 'checking'],
  ['the copy being placed', (line) => line === 'placing'],
  ['the copy under way again', (_line, index) => index === 1],
];

describe('a backup without the key, killed on the way', () => {
  it('never leaves the key where the copy was meant to go, and the next backup removes what it left', async () => {
    // Another disk where one can be had (the stripped copy is then copied over, not renamed).
    const disk = SMALL_DISK_UNAVAILABLE ? null : smallDisk(64 << 20);
    try {
      const away = disk?.folder ?? folder();
      const out = join(away, 'away.sqlite');
      writeFileSync(join(away, 'notes.partial'), 'a colleague’s file');
      for (const [moment, when] of BACKUP_MOMENTS) {
        await runAndStop(['backup', logbook, out, '--exclude-key'], when, 'SIGKILL');
        for (const name of readdirSync(away)) {
          expect(readFileSync(join(away, name)).includes(key), `${name} after a kill at ${moment}`).toBe(false);
        }
      }
      // What RootLog 0.1 left for this very file (a copy still holding the key) is RootLog's too.
      writeFileSync(`${out}.partial-${deadPid()}-0123abcd`, 'an earlier RootLog’s copy, with the key');
      expect(cliRun(['backup', '--db', logbook, '--out', out, '--exclude-key', '--force']).status).toBe(0);
      expect(readdirSync(away).sort()).toEqual(['away.sqlite', 'notes.partial']);
      expect(readFileSync(out).includes(key)).toBe(false);
      // Beside the logbook, where the copy was stripped, nothing of it stays either.
      expect(readdirSync(join(logbook, '..')).filter(isPartial)).toEqual([]);
    } finally {
      disk?.remove();
    }
  });
});

describe('an export killed on the way', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format}: the next export into the folder removes what it left, and only that`, async () => {
      const shared = folder();
      const out = join(shared, `audit.${format}`);
      await runAndStop(
        ['export', logbook, format, out, '--pseudonymize'],
        (line) => Number(line.split(' ')[1]) >= 500,
        'SIGKILL',
      );
      const left = readdirSync(shared);
      expect(left.filter(isPartial), 'the killed export left its partial file').toHaveLength(1);
      expect(
        left.every((name) => name.startsWith('.')),
        'hidden, not taken for an export',
      ).toBe(true);
      // Others' files, a partial of a process still running, one written from another machine: left alone.
      const others = [
        'audit.partial',
        `audit.${format}.partial-${process.pid}`,
        `.audit.${format}.rootlog-${machine}-${process.pid}-0123abcd.partial`,
        `.audit.${format}.rootlog-${machine === 'ffffffff' ? 'eeeeeeee' : 'ffffffff'}-${deadPid()}-0123abcd.partial`,
      ];
      for (const name of others) writeFileSync(join(shared, name), 'not this run’s');
      const next = join(shared, `next.${format}`);
      expect(cliRun(['export', '--db', logbook, '--format', format, '--out', next]).status).toBe(0);
      const expected = format === 'csv' ? ['next.csv', 'next.dictionary.csv'] : [`next.${format}`];
      expect(readdirSync(shared).sort()).toEqual([...others, ...expected].sort());
    });
  }
});

describe('stopped by SIGTERM (a scheduler, the system shutting down)', () => {
  it('an export and a backup remove their partial files before they stop', async () => {
    const target = folder();
    for (const format of EXPORT_FORMATS) {
      await runAndStop(
        ['export', logbook, format, join(target, `audit.${format}`)],
        (line) => Number(line.split(' ')[1]) >= 500,
        'SIGTERM',
      );
      expect(readdirSync(target), format).toEqual([]);
    }
    for (const [moment, when] of BACKUP_MOMENTS.slice(0, 2)) {
      await runAndStop(['backup', logbook, join(target, 'copy.sqlite'), '--exclude-key'], when, 'SIGTERM');
      expect(readdirSync(target), moment).toEqual([]);
      expect(readdirSync(join(logbook, '..')).filter(isPartial), moment).toEqual([]);
    }
  });
});
