// esbuild for the Electron main process and the sandboxed preload (one bundled CJS file each).
import { build } from 'esbuild';

/** The two bundles' options: [main process, preload] (dev.mjs watches the same ones). */
export function electronEntries(node) {
  return [
    { ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
    // A sandboxed preload can require only 'electron': everything else must be bundled in.
    {
      ...node,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      external: ['electron'],
      // Nothing here uses import.meta, and the sandbox's require has no 'node:url'.
      banner: {},
      define: {},
      platform: 'node',
    },
  ];
}

export function buildElectron(node) {
  return Promise.all(electronEntries(node).map((options) => build(options)));
}
