import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addonAbi, installedElectron } from './electron-sqlite.mjs';

/*
 * `npm start` where it cannot run says, in one sentence, what to run. Electron's binary cannot be
 * downloaded here, so the start script runs in a copy of the tree with a stand-in Electron (a
 * shell script that notes how it was launched) and with Electron builds of better-sqlite3 that
 * are wrong in each way there is: none, Node's own (another ABI), from another better-sqlite3,
 * not an addon at all, for an Electron node-abi does not know; and one that fits.
 */

const root = join(import.meta.dirname, '..');
const nodeBuild = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const installed = installedElectron(root);
const electron = { version: installed.version, abi: installed.abi ?? Number.NaN };

function startIn(tree: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(tree, 'build', 'start.mjs'), '--db', '/tmp/x.sqlite'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ...result, lines: result.stderr.trim().split('\n').filter(Boolean) };
}

/** A copy of the tree as setup leaves it, with a stand-in Electron binary; `electronBuild` puts the Electron build of better-sqlite3. */
function tree(electronBuild: ((folder: string) => void) | null, electronVersion = electron.version) {
  const dir = mkdtempSync(join(tmpdir(), 'rootlog-start-'));
  mkdirSync(join(dir, 'build'));
  for (const file of ['start.mjs', 'electron-sqlite.mjs', 'node-versions.mjs']) {
    copyFileSync(join(root, 'build', file), join(dir, 'build', file));
  }
  // The real build would take a minute: a stand-in notes that it ran.
  writeFileSync(
    join(dir, 'build', 'build.mjs'),
    "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('../built', import.meta.url), 'yes');\n",
  );
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'electron'));
  copyFileSync(join(root, 'electron', 'native-binding.json'), join(dir, 'electron', 'native-binding.json'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'electron'), { recursive: true });
  const binary = join(dir, 'electron-binary');
  writeFileSync(binary, `#!/bin/sh\necho "$@" > "${join(dir, 'launched')}"\nexit 0\n`);
  chmodSync(binary, 0o755);
  writeFileSync(
    join(modules, 'electron', 'package.json'),
    JSON.stringify({ name: 'electron', version: electronVersion }),
  );
  writeFileSync(join(modules, 'electron', 'index.js'), `module.exports = ${JSON.stringify(binary)};\n`);
  symlinkSync(join(root, 'node_modules', 'node-abi'), join(modules, 'node-abi'));
  mkdirSync(join(modules, 'better-sqlite3'));
  copyFileSync(
    join(root, 'node_modules', 'better-sqlite3', 'package.json'),
    join(modules, 'better-sqlite3', 'package.json'),
  );
  if (electronBuild) {
    const folder = join(modules, '.rootlog-electron', 'better-sqlite3');
    mkdirSync(join(folder, 'build', 'Release'), { recursive: true });
    copyFileSync(join(modules, 'better-sqlite3', 'package.json'), join(folder, 'package.json'));
    electronBuild(folder);
  }
  return dir;
}
const addonIn = (folder: string) => join(folder, 'build', 'Release', 'better_sqlite3.node');

function expectOneSentence(result: ReturnType<typeof startIn>, dir: string | null, ...words: (string | RegExp)[]) {
  expect(result.status).toBe(1);
  expect(result.lines).toHaveLength(1);
  const [sentence = ''] = result.lines;
  expect(sentence).toMatch(/^RootLog cannot start/);
  expect(sentence).toMatch(/run "[^"]+"/);
  expect(sentence.endsWith('.')).toBe(true);
  // One sentence: no full stop before its end but inside a name or a version.
  expect(sentence.slice(0, -1).replace(/\d\.\d|\.\w/g, '')).not.toMatch(/\.\s/);
  for (const word of words) expect(sentence).toMatch(word);
  if (dir) {
    expect(existsSync(join(dir, 'built')), 'nothing is built when it cannot start').toBe(false);
    expect(existsSync(join(dir, 'launched')), 'Electron is not launched').toBe(false);
  }
}

describe('npm start', () => {
  it('without an Electron binary: says so in one sentence, names the test command, exits 1', () => {
    const result = startIn(root, {
      // Points Electron's locator at a folder with no binary, on any machine.
      ELECTRON_OVERRIDE_DIST_PATH: join(import.meta.dirname, 'no-electron-here'),
    });
    expectOneSentence(result, null, /because the Electron binary is not installed/, 'npm test');
  });

  it('without an Electron build of better-sqlite3: names npm run setup:electron', () => {
    const dir = tree(null);
    expectOneSentence(
      startIn(dir),
      dir,
      `better-sqlite3 has no build for Electron ${electron.version}`,
      'run "npm run setup:electron"',
    );
  });

  it('with Node’s own build where Electron’s belongs: names both ABIs', () => {
    const dir = tree((folder) => copyFileSync(nodeBuild, addonIn(folder)));
    expectOneSentence(
      startIn(dir),
      dir,
      `is for NODE_MODULE_VERSION ${process.versions.modules} and Electron ${electron.version} needs ${electron.abi}`,
      'run "npm run setup:electron"',
    );
  });

  it('with a build made from another better-sqlite3 version', () => {
    const dir = tree((folder) => {
      copyFileSync(nodeBuild, addonIn(folder));
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '11.0.0' }));
    });
    expectOneSentence(startIn(dir), dir, /was made from version 11\.0\.0 and \d+\.\d+\.\d+ is installed/);
  });

  it('with a file that is no addon in its place', () => {
    const dir = tree((folder) => writeFileSync(addonIn(folder), 'not a library'));
    expectOneSentence(startIn(dir), dir, /is not a Node addon/);
  });

  it('with an Electron whose ABI node-abi does not know', () => {
    const dir = tree(null, '999.0.0');
    expectOneSentence(startIn(dir), dir, /node-abi does not know Electron 999\.0\.0/, 'run "npm update node-abi"');
  });

  it('with a fitting Electron build: builds, then launches Electron on the built main process with the arguments given', () => {
    // No Electron build can be made here; a file naming Electron's ABI as an addon does stands in.
    const dir = tree((folder) => writeFileSync(addonIn(folder), `\u007fELF…node_register_module_v${electron.abi}\0…`));
    const result = startIn(dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'built'), 'utf8')).toBe('yes');
    expect(readFileSync(join(dir, 'launched'), 'utf8').trim()).toBe(
      `${join(dir, 'dist', 'electron', 'main.cjs')} --db /tmp/x.sqlite`,
    );
  });
});

describe('the ABI of an addon, read without loading it', () => {
  it('is this Node’s NODE_MODULE_VERSION for the build npm ci made', () => {
    expect(addonAbi(nodeBuild)).toBe(Number(process.versions.modules));
  });

  it('differs from the installed Electron’s (why Electron needs a build of its own)', () => {
    expect(electron.abi).toBeGreaterThan(0);
    expect(electron.abi).not.toBe(Number(process.versions.modules));
    // node-abi and Electron's own record agree.
    expect(readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()).toBe(
      String(electron.abi),
    );
  });
});
