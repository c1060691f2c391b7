import { dashboard } from '../db/stats/dashboard.js';
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
  dashboard(store, filter);
  const timings: number[] = [];
  for (let i = 0; i < 15; i++) timings.push(time(() => dashboard(store, filter))[1]);
  console.log(report(name, timings, 150));
}
store.close();
