import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempPath } from '../testing/fixtures.js';

/*
 * One logbook, two processes: RootLog open on a file while IT runs `rootlog import` on it (or
 * a second app with --db). SQLite lets one writer at a time; the other waits (busy timeout)
 * and, if the first keeps the file longer, stops and says so in words — never a half-written
 * change, never a damaged file.
 */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'rootlog.cjs');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

/** Another process holding the logbook's write lock (as a save in progress does) until told to commit. */
function holdWriteLock(path: string): Promise<ChildProcess> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
       const db = new Database(process.argv[1]);
       db.exec('BEGIN IMMEDIATE');
       db.prepare("INSERT INTO settings (key, value) VALUES ('held by', json_quote('another process'))").run();
       process.stdout.write('locked\\n');
       process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('committed\\n'); process.exit(0); });`,
      path,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    holder.stdout?.once('data', (chunk: Buffer) =>
      chunk.toString().includes('locked') ? resolve(holder) : reject(new Error(chunk.toString())),
    );
    holder.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
}

/** SQLite's busy handler sleeps between tries: the process's main thread is then in (clock_)nanosleep. */
const SLEEP_SYSCALLS: Record<string, number[]> = { x64: [35, 230], arm64: [101, 115] };
function sleepingInBusyWait(pid: number): boolean {
  try {
    const syscall = Number(readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]);
    return (SLEEP_SYSCALLS[arch()] ?? []).includes(syscall);
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

function integrity(path: string): { integrity: string; procedures: number; held: number } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      procedures: db.prepare('SELECT count(*) FROM procedures').pluck().get() as number,
      held: db.prepare("SELECT count(*) FROM settings WHERE key = 'held by'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** A logbook, and another console's JSON export of 40 records to import into it. */
function logbookAndExport(): { logbook: string; exported: string } {
  const other = tempPath('other.sqlite');
  expect(run('seed', '--db', other, '--count', '40', '--seed', '9').code).toBe(0);
  const exported = tempPath('other.json');
  expect(run('export', '--db', other, '--format', 'json', '--out', exported).code).toBe(0);
  const logbook = tempPath('console.sqlite');
  expect(run('seed', '--db', logbook, '--count', '5', '--seed', '3').code).toBe(0);
  return { logbook, exported };
}

describe('a CLI import while another process writes to the logbook', () => {
  it('waits for the other writer and then imports everything', async () => {
    const { logbook, exported } = logbookAndExport();
    const holder = await holdWriteLock(logbook);
    const importing = spawn(process.execPath, [cli, 'import', '--db', logbook, '--in', exported]);
    const result = exited(importing);
    // Let the other writer finish only once the import is waiting for it (never a fixed pause).
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (importing.pid && sleepingInBusyWait(importing.pid)) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    holder.stdin?.write('commit\n');
    const { code, out, err } = await result;
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/added 40, skipped 0/);
    expect(integrity(logbook)).toEqual({ integrity: 'ok', procedures: 45, held: 1 });
  });

  it('stops in words when the other writer keeps the logbook, and nothing is half written', async () => {
    const { logbook, exported } = logbookAndExport();
    const holder = await holdWriteLock(logbook);
    try {
      const { code, out, err } = await exited(
        spawn(process.execPath, [cli, 'import', '--db', logbook, '--in', exported]),
      );
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err.trim()).toBe(
        `rootlog import: The logbook ${logbook} is being written by another program (RootLog, or another rootlog command): this command waited, then stopped without writing a half change. Run it again when the other one is done. Nothing was added.`,
      );
    } finally {
      holder.stdin?.write('commit\n');
      await exited(holder);
    }
    expect(integrity(logbook)).toEqual({ integrity: 'ok', procedures: 5, held: 1 });
    expect(existsSync(`${logbook}-journal`)).toBe(false);
    // And once the other one is done, the same command does it all.
    expect(run('import', '--db', logbook, '--in', exported).out).toMatch(/added 40, skipped 0/);
    expect(run('check', '--db', logbook).code).toBe(0);
  });
});
