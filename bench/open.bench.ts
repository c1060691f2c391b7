import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dashboard } from '../db/stats/dashboard.js';
import { openStore } from '../db/store.js';
import { seededDatabase } from './seeded.js';
import { percentile, time } from './stats.js';

/*
 * Opening does not grow with the logbook. `rootlog stats --from D --to D` (open + a one-day
 * dashboard, in a fresh process) on 1 000 and on 100 000 procedures: the target is the large
 * one within 1.5× of the small one. Also shown: the open alone and open + one-day stats in
 * one process (the last day holds ~1 procedure in the small file and ~130 in the large one,
 * so that part grows with the data, not with the open), and what the page-by-page check the
 * open used to run every time (quick_check) costs: it now runs once, in the background.
 */
const RUNS = 15;
const sizes = [1_000, Number(process.env.BENCH_PROCEDURES ?? 100_000)];
const cli = join(process.cwd(), 'dist', 'cli', 'rootlog.cjs');

function lastDay(path: string): string {
  const db = new Database(path, { readonly: true });
  const day = db.prepare('SELECT max(performed_date) FROM procedures').pluck().get() as string;
  db.close();
  return day;
}

const medians: Record<number, { openOnly: number; inProcess: number; command: number; quickCheck: number }> = {};
for (const size of sizes) {
  const { path } = seededDatabase(size);
  readFileSync(path); // the file in the OS cache, as on a console that has been running
  const day = lastDay(path);
  const openOnly: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [store, ms] = time(() => openStore(path, { mustExist: true }));
    openOnly.push(ms);
    store.close();
  }
  const inProcess: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [, ms] = time(() => {
      const store = openStore(path, { mustExist: true });
      const result = dashboard(store, { from: day, to: day });
      store.close();
      return result;
    });
    inProcess.push(ms);
  }
  const command: number[] = [];
  for (let run = 0; run < 5; run++) {
    const [, ms] = time(() =>
      execFileSync(process.execPath, [cli, 'stats', '--db', path, '--from', day, '--to', day], { encoding: 'utf8' }),
    );
    command.push(ms);
  }
  const [, quickCheck] = time(() => {
    const db = new Database(path, { readonly: true });
    db.pragma('quick_check');
    db.close();
  });
  medians[size] = {
    openOnly: percentile(openOnly, 50),
    inProcess: percentile(inProcess, 50),
    command: percentile(command, 50),
    quickCheck,
  };
  console.log(
    `${String(size).padStart(7)} procedures: \`rootlog stats\` one day p50 ${percentile(command, 50).toFixed(0)} ms; ` +
      `open alone ${percentile(openOnly, 50).toFixed(2)} ms, open + one-day stats in process ${percentile(inProcess, 50).toFixed(1)} ms; ` +
      `quick_check ${quickCheck.toFixed(0)} ms (no longer at open)`,
  );
}
const [small, large] = sizes.map((size) => medians[size as number]) as [
  (typeof medians)[number],
  (typeof medians)[number],
];
const ratio = large.command / small.command;
console.log(
  `ratio ${sizes[1]} / ${sizes[0]}: \`rootlog stats\` ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}); ` +
    `open alone ${(large.openOnly / small.openOnly).toFixed(2)}×; open + stats in process ${(large.inProcess / small.inProcess).toFixed(2)}×`,
);
