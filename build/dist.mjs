// `npm run dist`: the installers (electron-builder, build/electron-builder.yml). electron-builder
// rebuilds better-sqlite3 for Electron in place inside the packaged app with @electron/rebuild,
// whose version 4 needs Node 22.12 or newer: said in one sentence before anything is built.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installerNode, nodeProblem } from './node-versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const problem = nodeProblem(
  'installer build (electron-builder with @electron/rebuild)',
  process.version,
  installerNode(),
);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const built = run([join(root, 'build', 'build.mjs')]);
if (built !== 0) process.exit(built);
process.exit(
  run([
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    join(root, 'build', 'electron-builder.yml'),
    ...process.argv.slice(2),
  ]),
);
