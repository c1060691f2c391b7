import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.js';

/*
 * Decision 0011: no test asserts a duration, and a time limit only stops a hang. A test's own
 * limit tighter than the suite's (vitest.config.ts) is a duration asserted by the back door: on
 * a machine loaded ten times over its cores a sound test passes its 180 s and fails (seen in a
 * full run beside six engineers: db/cli/hub-command.test.ts). So a test file sets none.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['db', 'electron', 'renderer', 'build', 'bench'];
/** `}, 120_000);` closing an it/test/hook, or `{ timeout: … }` given to one or to a child process (killed when the machine is slow). */
const OWN_LIMIT = /^\s*\}, \d+_?000\);$|(^|[{,])\s*timeout:\s*\d/;

function testFiles(folder: string): string[] {
  return (
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.test.ts') && !name.includes('node_modules'))
      // This file's own examples below are limits on purpose.
      .filter((name) => join(folder, name) !== 'build/test-time-limits.test.ts')
      .map((name) => join(root, folder, name))
  );
}

/** Where a test file sets a time limit of its own, as "file:line". */
function ownTimeLimits(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => (OWN_LIMIT.test(line) ? [`${file}:${index + 1}`] : []));
}

describe('time limits of tests', () => {
  it('the suite stops a hang with one generous limit', () => {
    expect(config.test?.testTimeout).toBeGreaterThanOrEqual(600_000);
    expect(config.test?.hookTimeout).toBeGreaterThanOrEqual(600_000);
  });

  it('no test file sets a limit of its own', () => {
    const found = FOLDERS.flatMap(testFiles).flatMap((file) =>
      ownTimeLimits(relative(root, file), readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('finds a limit of its own where one is set', () => {
    expect(ownTimeLimits('x.test.ts', "it('a', async () => {\n  await work();\n}, 120_000);")).toEqual(['x.test.ts:3']);
    expect(ownTimeLimits('x.test.ts', "it('a', { timeout: 5000 }, async () => {});")).toEqual(['x.test.ts:1']);
    expect(ownTimeLimits('x.test.ts', "execFile(cli, args, {\n  encoding: 'utf8',\n  timeout: 60_000,\n});")).toEqual([
      'x.test.ts:3',
    ]);
    expect(ownTimeLimits('x.test.ts', "it('a', async () => {\n  await work();\n});")).toEqual([]);
  });
});
