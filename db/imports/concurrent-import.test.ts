import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pace } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runExport } from '../exports/run.js';
import { getProcedure, saveDraft } from '../procedures.js';
import { seedDatabase } from '../seed.js';
import { openStore, type Store } from '../store.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { importFile } from './merge.js';

/*
 * The console keeps saving while IT imports another console's year into the same logbook.
 * Nothing here is timed: how long a save waits beside an import is a benchmark's figure
 * (`npm run bench import`); these tests say what holds on any machine, however loaded. Their
 * time limits only stop a hung test.
 */
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

async function exportedYear(count: number, seed: number): Promise<string> {
  const { store: source } = tempStore();
  seedDatabase(source, { count, seed, until: new Date('2026-06-30T12:00:00Z') }, context);
  const file = tempPath('year.json');
  await runExport(source, { format: 'json', out: file });
  source.close();
  return file;
}

const live = (n: number) => ({ patientId: `LIVE-${n}`, painPre: n % 11 });
const procedures = (store: Store) => store.reader.prepare('SELECT count(*) FROM procedures').pluck().get();

describe('import beside a working console', () => {
  it('lets a save in between its transactions, and neither loses anything', async () => {
    const file = await exportedYear(1000, 8);
    const target = tempPath();
    const importer = openStore(target);
    const console = openStore(target);
    const saved: string[] = [];
    // The import reports progress after each batch it committed: the console saves right then,
    // on its own connection, while the rest of the file still waits to be written.
    const report = await importFile(importer, file, context, {
      limits: { batch: 250, pauseMs: 0 },
      onProgress: () => {
        saved.push(saveDraft(console, live(saved.length), context).record.id);
      },
    });
    expect(report).toMatchObject({ added: 1000, rejected: [], conflicts: [] });
    expect(saved).toHaveLength(5);
    expect(procedures(console)).toBe(1000 + saved.length);
    saved.forEach((id, n) => {
      expect(getProcedure(console, id).record).toMatchObject(live(n));
    });
    // In the order written: the import's transactions, each save after a batch, the import going on.
    const order = console.reader
      .prepare(
        `SELECT CASE WHEN action = 'import' THEN 'import' ELSE 'save' END FROM audit_log
         WHERE (action = 'import' AND json_extract(changes, '$.batch') IS NOT NULL)
            OR (action = 'create' AND entity_id IN (SELECT value FROM json_each(?)))
         ORDER BY seq`,
      )
      .pluck()
      .all(JSON.stringify(saved)) as string[];
    const runs = order.filter((kind, i) => kind === 'save' || order[i - 1] !== 'import');
    expect(runs.join(' ')).toBe('import save import save import save import save save');
    importer.close();
    console.close();
  });

  it('from the command line: every save the console makes meanwhile succeeds, and every record arrives', async () => {
    const file = await exportedYear(1000, 9);
    const target = tempPath();
    // Long enough that no load can make a save give up: this test is not a measure of the wait.
    const console = openStore(target, { busyTimeoutMs: 120_000 });
    const run = runCli(['import', '--db', target, '--in', file]);
    let finished = false;
    void run.done.then(() => {
      finished = true;
    });
    let saves = 0;
    do {
      saveDraft(console, live(saves), context);
      saves++;
      await pace(5);
    } while (!finished);
    const code = await run.done;
    expect(run.output().err).not.toMatch(/unexpected/);
    expect(code, run.output().err).toBe(0);
    expect(run.output().out).toMatch(/^added 1000, skipped 0/);
    expect(procedures(console)).toBe(1000 + saves);
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
