// The command line is also tested on a second Node LTS (build/second-node.test.ts): setup --tests
// takes that Node from the npm registry's node-<platform>-<arch> package (the binary and its
// headers) into a cache outside the project, with better-sqlite3 built for it, once per version.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBetterSqlite3 } from './electron-sqlite.mjs';
import { SECOND_NODE_MAJOR } from './node-versions.mjs';

const defaultRoot = fileURLToPath(new URL('..', import.meta.url));

/** Outside the project, so `npm ci` (which empties node_modules) keeps it and CI runs reuse it. */
export function cacheFolder() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rootlog');
}

const marker = () => join(cacheFolder(), `node-${SECOND_NODE_MAJOR}.json`);
const sqliteVersion = (root) =>
  JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;

/**
 * The second Node as setup left it — { version, node, modules } (its binary and a node_modules
 * folder with better-sqlite3 built for it) — or null, with `why`, when it is missing or was
 * made for another better-sqlite3.
 */
export function secondNode(root = defaultRoot) {
  const again = `run "npm run setup -- --tests" to install Node ${SECOND_NODE_MAJOR} LTS for the tests`;
  if (!existsSync(marker())) return { found: null, why: `Node ${SECOND_NODE_MAJOR} is not installed: ${again}` };
  const found = JSON.parse(readFileSync(marker(), 'utf8'));
  if (found.betterSqlite3 !== sqliteVersion(root) || !existsSync(found.node)) {
    return { found: null, why: `Node ${SECOND_NODE_MAJOR}'s better-sqlite3 is out of date: ${again}` };
  }
  return { found, why: null };
}

const npmPackage = () => `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

/** setup --tests: the newest Node SECOND_NODE_MAJOR from the registry and better-sqlite3 for it; true when in place. */
export function setUpSecondNode(root = defaultRoot, log = (line) => console.log(`setup: ${line}`)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const listed = spawnSync(npm, ['view', `${npmPackage()}@${SECOND_NODE_MAJOR}`, 'version', '--json'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (listed.status !== 0) {
    log(
      `Node ${SECOND_NODE_MAJOR} could not be looked up in the npm registry (${listed.stderr.trim().split('\n')[0]}).`,
    );
    return false;
  }
  const versions = [JSON.parse(listed.stdout)].flat();
  const version = versions.at(-1);
  const folder = join(cacheFolder(), `node-v${version}`);
  const node = join(folder, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const modules = join(folder, 'app', 'node_modules');
  const done = existsSync(marker()) ? JSON.parse(readFileSync(marker(), 'utf8')) : null;
  if (done?.version === version && done.betterSqlite3 === sqliteVersion(root) && existsSync(done.node)) {
    log(`Node ${version} for the tests is in place (${folder}).`);
    return true;
  }
  if (!existsSync(node)) {
    log(`installing Node ${version} for the tests from the npm registry (${npmPackage()})…`);
    const downloads = mkdtempSync(join(tmpdir(), 'rootlog-node-'));
    try {
      execFileSync(npm, ['pack', `${npmPackage()}@${version}`, '--pack-destination', downloads, '--silent'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        shell: process.platform === 'win32',
      });
      const tarball = join(downloads, `${npmPackage()}-${version}.tgz`);
      mkdirSync(folder, { recursive: true });
      execFileSync('tar', ['xzf', tarball, '-C', folder, '--strip-components=1']);
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  }
  const abi = Number(execFileSync(node, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).trim());
  const result = buildBetterSqlite3({
    root,
    runtime: 'node',
    target: version,
    abi,
    into: join(modules, 'better-sqlite3'),
    nodedir: folder,
    withScripts: true,
    log,
  });
  if (!result.ok) {
    log(`better-sqlite3 could not be built for Node ${version} (${result.why}).`);
    return false;
  }
  // better-sqlite3's own small dependencies, for a tree of its own.
  const require = createRequire(join(root, 'package.json'));
  for (const name of ['bindings', 'file-uri-to-path']) {
    cpSync(dirname(require.resolve(`${name}/package.json`)), join(modules, name), { recursive: true });
  }
  writeFileSync(marker(), JSON.stringify({ version, node, modules, betterSqlite3: sqliteVersion(root) }, null, 2));
  log(`Node ${version} for the tests installed (better-sqlite3 ${result.how}).`);
  return true;
}
