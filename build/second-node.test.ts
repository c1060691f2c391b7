import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECOND_NODE_MAJOR, SUPPORTED_NODE, satisfies } from './node-versions.mjs';
import { secondNode } from './second-node.mjs';

/*
 * The command line on the second supported Node LTS, as a department's scheduled job would run
 * it on a server with that Node: the built CLI in a tree whose better-sqlite3 was built for it
 * (setup --tests puts both in a cache: build/second-node.mjs). A seed, a check and an export.
 */
const root = join(import.meta.dirname, '..');

describe(`the command line on Node ${SECOND_NODE_MAJOR} LTS`, () => {
  it('seeds, checks and exports a logbook', () => {
    const { found, why } = secondNode(root);
    expect(found, why ?? '').not.toBeNull();
    if (!found) return;
    const version = spawnSync(found.node, ['-v'], { encoding: 'utf8' }).stdout.trim();
    expect(version).toBe(`v${found.version}`);
    expect(Number(found.version.split('.')[0])).toBe(SECOND_NODE_MAJOR);
    expect(satisfies(found.version, SUPPORTED_NODE)).toBe(true);

    // A tree of its own: this build's CLI, and better-sqlite3 for that Node.
    const tree = mkdtempSync(join(tmpdir(), `rootlog-node${SECOND_NODE_MAJOR}-`));
    mkdirSync(join(tree, 'dist', 'cli'), { recursive: true });
    copyFileSync(join(root, 'dist', 'cli', 'rootlog.cjs'), join(tree, 'dist', 'cli', 'rootlog.cjs'));
    symlinkSync(found.modules, join(tree, 'node_modules'));
    const rootlog = (...args: string[]) => {
      const result = spawnSync(found.node, [join(tree, 'dist', 'cli', 'rootlog.cjs'), ...args], { encoding: 'utf8' });
      return { code: result.status, out: result.stdout, err: result.stderr };
    };

    const logbook = join(tree, 'rootlog.sqlite');
    expect(rootlog('seed', '--db', logbook, '--count', '25', '--seed', '4')).toMatchObject({
      code: 0,
      err: '',
      out: expect.stringMatching(/seeded 25 signed procedures/),
    });
    const check = rootlog('check', '--db', logbook);
    expect(check.err).toBe('');
    expect(check.out).toMatch(/check passed/);
    const exported = join(tree, 'export.json');
    expect(rootlog('export', '--db', logbook, '--format', 'json', '--out', exported)).toMatchObject({
      code: 0,
      err: '',
    });
    const json = JSON.parse(readFileSync(exported, 'utf8')) as {
      format: string;
      procedures: { life: { status: string } }[];
    };
    expect(json.procedures.map((procedure) => procedure.life.status)).toEqual(Array(25).fill('signed'));
  });
});
