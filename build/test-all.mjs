// `npm test`: the static checks (type check, lint: one test each), the unit tests (vitest) and the
// end-to-end tests (Playwright), then one line "tests: N passed, M failed" summing them all;
// exits non-zero if anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const step = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;

// A type error or a lint finding fails the run like a failing test: CI lands nothing that does not check.
for (const [name, script] of [
  ['type check', 'typecheck'],
  ['lint', 'lint'],
]) {
  const ok = step('npm', ['run', '--silent', script]) === 0;
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${name}: ${ok ? 'passed' : 'FAILED'}`);
}

rmSync('.tmp/vitest.json', { force: true });
const unitExit = step('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.tmp/vitest.json',
]);
if (existsSync('.tmp/vitest.json')) {
  const unit = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unitExit !== 0 && unit.numFailedTests === 0 ? 1 : 0);
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  failed += 1;
  console.log('unit: the test runner did not report (counted as a failure)');
}

const specs = existsSync('e2e') ? readdirSync('e2e').filter((name) => name.endsWith('.spec.ts')) : [];
if (specs.length > 0) {
  rmSync('.tmp/playwright.json', { force: true });
  const buildExit = step('node', ['build/build.mjs', 'renderer', 'electron']);
  const e2eExit =
    buildExit === 0
      ? step('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
          PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json',
        })
      : buildExit;
  if (existsSync('.tmp/playwright.json')) {
    const { stats } = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (e2eExit !== 0 && stats.unexpected === 0 ? 1 : 0);
    console.log(
      `e2e: ${stats.expected} passed, ${stats.unexpected} failed${stats.flaky ? `, ${stats.flaky} flaky` : ''}`,
    );
  } else {
    failed += 1;
    console.log('e2e: the build or the test runner failed before reporting (counted as a failure)');
  }
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
