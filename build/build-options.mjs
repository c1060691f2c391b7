// esbuild's options for RootLog's Node-side bundles (the CLI, the Electron main process and
// preload, the benchmarks, the dev tools): one place for build.mjs and dev.mjs.

// better-sqlite3 is a native addon: loaded from node_modules at run time, never bundled.
export const nodeBundle = (root) => ({
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
});

/** ESM for top-level await and import.meta (the benchmarks, the dev harness); Playwright stays in node_modules. */
export const esmBundle = (root) => {
  const node = nodeBundle(root);
  return {
    ...node,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    external: [...node.external, '@playwright/test', 'playwright', 'playwright-core'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    define: {},
  };
};
