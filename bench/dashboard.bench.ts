import { computeDashboard, dashboard } from '../db/stats/dashboard.js';
import { openStore } from '../db/store.js';
import { seededDatabase } from './seeded.js';
import { report, time } from './stats.js';

/* Every dashboard aggregate over 100 000 procedures, as the screen asks for them. Goal: under 150 ms. */
const { path: seeded, count } = seededDatabase();
const store = openStore(seeded);
const operatorId = store.prepare('SELECT id FROM operators ORDER BY name LIMIT 1').pluck().get() as string;
const cases: [string, unknown][] = [
  ['whole dashboard, no filter (all procedures)', {}],
  ['one year', { from: '2025-11-25', to: '2026-11-24' }],
  ['one operator', { operatorIds: [operatorId] }],
  ['roots S1, modality CT', { roots: ['S1'], modalities: ['ct'] }],
];
console.log(`dashboard over ${count} procedures`);
for (const [name, filter] of cases) {
  // Computed afresh, as after any change to the data; then again with nothing changed.
  const timings: number[] = [];
  for (let i = 0; i < 15; i++) timings.push(time(() => computeDashboard(store, filter))[1]);
  console.log(report(`${name} (computed)`, timings, 150));
  const warm: number[] = [];
  for (let i = 0; i < 15; i++) warm.push(time(() => dashboard(store, filter))[1]);
  console.log(report(`${name} (again, unchanged data)`, warm, 150));
}
store.close();
