import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { tempPath } from './testing/fixtures.js';

/*
 * Power-cut stand-in: a child process saving records is killed with SIGKILL at random
 * moments (after a random number of reported commits, so how fast the machine is does not
 * matter). Every save it reported as committed must be there after reopening, with the
 * status it reported, and the file must pass integrity_check.
 */

const child = tempPath('crash-child.cjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'testing', 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3'],
    nodePaths: [join(import.meta.dirname, '..', 'node_modules')],
    logLevel: 'error',
  });
});

/** Runs the child until it has reported `commits` commits, then kills it wherever it has got to. */
function runAndKill(db: string, commits: number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(import.meta.dirname, '..', 'node_modules') },
    });
    const committed = new Map<string, string>();
    let reported = 0;
    let buffer = '';
    let errors = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [status, id] = line.split(' ');
        if (status && id) {
          committed.set(id, status);
          reported++;
        }
      }
      // The child goes on saving while the signal travels: it lands at no particular point.
      if (reported >= commits) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${errors}`));
      else resolve(committed);
    });
  });
}

describe('a process killed while saving', () => {
  it('loses nothing it reported as committed, and leaves a sound file', async () => {
    const db = tempPath();
    const reported = new Map<string, string>();
    for (let round = 0; round < 8; round++) {
      const committed = await runAndKill(db, 1 + Math.floor(Math.random() * 40));
      expect(committed.size).toBeGreaterThan(0);
      for (const [id, status] of committed) reported.set(id, status);

      const store = openStore(db);
      try {
        expect(store.writer.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.writer.db.pragma('foreign_key_check')).toEqual([]);
        const status = store.writer.prepare('SELECT status FROM procedures WHERE id = ?').pluck();
        for (const [id, expected] of reported) {
          // A reported draft may since have been signed; a reported signature can never be undone.
          const allowed = expected === 'signed' ? ['signed'] : ['draft', 'signed'];
          expect(allowed, `procedure ${id} reported ${expected}`).toContain(status.get(id));
        }
        const versions = store.writer
          .prepare(
            "SELECT count(*) FROM procedures p WHERE status = 'signed' AND NOT EXISTS (SELECT 1 FROM procedure_versions v WHERE v.procedure_id = p.id)",
          )
          .pluck()
          .get();
        expect(versions).toBe(0);
      } finally {
        store.close();
      }
    }
  });
});
