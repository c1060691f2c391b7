// `npm start`: checks that RootLog can launch here, builds it, and launches it in Electron —
// or says in one sentence why it cannot and what to run, and exits 1. Arguments after `--` go
// to the app (`npm start -- --db PATH`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteProblem } from './electron-sqlite.mjs';
import { nodeProblem } from './node-versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electronPath = electronBinary();
const problem =
  nodeProblem('start') ??
  (electronPath
    ? null
    : 'RootLog cannot start here because the Electron binary is not installed (it could not be downloaded on this machine); run "npm run setup -- --tests && npm test" to test the app in Chromium, or run "npm run setup" on a machine with internet access.') ??
  electronSqliteProblem(root);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const built = spawnSync(process.execPath, [join(root, 'build', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(electronPath, [join(root, 'dist', 'electron', 'main.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
