import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Dashboard, MonthCovered } from '../db/model/index.js';
import { canonicalJson } from '../db/sqlite/canonical-json.js';
import { computeDashboard, dashboardFor, parseDashboardFilter } from '../db/stats/dashboard.js';
import { computeOutcomes, followUpOutcomes } from '../db/stats/outcomes.js';
import { computeReferenceComparison, referenceComparison } from '../db/stats/reference-comparison.js';
import { computeScreen, warmUpDashboard } from '../db/stats/screen.js';
import { openStore, type Store } from '../db/store.js';
import { seededDatabase } from './seeded.js';
import { report, time } from './stats.js';

/*
 * The quality dashboard's whole screen over 100 000 procedures: the dashboard, the follow-up
 * outcomes and the doses against the reference levels, which the screen asks for together
 * after every change. Goal: the whole screen afresh within 100 ms for the last 12 months and
 * 150 ms for all three years. Timed:
 *  - first in a fresh process: nothing cached, the JavaScript not yet compiled (the command
 *    line's `stats`, or the app before its start-up warm-up has run);
 *  - afresh, as after a signature: the screen's three requests after the file changed (one
 *    read of the facts shared by the three, the follow-up index brought up to date), and each
 *    part alone with a read of its own;
 *  - again with nothing changed: answered from memory.
 * Then a hash of the figures of one day, 12 months and all years, to compare before and after
 * a change of the code: the same figures give the same hash (the fields of a month's days and
 * of the folded lines left out, so that the hash reads what every version computes).
 */
const { path: seeded, count } = seededDatabase();
const FIRST = '--first-in-process';
/** The day the benchmark reads the figures on: fixed, so that the hashes compare across days. */
const AS_OF = '2026-12-02';
const TWELVE_MONTHS = { from: '2025-11-25', to: '2026-11-24' };

if (process.argv[2] === FIRST) {
  // Child mode: one whole screen in this fresh process, printed for the parent.
  const store = openStore(seeded);
  const [, ms] = time(() => computeScreen(store, JSON.parse(process.argv[3] ?? '{}'), { asOf: AS_OF }));
  console.log(ms);
  store.close();
} else {
  const store = openStore(seeded);
  const operatorId = store.writer.prepare('SELECT id FROM operators ORDER BY name LIMIT 1').pluck().get() as string;
  const cases: [string, unknown, number][] = [
    ['3 years, no filter', {}, 150],
    ['last 12 months (the screen opens on these)', TWELVE_MONTHS, 100],
    ['one operator', { operatorIds: [operatorId] }, 150],
    ['roots S1, modality CT', { roots: ['S1'], modalities: ['ct'] }, 150],
  ];
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(`whole dashboard screen over ${count} procedures (load average ${load} on ${cpus().length} CPUs)`);
  for (const [name, filter, target] of cases.slice(0, 2)) {
    const firsts: number[] = [];
    for (let run = 0; run < 5; run++) {
      const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), FIRST, JSON.stringify(filter)], {
        encoding: 'utf8',
      });
      firsts.push(Number(output.trim().split('\n').pop()));
    }
    console.log(report(`${name}: first in a fresh process`, firsts, target));
  }
  const [, warmUp] = time(() => warmUpDashboard(store));
  console.log(`start-up warm-up (the app runs it while idle): ${warmUp.toFixed(1)} ms`);
  for (const [name, input, target] of cases) {
    const filter = parseDashboardFilter(input);
    const screen: number[] = [];
    for (let i = 0; i < 25; i++) {
      changeSeenByReader(store);
      screen.push(
        time(() => {
          dashboardFor(store, filter, { asOf: AS_OF });
          followUpOutcomes(store, filter, { asOf: AS_OF });
          referenceComparison(store, filter);
        })[1],
      );
    }
    console.log(report(`${name}: whole screen afresh`, screen, target));
    const parts: [string, () => unknown][] = [
      ['dashboard alone', () => computeDashboard(store, filter, { asOf: AS_OF })],
      ['follow-up outcomes alone', () => computeOutcomes(store, filter, AS_OF)],
      ['doses against the reference levels alone', () => computeReferenceComparison(store, filter)],
    ];
    for (const [part, compute] of parts) {
      const timings: number[] = [];
      for (let i = 0; i < 10; i++) timings.push(time(compute)[1]);
      console.log(report(`  ${part} (with a facts read of its own)`, timings));
    }
    const again: number[] = [];
    for (let i = 0; i < 25; i++)
      again.push(
        time(() => {
          dashboardFor(store, filter, { asOf: AS_OF });
          followUpOutcomes(store, filter, { asOf: AS_OF });
          referenceComparison(store, filter);
        })[1],
      );
    console.log(report(`  again, unchanged data`, again));
  }
  const followUps = store.reader.prepare('SELECT count(*) FROM follow_up_entries').pluck().get() as number;
  console.log(`figures over ${count} procedures with ${followUps} follow-ups, read on ${AS_OF}:`);
  for (const [name, filter] of [
    ['one day', { from: '2026-06-15', to: '2026-06-15' }],
    ['12 months', TWELVE_MONTHS],
    ['all years', {}],
  ] as const) {
    const { dashboard, outcomes, reference } = computeScreen(store, filter, { asOf: AS_OF, folded: false });
    const hash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
    console.log(
      `  ${name.padEnd(10)} dashboard ${hash(figuresOf(dashboard))}  outcomes ${hash(outcomes)}  reference ${hash(
        reference.map(({ above: _above, folded: _folded, ...row }) => row),
      )}`,
    );
  }
  store.close();
}

/** The dashboard without the days each month covers (what earlier versions did not compute). */
function figuresOf(dashboard: Dashboard) {
  const month = <T extends MonthCovered>({ from: _from, to: _to, days: _days, partial: _partial, ...rest }: T) => rest;
  return {
    ...dashboard,
    volume: { ...dashboard.volume, byMonth: dashboard.volume.byMonth.map(month) },
    dose: { ...dashboard.dose, trend: dashboard.dose.trend.map(month) },
  };
}

/**
 * What a signature does to the remembered results: the reader sees the file changed. A write
 * to a temporary table of the reader's own moves its change count, so every remembered
 * figure is computed again, without changing the seeded logbook the other benchmarks share.
 */
function changeSeenByReader(store: Store): void {
  store.reader.db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_change (at REAL)');
  store.reader.db.prepare('INSERT INTO bench_change VALUES (?)').run(performance.now());
}
