import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../db/exports/run.js';
import { openStore } from '../db/store.js';
import { seededDatabase } from './seeded.js';

/*
 * CSV and XLSX export of 100 000 procedures: wall time and peak memory (RSS sampled while
 * the export runs), next to the sqlite3 command-line tool writing the same rows (procedures
 * joined with their targets) as CSV. Goals: CSV within 2.5× of sqlite3, XLSX under 15 s, memory flat.
 */
const { path: seeded } = seededDatabase();
const dir = mkdtempSync(join(tmpdir(), 'rootlog-bench-export-'));
const store = openStore(seeded);

async function measure(name: string, request: Record<string, unknown>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const result = await runExport(store, request);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const bytes = result.files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(
    `${name.padEnd(40)} ${String(result.procedures).padStart(7)} procedures  ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1e6).toFixed(1).padStart(6)} MB written  RSS ${(before / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB`,
  );
  return seconds;
}

const sqlite3 = (() => {
  try {
    execFileSync('sqlite3', ['-version']);
    return true;
  } catch {
    return false;
  }
})();
/** The sqlite3 command-line tool writing the same rows (procedures joined with their targets) as CSV. */
function sqlite3Csv(): number {
  const out = join(dir, 'sqlite3.csv');
  const started = performance.now();
  execFileSync('sh', [
    '-c',
    `sqlite3 -readonly -csv -header "${seeded}" "SELECT p.*, t.* FROM procedures p LEFT JOIN targets t ON t.procedure_id = p.id WHERE p.status <> 'draft' ORDER BY p.performed_at_utc, p.id, t.ordinal" > "${out}"`,
  ]);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${'sqlite3 CLI: procedures ⟕ targets → CSV'.padEnd(40)} ${' '.repeat(18)}${seconds.toFixed(2).padStart(6)} s  ${(statSync(out).size / 1e6).toFixed(1).padStart(6)} MB written`,
  );
  return seconds;
}
if (!sqlite3) console.log('sqlite3 command-line tool not installed (apt-get install sqlite3): no ratio');

const to = '2026-12-31';
const tenth = await measure('CSV, one year (about a third)', {
  format: 'csv',
  out: join(dir, 'year.csv'),
  from: '2025-11-25',
  to,
});
// Three pairs, sqlite3 then RootLog, and the median of their ratios: one pair on these
// machines varies by ±15 %.
const ratios: number[] = [];
let csv = Number.NaN;
for (let pair = 0; pair < (sqlite3 ? 3 : 1); pair++) {
  const sqliteSeconds = sqlite3 ? sqlite3Csv() : Number.NaN;
  csv = await measure('CSV, all', { format: 'csv', out: join(dir, 'all.csv'), force: true });
  ratios.push(csv / sqliteSeconds);
}
await measure('CSV, all, pseudonymised', { format: 'csv', out: join(dir, 'pseudo.csv'), pseudonymize: true });
const xlsx = await measure('XLSX, all (6 sheets)', { format: 'xlsx', out: join(dir, 'all.xlsx') });
await measure('JSON, all (with versions and history)', { format: 'json', out: join(dir, 'all.json') });
await measure('FHIR R4 bundle, all', { format: 'fhir', out: join(dir, 'all.fhir.json') });
if (sqlite3) {
  const ratio = [...ratios].sort((a, b) => a - b)[1] as number;
  console.log(
    `CSV / sqlite3 = ${ratio.toFixed(2)}× median of 3 pairs (${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≤ 2.5×: ${ratio <= 2.5 ? 'met' : 'MISSED'}); one year vs all: ${(tenth / csv).toFixed(2)} of the time`,
  );
}
console.log(`XLSX of every procedure in ${xlsx.toFixed(1)} s (goal < 15 s: ${xlsx < 15 ? 'met' : 'MISSED'})`);
store.close();
