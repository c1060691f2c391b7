// `npm run typecheck`: each side of the app in a program of its own, as electron-vite's templates
// split them, then what each program read.
//   tsconfig.node.json  db/, electron/ (main, preload), build/: Node's types, no DOM
//   tsconfig.web.json   renderer/: the DOM, no Node
//   tsconfig.e2e.json   e2e/, bench/: Node driving a page, so both
// db/model and electron/shared sit in the first two, so they check without the DOM and without
// Node. A side can still be reached through the back door: a package's declaration that
// references Node's types, or a type import that pulls a Node-side file into the window's
// program. So the list of files each program read is checked too.
//
// `node build/typecheck.mjs --as web path/to/tsconfig.json` checks one config as that side
// (build/typecheck.test.ts proves the checks fail where they should).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const SIDES = {
  node: {
    config: 'tsconfig.node.json',
    mayNotRead: [
      { pattern: /\/typescript\/lib\/lib\.dom\b/, what: 'the DOM\'s types (a package that references lib "dom")' },
    ],
  },
  web: {
    config: 'tsconfig.web.json',
    mayNotRead: [
      { pattern: /\/node_modules\/@types\/node\//, what: "Node's types (a package whose declarations reference them)" },
      {
        pattern: /^(?!.*\/node_modules\/)/,
        what: 'a file outside its own folders (a Node-side file named by an import, even of a type)',
      },
    ],
  },
  e2e: { config: 'tsconfig.e2e.json', mayNotRead: [] },
};

function typecheck(side, config) {
  mkdirSync(join(root, '.tmp', 'tsc'), { recursive: true });
  const name = basename(config, '.json');
  const run = spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      config,
      '--noEmit',
      '--composite',
      'false',
      '--incremental',
      '--tsBuildInfoFile',
      join(root, '.tmp', 'tsc', `${name}.tsbuildinfo`),
      '--listFiles',
      '--pretty',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = `${run.stdout}${run.stderr}`.split('\n');
  const read = lines.filter((line) => line.startsWith('/') && /\.[cm]?tsx?$/.test(line));
  const said = lines
    .filter((line) => !read.includes(line))
    .join('\n')
    .trim();
  if (said) console.log(said);
  let ok = run.status === 0;
  // A probe that extends a side's config may read that side's files too.
  const own = new Set([...ownFiles(config), ...ownFiles(join(root, SIDES[side].config))]);
  for (const rule of SIDES[side].mayNotRead) {
    const found = read.filter((file) => rule.pattern.test(file) && !own.has(file)).sort();
    if (found.length > 0) {
      ok = false;
      console.log(
        `${relative(root, config)} read ${rule.what}: ${found
          .slice(0, 3)
          .map((file) => relative(root, file))
          .join(', ')}${found.length > 3 ? ', …' : ''}. ` +
          `See which import brought it: npx tsc -p ${relative(root, config)} --noEmit --composite false --explainFiles`,
      );
    }
  }
  return ok;
}

/** The files a config names itself (its include and files), as TypeScript reads them. */
function ownFiles(config) {
  const ts = createRequire(import.meta.url)('typescript');
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, host);
  return (parsed?.fileNames ?? []).map((file) => file.replaceAll('\\', '/'));
}

const asIndex = process.argv.indexOf('--as');
// The app imports the compiled catalogues (db/i18n/catalogues/*.ts, not kept in git): written and checked first.
// So does the migrations' list (db/sqlite/migrations/list.ts, derived from their files).
if (asIndex < 0) {
  const { prepareCatalogues } = await import('./i18n.mjs');
  await prepareCatalogues();
  const { writeMigrationList } = await import('./migration-list.mjs');
  writeMigrationList();
}
const runs =
  asIndex >= 0
    ? [[process.argv[asIndex + 1], process.argv[asIndex + 2]]]
    : Object.entries(SIDES).map(([side, { config }]) => [side, join(root, config)]);
let failed = 0;
for (const [side, config] of runs) {
  if (!SIDES[side] || !config) {
    console.log('usage: node build/typecheck.mjs [--as node|web|e2e path/to/tsconfig.json]');
    process.exit(2);
  }
  if (!typecheck(side, resolve(config))) failed++;
}
process.exit(failed > 0 ? 1 : 0);
