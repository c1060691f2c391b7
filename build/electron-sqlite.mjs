// better-sqlite3 for another runtime, built beside (never over) the build `npm ci` made for this
// Node: the Electron main process loads its own (electron/native-binding.ts), and the command
// line is tested on a second Node LTS with one of its own (build/second-node.mjs). A native
// addon works only for the NODE_MODULE_VERSION (ABI) it was built for.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where the Electron build lives (shared with the main process: electron/native-binding.json). */
export function electronSqliteLocations(root = defaultRoot) {
  const locations = JSON.parse(readFileSync(join(root, 'electron', 'native-binding.json'), 'utf8'));
  const folder = join(root, locations.sourceTreeFolder);
  return { folder, addon: join(folder, locations.addon), addonInPackage: locations.addon };
}

/**
 * The NODE_MODULE_VERSION a native addon was built for, read from its bytes without loading it:
 * every addon that is not N-API (better-sqlite3 is not) exports the symbol
 * `node_register_module_v<ABI>` (ELF, Mach-O and PE alike). null when the file has none.
 */
export function addonAbi(path) {
  const found = /node_register_module_v(\d+)/.exec(readFileSync(path).toString('latin1'));
  return found ? Number(found[1]) : null;
}

/** The installed Electron's version and NODE_MODULE_VERSION (node-abi's table, else Electron's own abi_version file). */
export function installedElectron(root = defaultRoot) {
  const folder = join(root, 'node_modules', 'electron');
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  let abi = null;
  try {
    abi = Number(createRequire(join(root, 'package.json'))('node-abi').getAbi(version, 'electron'));
  } catch {
    const file = join(folder, 'abi_version');
    if (existsSync(file)) abi = Number(readFileSync(file, 'utf8').trim());
  }
  return { version, abi: Number.isInteger(abi) ? abi : null };
}

const SETUP_ELECTRON = '"npm run setup:electron"';

/**
 * Why `npm start` cannot launch Electron with this tree's Electron build of better-sqlite3, in
 * one sentence that names what to run; null when the build is there and fits.
 */
export function electronSqliteProblem(root = defaultRoot) {
  const electron = installedElectron(root);
  const { folder, addon } = electronSqliteLocations(root);
  const sqliteVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
  ).version;
  if (electron.abi === null) {
    return `RootLog cannot start because node-abi does not know Electron ${electron.version}'s NODE_MODULE_VERSION: run "npm update node-abi", then ${SETUP_ELECTRON}.`;
  }
  if (!existsSync(addon)) {
    return `RootLog cannot start because better-sqlite3 has no build for Electron ${electron.version} in this folder yet: run ${SETUP_ELECTRON} on a machine with internet access (it downloads one, or compiles one with node-gyp).`;
  }
  const builtFrom = existsSync(join(folder, 'package.json'))
    ? JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version
    : null;
  if (builtFrom !== sqliteVersion) {
    return `RootLog cannot start because the Electron build of better-sqlite3 was made from version ${builtFrom ?? 'unknown'} and ${sqliteVersion} is installed: run ${SETUP_ELECTRON} to build it again.`;
  }
  const abi = addonAbi(addon);
  if (abi === null) {
    return `RootLog cannot start because ${addon} is not a Node addon (it names no NODE_MODULE_VERSION): run ${SETUP_ELECTRON} to build it again.`;
  }
  if (abi !== electron.abi) {
    return `RootLog cannot start because the Electron build of better-sqlite3 is for NODE_MODULE_VERSION ${abi} and Electron ${electron.version} needs ${electron.abi}: run ${SETUP_ELECTRON} to build it again.`;
  }
  return null;
}

const lastLine = (text) =>
  String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^gyp (info|http)|^prebuild-install info/.test(line))
    .at(-1) ?? '';

/**
 * Builds better-sqlite3 (the version in node_modules) for `runtime` (electron | node) `target`
 * into `into` (package.json + build/Release/better_sqlite3.node): first better-sqlite3's own
 * prebuilt download (prebuild-install), else a compile with node-gyp against the runtime's
 * headers (`nodedir` when they are on disk; Electron's are downloaded). `withScripts` also keeps
 * better-sqlite3's JavaScript (a whole package, for a tree of its own). The folder is replaced
 * only by a build that names the ABI expected; otherwise it is left as it was.
 * Returns { ok, how } or { ok: false, why } in words.
 */
