import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../db/store.js';
import { seededDatabase } from './seeded.js';

/*
 * Tamper evidence and import on 100 000 procedures, each in a fresh process as IT runs them:
 *  - migration 5 (chaining an existing logbook), once, on a schema-4 file when there is one;
 *  - `rootlog check` (page check, chains, triggers, every signed record against its version);
 *  - `rootlog import` of a JSON export of all of them into an empty logbook: wall time and
 *    the importing process's peak memory (its own maxRSS, reported at exit).
 */
const cli = join(process.cwd(), 'dist', 'cli', 'rootlog.cjs');
const work = mkdtempSync(join(tmpdir(), 'rootlog-bench-ledger-'));
const peakReporter = join(work, 'peak.cjs');
writeFileSync(
  peakReporter,
  "process.on('exit', () => process.stderr.write('\\npeak RSS ' + Math.round(process.resourceUsage().maxRSS / 1024) + ' MB\\n'));",
);

function run(args: string[]): { seconds: number; out: string; peak: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', peakReporter, cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && !(args[0] === 'import' && result.status === 1))
    throw new Error(`rootlog ${args[0]} failed: ${result.stderr}`);
  return { seconds, out: result.stdout, peak: /peak RSS (\d+ MB)/.exec(result.stderr)?.[1] ?? '?' };
}

const { path, count } = seededDatabase();
const version = (file: string) => {
  const db = new Database(file, { readonly: true });
  const found = db.pragma('user_version', { simple: true }) as number;
  db.close();
  return found;
};

if (version(path) < 5) {
  const copy = join(work, 'migrate.sqlite');
  copyFileSync(path, copy);
  const started = performance.now();
  openStore(copy).close();
  console.log(
    `migration to schema 5 (hash chain) of ${count} procedures: ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  copyFileSync(copy, path);
  rmSync(copy, { force: true });
}

const check = run(['check', '--db', path]);
console.log(
  `rootlog check, ${count} procedures: ${check.seconds.toFixed(2)} s, peak RSS ${check.peak}  (${/audit chain:\s+(.+)/.exec(check.out)?.[1]}; ${/signed records:\s+(.+)/.exec(check.out)?.[1]})`,
);

const file = join(work, 'all.json');
const exported = run(['export', '--db', path, '--format', 'json', '--out', file]);
console.log(
  `JSON export of ${count} procedures: ${exported.seconds.toFixed(2)} s, ${(statSync(file).size / 1e6).toFixed(0)} MB`,
);
const target = join(work, 'import.sqlite');
const imported = run(['import', '--db', target, '--in', file]);
console.log(
  `rootlog import of ${count} procedures into an empty logbook: ${imported.seconds.toFixed(2)} s (${Math.round(count / imported.seconds)} per second), peak RSS ${imported.peak}`,
);
console.log(`  ${imported.out.trim().split('\n')[0]}`);
const again = run(['import', '--db', target, '--in', file]);
console.log(`the same import again (every record skipped): ${again.seconds.toFixed(2)} s, peak RSS ${again.peak}`);
const checkImported = run(['check', '--db', target]);
console.log(
  `rootlog check of the imported logbook: ${checkImported.seconds.toFixed(2)} s, ${/check (passed|failed)/.exec(checkImported.out + checkImported.out)?.[0] ?? checkImported.out.slice(-200)}`,
);
rmSync(work, { recursive: true, force: true });
