// esbuild for the Electron main process and the sandboxed preload (one bundled CJS file each).
import { build } from 'esbuild';

export function buildElectron(node) {
  return Promise.all([
    build({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
    // A sandboxed preload can require only 'electron': everything else must be bundled in.
    build({
      ...node,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      external: ['electron'],
      // Nothing here uses import.meta, and the sandbox's require has no 'node:url'.
      banner: {},
      define: {},
      platform: 'node',
    }),
  ]);
}