export function buildBetterSqlite3({
  root = defaultRoot,
  runtime,
  target,
  abi,
  into,
  nodedir,
  withScripts = false,
  log = () => {},
}) {
  const require = createRequire(join(root, 'package.json'));
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const addonInPackage = join('build', 'Release', 'better_sqlite3.node');
  const work = `${into}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  copyFileSync(join(source, 'package.json'), join(work, 'package.json'));
  const built = () => existsSync(join(work, addonInPackage)) && addonAbi(join(work, addonInPackage)) === abi;
  const tries = [];

  log(`better-sqlite3 for ${runtime} ${target}: looking for a prebuilt download…`);
  const prebuilt = spawnSync(
    process.execPath,
    [
      require.resolve('prebuild-install/bin.js'),
      '--runtime',
      runtime,
      '--target',
      target,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
    ],
    { cwd: work, encoding: 'utf8', timeout: 180_000, env: forThisBuild(process.env, nodedir) },
  );
  let how = built() ? 'downloaded prebuilt' : null;
  if (!how) tries.push(`no prebuilt download (${lastLine(prebuilt.stderr) || `exit ${prebuilt.status}`})`);

  if (!how) {
    log(`better-sqlite3 for ${runtime} ${target}: compiling with node-gyp (a few minutes)…`);
    for (const entry of ['binding.gyp', 'src', 'deps'])
      cpSync(join(source, entry), join(work, entry), { recursive: true });
    const headers = nodedir
      ? [`--nodedir=${nodedir}`]
      : runtime === 'electron'
        ? ['--dist-url=https://electronjs.org/headers']
        : [];
    const compiled = spawnSync(
      process.execPath,
      [nodeGyp(require), 'rebuild', '--release', `--target=${target}`, `--arch=${process.arch}`, ...headers],
      {
        cwd: work,
        encoding: 'utf8',
        timeout: 30 * 60_000,
        env: { ...forThisBuild(process.env, nodedir), JOBS: process.env.JOBS ?? '2' },
      },
    );
    if (built()) how = 'compiled with node-gyp';
    else
      tries.push(`no compile (${lastLine(compiled.stderr) || lastLine(compiled.stdout) || `exit ${compiled.status}`})`);
  }

  if (!how) {
    rmSync(work, { recursive: true, force: true });
    return { ok: false, why: tries.join('; ') };
  }
  // Only the addon and the version it was made from are kept: not the sources, not the objects.
  const ready = `${into}.ready-${process.pid}`;
  rmSync(ready, { recursive: true, force: true });
  mkdirSync(join(ready, 'build', 'Release'), { recursive: true });
  copyFileSync(join(work, 'package.json'), join(ready, 'package.json'));
  copyFileSync(join(work, addonInPackage), join(ready, addonInPackage));
  if (withScripts) cpSync(join(source, 'lib'), join(ready, 'lib'), { recursive: true });
  rmSync(work, { recursive: true, force: true });
  rmSync(into, { recursive: true, force: true });
  mkdirSync(dirname(into), { recursive: true });
  renameSync(ready, into);
  return { ok: true, how };
}

/**
 * The environment for a build for another runtime. npm hands its configuration to the scripts it
 * runs as npm_config_* variables, and node-gyp and prebuild-install read them: a machine whose npm
 * is set to build against the system's Node headers (`nodedir = /usr`) would compile against
 * Node 20's headers whatever runtime was asked for, and the ABI check would then refuse the
 * result. Only what this build asks for is left to name headers, target and runtime.
 */
export function forThisBuild(env, nodedir) {
  const asked = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i;
  const clean = Object.fromEntries(Object.entries(env).filter(([name]) => !asked.test(name)));
  return nodedir ? { ...clean, npm_config_nodedir: nodedir } : clean;
}

/** node-gyp's entry: the project's, else the one npm ships (npm names it to scripts it runs). */
function nodeGyp(require) {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
    throw new Error('node-gyp is not installed: run "npm ci" first');
  }
}

/** Setup's step when Electron is installed: the Electron build of better-sqlite3, in one line of outcome. */
export function setUpElectronSqlite(root = defaultRoot, log = (line) => console.log(`setup: ${line}`)) {
  if (electronSqliteProblem(root) === null) {
    log('the Electron build of better-sqlite3 is in place.');
    return true;
  }
  const electron = installedElectron(root);
  if (electron.abi === null) {
    log(electronSqliteProblem(root));
    return false;
  }
  const { folder } = electronSqliteLocations(root);
  const result = buildBetterSqlite3({
    root,
    runtime: 'electron',
    target: electron.version,
    abi: electron.abi,
    into: folder,
    log,
  });
  if (result.ok) {
    log(
      `better-sqlite3 for Electron ${electron.version} (NODE_MODULE_VERSION ${electron.abi}) ${result.how}, beside Node's build.`,
    );
    return true;
  }
  log(
    `better-sqlite3 could not be built for Electron ${electron.version} here (${result.why}); "npm start" will say so: run "npm run setup:electron" where GitHub or electronjs.org can be reached.`,
  );
  return false;
}
