import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../testing/fixtures.js';
import { COMMAND_NAMES } from './main.js';

/*
 * `rootlog … | head -3`: the reader goes away before the command has said everything. Every
 * command then ends as any Unix tool does, quietly (no EPIPE, no stack trace), with the status
 * of a process stopped by SIGPIPE, and what it did stays done. Each case's reader closes the
 * pipe before the command writes a byte, so every write of it meets a closed pipe.
 */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');

let db: string;
let exported: string;
beforeAll(() => {
  db = tempPath();
  expect(spawnSync(process.execPath, [cli, 'seed', '--db', db, '--count', '30', '--seed', '2']).status).toBe(0);
  exported = tempPath('for-import.json');
  expect(spawnSync(process.execPath, [cli, 'export', '--db', db, '--format', 'json', '--out', exported]).status).toBe(
    0,
  );
});

/** Each command as someone pipes it to `head`; `closes` is the stream whose reader goes away, `done` what must have happened all the same. */
const CASES: Record<string, { args: () => string[]; closes?: 'stdout' | 'stderr'; done?: () => void }> = {
  seed: { args: () => ['seed', '--db', tempPath(), '--count', '3'] },
  check: { args: () => ['check', '--db', db] },
  backup: (() => {
    const out = tempPath('copy.sqlite');
    return { args: () => ['backup', '--db', db, '--out', out], done: () => expect(existsSync(out)).toBe(true) };
  })(),
  key: { args: () => ['key', '--db', db, '--show'] },
  export: (() => {
    const out = tempPath('audit.csv');
    return {
      args: () => ['export', '--db', db, '--format', 'csv', '--out', out],
      done: () => expect(existsSync(out)).toBe(true),
    };
  })(),
  import: { args: () => ['import', '--db', tempPath(), '--in', exported] },
  stats: { args: () => ['stats', '--db', db, '--json'] },
  'follow-ups-due': { args: () => ['follow-ups-due', '--db', db, '--date', '2026-03-02'] },
  // No server listens there: the command's answer is its error, on stderr.
  sync: { args: () => ['sync', '--db', db, '--server', 'postgres://rootlog@127.0.0.1:9/hub'], closes: 'stderr' },
  'dose-report': { args: () => ['dose-report', '--in', tempPath('missing.dcm')], closes: 'stderr' },
  hub: { args: () => ['hub', 'consoles', '--server', 'postgres://rootlog@127.0.0.1:9/hub'], closes: 'stderr' },
  worklist: { args: () => ['worklist', '--server', 'dicom://RIS@127.0.0.1:9', '--ae', 'ROOTLOG'], closes: 'stderr' },
  wordings: { args: () => ['wordings', '--db', db, '--show'] },
  // No RIS is set up in the seeded logbook: it says so, on stdout, without calling one.
  'ris-send': { args: () => ['ris-send', '--db', db, '--server', 'mllp://127.0.0.1:9'] },
};

/** Runs the command with the reader of one stream gone from the start; resolves to its status and what it said on the other. */
function withReaderGone(args: string[], closes: 'stdout' | 'stderr') {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; said: string }>((resolve) => {
    const proc = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGPASSWORD: 'x', PGCONNECT_TIMEOUT: '5' },
    });
    proc[closes].destroy();
    let said = '';
    proc[closes === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk: Buffer) => {
      said += chunk.toString();
    });
    proc.on('close', (code, signal) => resolve({ code, signal, said }));
  });
}

describe('the command line piped to a reader that goes away', () => {
  it('has a case for every command', () => {
    expect(Object.keys(CASES).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  for (const [name, { args, closes = 'stdout', done }] of Object.entries(CASES)) {
    it(`${name}: ends quietly, status 141, what it did done`, async () => {
      const result = await withReaderGone(args(), closes);
      expect(result).toEqual({ code: 141, signal: null, said: '' });
      done?.();
    });
  }

  it('help and an unknown command, with their readers gone', async () => {
    expect(await withReaderGone(['--help'], 'stdout')).toEqual({ code: 141, signal: null, said: '' });
    expect(await withReaderGone(['frobnicate'], 'stderr')).toEqual({ code: 141, signal: null, said: '' });
  });

  it('output redirected onto a file that cannot take it says so in words, once', () => {
    // /dev/full: every write is refused as a full disk's is.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" check --db "${db}" > /dev/full`], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('rootlog: its output could not be written: the disk it goes to is full.\n');
    expect(result.status).toBe(1);
  });
});
