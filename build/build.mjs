// Builds RootLog's parts: `node build/build.mjs [cli|bench|electron|renderer ...]` (no argument: all).
// esbuild bundles the Node-side entry points; Vite builds the renderer.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const requested = process.argv.slice(2);
const wants = (part) => requested.length === 0 || requested.includes(part);

// better-sqlite3 is a native addon: loaded from node_modules at run time, never bundled.
const node = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3', 'electron', 'pg-native'],
  logLevel: 'warning',
  // The sources are ESM; in these CommonJS bundles import.meta.url is this file's URL.
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const jobs = [];
if (wants('cli')) {
  jobs.push(build({ ...node, entryPoints: ['db/cli/rootlog.ts'], outfile: 'dist/cli/rootlog.cjs' }));
}
if (wants('bench')) {
  const entries = readdirSync(`${root}/bench`).filter((name) => name.endsWith('.bench.ts'));
  jobs.push(
    build({
      ...node,
      entryPoints: entries.map((name) => `bench/${name}`),
      outdir: 'dist/bench',
      // ESM for top-level await and import.meta; Playwright stays in node_modules.
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      external: [...node.external, '@playwright/test', 'playwright', 'playwright-core'],
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      define: {},
    }),
  );
}
if (wants('electron')) {
  const { buildElectron } = await import('./build-electron.mjs');
  jobs.push(buildElectron(node));
}
if (wants('renderer')) {
  const { buildRenderer } = await import('./build-renderer.mjs');
  jobs.push(buildRenderer(root));
}
await Promise.all(jobs);
