import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pace } from 'node:timers/promises';
import { runExport } from '../db/exports/run.js';
import { IMPORT_LIMITS } from '../db/imports/limits.js';
import { saveDraft } from '../db/procedures.js';
import { seedDatabase } from '../db/seed.js';
import { openStore } from '../db/store.js';
import { report } from './stats.js';

/*
 * A save beside an import: while the command line imports another console's year into the
 * logbook, the console saves a draft every 5 ms and each save's wait is timed. The import
 * writes in transactions of at most IMPORT_LIMITS.transactionMs with a pause between them,
 * so a save should wait about that long at worst, far below the app's busy timeout (5 s),
 * after which a save would fail. (db/imports/concurrent-import.test.ts shows, without a
 * clock, that saves go through between the import's transactions and nothing is lost.)
 */
const BUSY_TIMEOUT_MS = 5000;
const count = Number(process.env.BENCH_IMPORT_RECORDS ?? 4000);
const dir = mkdtempSync(join(tmpdir(), 'rootlog-bench-import-'));
const context = { actor: 'bench' };

const source = openStore(join(dir, 'other-console.sqlite'));
seedDatabase(source, { count, seed: 8, until: new Date('2026-06-30T12:00:00Z') }, context);
const file = join(dir, 'year.json');
await runExport(source, { format: 'json', out: file });
source.close();

const target = join(dir, 'console.sqlite');
const console_ = openStore(target, { busyTimeoutMs: BUSY_TIMEOUT_MS });
const started = performance.now();
const child = spawn(
  process.execPath,
  [join(process.cwd(), 'dist', 'cli', 'rootlog.cjs'), 'import', '--db', target, '--in', file],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
});
let finished = false;
const done = new Promise<number>((resolve) =>
  child.on('close', (code) => {
    finished = true;
    resolve(code ?? -1);
  }),
);

const waits: number[] = [];
let failed = 0;
while (!finished) {
  const before = performance.now();
  try {
    saveDraft(console_, { patientId: `LIVE-${waits.length}`, painPre: waits.length % 11 }, context);
    waits.push(performance.now() - before);
  } catch {
    failed++;
  }
  await pace(5);
}
const code = await done;
const seconds = (performance.now() - started) / 1000;
console_.close();

const longest = Math.max(...waits);
console.log(`import of ${count} records beside a saving console, on ${dir}`);
console.log(`  the import: ${seconds.toFixed(1)} s, exit ${code}: ${output.split('\n')[0]}`);
console.log(report('  save beside the import', waits));
console.log(
  `  longest save ${longest.toFixed(0)} ms against the import's transactions of at most ${IMPORT_LIMITS.transactionMs} ms and the busy timeout of ${BUSY_TIMEOUT_MS} ms: ${
    failed === 0 && longest < BUSY_TIMEOUT_MS ? 'no save gave up' : `${failed} saves gave up (MISSED)`
  }`,
);
