import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { tempPath } from './testing/fixtures.js';

/*
 * Power-cut stand-in: a child process saving records is killed with SIGKILL at random
 * moments. Every save it reported as committed must be there after reopening, with the
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

function runAndKill(db: string, afterMs: number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(import.meta.dirname, '..', 'node_modules') },
    });
    const committed = new Map<string, string>();
    let buffer = '';
    let errors = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [status, id] = line.split(' ');
        if (status && id) committed.set(id, status);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    // Start the clock at the first commit, so the kill lands in the saving loop.
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.once('data', () => {
      timer = setTimeout(() => proc.kill('SIGKILL'), afterMs);
    });
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
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
      const committed = await runAndKill(db, 20 + Math.floor(Math.random() * 300));
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
    expect(reported.size).toBeGreaterThan(20);
  });
});
