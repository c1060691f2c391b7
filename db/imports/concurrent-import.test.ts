import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { openStore } from '../store.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';

/* The console keeps saving while IT imports another console's year into the same logbook. */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'rootlog.cjs');

function runCli(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { child, done, output: () => ({ out, err }) };
}

describe('import beside a working console', () => {
  it('never blocks a save beyond its busy timeout, and every save and record arrives', async () => {
    const { store: source } = tempStore();
    seedDatabase(source, { count: 4000, seed: 8, until: new Date('2026-06-30T12:00:00Z') }, context);
    const file = tempPath('year.json');
    await runExport(source, { format: 'json', out: file });
    source.close();

    const target = tempPath();
    // The console: a busy timeout of 2 s (the app has 5 s): a long import transaction fails its saves.
    const console = openStore(target, { busyTimeoutMs: 2000 });
    const run = runCli(['import', '--db', target, '--in', file]);
    let saves = 0;
    let during = 0;
    let finished = false;
    void run.done.then(() => {
      finished = true;
    });
    while (!finished) {
      saveDraft(console, { patientId: `LIVE-${saves}`, painPre: saves % 11 }, context);
      saves++;
      if (!finished) during++;
      await sleep(5);
    }
    const code = await run.done;
    expect(run.output().err).not.toMatch(/unexpected/);
    expect(code, run.output().err).toBe(0);
    expect(run.output().out).toMatch(/^added 4000, skipped 0/);
    expect(during, 'saves made while the import ran').toBeGreaterThan(20);
    const procedures = console.reader.prepare('SELECT count(*) FROM procedures').pluck().get();
    expect(procedures).toBe(4000 + saves);
    console.close();
  });

  it('prints nothing from the file raw: escape sequences and line breaks come out escaped', async () => {
    const { store: source } = tempStore();
    seedDatabase(source, { count: 3, seed: 2, until: new Date('2026-06-30T12:00:00Z') }, context);
    const file = tempPath('attack.json');
    await runExport(source, { format: 'json', out: file });
    source.close();
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.procedures[0].id = '\u001b]0;pwned\u0007\nadded 999, skipped 0';
    data.procedures[1].life.consoleName = 'x\nadded 999';
    data.operators.push({ id: '\u001b[2Jop', name: 'Eve', active: true });
    writeFileSync(file, JSON.stringify(data));
    const run = runCli(['import', '--db', tempPath(), '--in', file]);
    const code = await run.done;
    const { out, err } = run.output();
    expect(code).toBe(1);
    expect(`${out}${err}`).not.toContain('\u001b');
    expect(`${out}${err}`).not.toContain('\u0007');
    expect(out.split('\n').filter((line) => line.startsWith('added'))).toEqual([
      'added 1, skipped 0 (already here), conflicts 0, rejected 3',
    ]);
    expect(err).not.toMatch(/unexpected/);
  });
});
