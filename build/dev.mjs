// `npm run dev`: the development loop. Vite serves the renderer with hot reload; esbuild watches
// the main process (rebuilt: Electron restarts) and the preload (rebuilt: the page reloads, which
// runs the new preload), as electron-vite does. `npm run dev -- --chromium [--headless]` runs the
// same loop in Debian's Chromium with the real API where Electron cannot run (the main-side
// code rebuilt: the harness restarts). Other arguments go to the app (`-- --db PATH`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context } from 'esbuild';
import { electronEntries } from './build-electron.mjs';
import { esmBundle, nodeBundle } from './build-options.mjs';
import { freePort, onRebuilt, startRendererDevServer } from './dev-server.mjs';
import { electronSqliteProblem } from './electron-sqlite.mjs';
import { prepareCatalogues } from './i18n.mjs';
import { writeMigrationList } from './migration-list.mjs';
import { nodeProblem } from './node-versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const inChromium = argv.includes('--chromium');
const appArguments = argv.filter((argument) => argument !== '--chromium' && argument !== '--headless');

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = inChromium ? null : electronBinary();
const problem =
  nodeProblem('development loop') ??
  (inChromium || electron
    ? null
    : 'RootLog cannot run in Electron here because the Electron binary is not installed: run "npm run dev -- --chromium" for the same loop in Chromium, or "npm run setup" on a machine with internet access.') ??
  (inChromium ? null : electronSqliteProblem(root));
if (problem) {
  console.error(problem);
  process.exit(1);
}

// The bundles import the compiled catalogues and the migrations' list, which git does not keep.
await prepareCatalogues();
writeMigrationList();

const port = await freePort();
const { server, url } = await startRendererDevServer({ root, port });
console.log(`dev: the renderer is served by Vite at ${url} with hot reload`);

let child = null;
let stopping = false;
const contexts = [];

function launch() {
  child = inChromium
    ? spawn(
        process.execPath,
        [join(root, 'dist', 'dev', 'chromium.mjs'), '--dev-server', url, ...argv.filter((a) => a !== '--chromium')],
        {
          cwd: root,
          stdio: 'inherit',
        },
      )
    : spawn(electron, [join(root, 'dist', 'electron', 'main.cjs'), '--dev', '--dev-server', url, ...appArguments], {
        cwd: root,
        stdio: 'inherit',
      });
  const running = child;
  running.on('exit', (code) => {
    // Closed by the person (not by a restart): the loop ends with it.
    if (running === child && !stopping) void stop(code ?? 0);
  });
}

function restart() {
  const old = child;
  child = null;
  if (old && old.exitCode === null) {
    old.once('exit', launch);
    old.kill('SIGTERM');
  } else launch();
}

/** Resolves `first` at the first successful build; calls `then` after every later one. */
const afterBuilds = (name, first, then) => ({
  name,
  setup(build) {
    let built = false;
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      if (built) then();
      else first();
      built = true;
    });
  },
});

const bundles = inChromium
  ? [{ ...esmBundle(root), entryPoints: ['e2e/dev-chromium.ts'], outfile: 'dist/dev/chromium.mjs' }]
  : electronEntries(nodeBundle(root));
const firstBuilds = bundles.map(
  (options) =>
    new Promise((first) => {
      const action = onRebuilt(options.outfile);
      const plugin = afterBuilds(options.outfile, first, () => {
        console.log(`dev: ${options.outfile} rebuilt: ${action === 'reload' ? 'reloading the page' : 'restarting'}`);
        if (action === 'reload') server.ws.send({ type: 'full-reload' });
        else restart();
      });
      // watch() makes the first build itself, then one after every change to a file the bundle reads.
      void context({ ...options, plugins: [plugin] }).then((watched) => {
        contexts.push(watched);
        return watched.watch();
      });
    }),
);
await Promise.all(firstBuilds);
launch();

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(contexts.map((watched) => watched.dispose()));
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
