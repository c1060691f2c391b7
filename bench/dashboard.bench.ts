import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { computeDashboard, dashboard, parseDashboardFilter, warmUpDashboard } from '../db/stats/dashboard.js';
import { followUpOutcomes } from '../db/stats/outcomes.js';
import { computeReferenceComparison } from '../db/stats/reference-comparison.js';
import { openStore } from '../db/store.js';
import { seededDatabase } from './seeded.js';
import { report, time } from './stats.js';

/*
 * Every dashboard aggregate over 100 000 procedures, as the screen asks for them. Goal: the
 * whole dashboard under 150 ms. Three situations, each timed separately:
 *  - first in a fresh process: nothing cached, the JavaScript not yet compiled (the command
 *    line's `stats`, or the app before its start-up warm-up has run);
 *  - computed afresh: what every request costs after any change to the data (the app has warmed up);
 *  - again with nothing changed: answered from memory.
 */
const { path: seeded, count } = seededDatabase();
const FIRST = '--first-in-process';

if (process.argv[2] === FIRST) {
  // Child mode: one computation in this fresh process, printed for the parent.
  const store = openStore(seeded);
  const [, ms] = time(() => computeDashboard(store, JSON.parse(process.argv[3] ?? '{}')));
  console.log(ms);
  store.close();
} else {
  const store = openStore(seeded);
  const operatorId = store.writer.prepare('SELECT id FROM operators ORDER BY name LIMIT 1').pluck().get() as string;
  const cases: [string, unknown][] = [
    ['whole dashboard, no filter (3 years)', {}],
    ['last 12 months (the screen opens on these)', { from: '2025-11-25', to: '2026-11-24' }],
    ['one operator', { operatorIds: [operatorId] }],
    ['roots S1, modality CT', { roots: ['S1'], modalities: ['ct'] }],
  ];
  console.log(`dashboard over ${count} procedures`);
  for (const [name, filter] of cases.slice(0, 2)) {
    const firsts: number[] = [];
    for (let run = 0; run < 5; run++) {
      const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), FIRST, JSON.stringify(filter)], {
        encoding: 'utf8',
      });
      firsts.push(Number(output.trim().split('\n').pop()));
    }
    console.log(report(`${name} (first in a fresh process)`, firsts, 150));
  }
  const [, warmUp] = time(() => warmUpDashboard(store));
  console.log(`start-up warm-up (the app runs it while idle): ${warmUp.toFixed(1)} ms`);
  for (const [name, filter] of cases) {
    const timings: number[] = [];
    for (let i = 0; i < 25; i++) timings.push(time(() => computeDashboard(store, filter))[1]);
    console.log(report(`${name} (computed)`, timings, 150));
    dashboard(store, filter);
    const again: number[] = [];
    for (let i = 0; i < 25; i++) again.push(time(() => dashboard(store, filter))[1]);
    console.log(report(`${name} (again, unchanged data)`, again, 150));
  }
  const followUps = store.reader.prepare('SELECT count(*) FROM follow_up_entries').pluck().get() as number;
  console.log(`follow-up outcomes over ${count} procedures with ${followUps} follow-ups`);
  for (const [name, filter] of cases.slice(0, 2)) {
    const timings: number[] = [];
    for (let i = 0; i < 10; i++) timings.push(time(() => followUpOutcomes(store, parseDashboardFilter(filter)))[1]);
    console.log(report(`outcomes: ${name}`, timings));
  }
  for (const [name, filter] of cases.slice(0, 2)) {
    const timings: number[] = [];
    for (let i = 0; i < 10; i++)
      timings.push(time(() => computeReferenceComparison(store, parseDashboardFilter(filter)))[1]);
    console.log(report(`doses against reference levels: ${name}`, timings));
  }
  store.close();
}
