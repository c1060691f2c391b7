import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listProcedures } from '../db/search.js';
import { openStore } from '../db/store.js';
import { report, time } from './stats.js';

/*
 * Seeds 100 000 procedures with the command line (timed), then times the first page of
 * the list with the filters the console offers. Target: first filtered page under 20 ms.
 */
const count = Number(process.env.BENCH_PROCEDURES ?? 100_000);
const outDir = join(process.cwd(), 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const db = join(outDir, `seed-${count}.sqlite`);
const cli = join(process.cwd(), 'dist', 'cli', 'rootlog.cjs');

if (!existsSync(db)) {
  const started = performance.now();
  const output = execFileSync(process.execPath, [cli, 'seed', '--db', db, '--count', String(count), '--seed', '1'], {
    encoding: 'utf8',
  });
  console.log(`seed --count ${count}: ${((performance.now() - started) / 1000).toFixed(1)} s wall  (${output.trim()})`);
} else {
  console.log(`using the seeded database ${db} (delete it to time the seed again)`);
}

const store = openStore(db);
const operatorId = store.writer.prepare('SELECT id FROM operators ORDER BY name LIMIT 1').pluck().get() as string;
const onePatient = store.writer
  .prepare('SELECT patient_id FROM procedures ORDER BY performed_at_utc LIMIT 1 OFFSET 5000')
  .pluck()
  .get() as string;
const samplePatient = onePatient.slice(0, 5);
const cases: [string, unknown][] = [
  ['no filter', {}],
  ['date range (one month)', { from: '2025-03-01', to: '2025-03-31' }],
  ['operator', { operatorIds: [operatorId] }],
  ['root S1 + side right', { roots: ['S1'], sides: ['right'] }],
  [
    'operator + root L4 + modality fluoroscopy',
    { operatorIds: [operatorId], roots: ['L4'], modalities: ['fluoroscopy'] },
  ],
  [`text: patient id prefix "${samplePatient}"`, { text: samplePatient }],
  ['text: name part "brien"', { text: 'brien' }],
  // Folded: finds "Müller" (ü read as u, ue as u).
  ['text: name folded "mueller"', { text: 'mueller' }],
  ['text: name folded "muller"', { text: 'muller' }],
  ['one patient (patient key)', { patient: ` ${onePatient.toLowerCase()}` }],
  // What the list adds to today's: the unsigned drafts of earlier days.
  ['drafts before today', { statuses: ['draft'], to: '2026-01-01' }],
  ['text: no match "zzzz"', { text: 'zzzz' }],
  ['status draft (none exist)', { statuses: ['draft'] }],
];
console.log(`first page (50 rows) over ${count} procedures`);
for (const [name, filter] of cases) {
  listProcedures(store, filter, { limit: 50 });
  const timings: number[] = [];
  for (let i = 0; i < 50; i++) timings.push(time(() => listProcedures(store, filter, { limit: 50 }))[1]);
  console.log(report(name, timings, 20));
}

// Deep in the list: page 200 costs what page 1 costs, thanks to keyset pagination.
let cursor: string | null = null;
for (let page = 0; page < 200; page++) cursor = listProcedures(store, {}, { limit: 50, cursor }).nextCursor;
const deep: number[] = [];
for (let i = 0; i < 50; i++) deep.push(time(() => listProcedures(store, {}, { limit: 50, cursor }))[1]);
console.log(report('page 201 (keyset cursor), no filter', deep, 20));
store.close();
