// Builds RootLog's parts: `node build/build.mjs [cli|bench|electron|renderer ...]` (no argument: all).
// esbuild bundles the Node-side entry points; Vite builds the renderer.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esmBundle, nodeBundle } from './build-options.mjs';
import { prepareCatalogues } from './i18n.mjs';
import { writeMigrationList } from './migration-list.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const requested = process.argv.slice(2);
const wants = (part) => requested.length === 0 || requested.includes(part);

const node = nodeBundle(root);

// Every bundle imports the compiled catalogues and the migrations' list: they are written (and checked) first.
await prepareCatalogues();
writeMigrationList();

const jobs = [];
if (wants('cli')) {
  jobs.push(build({ ...node, entryPoints: ['db/cli/rootlog.ts'], outfile: 'dist/cli/rootlog.cjs' }));
}
if (wants('bench')) {
  const entries = readdirSync(`${root}/bench`).filter((name) => name.endsWith('.bench.ts'));
  jobs.push(build({ ...esmBundle(root), entryPoints: entries.map((name) => `bench/${name}`), outdir: 'dist/bench' }));
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
