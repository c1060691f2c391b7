// The renderer in development: Vite's dev server with React's hot reload, on this computer only,
// with the same configuration the build uses (build-renderer.mjs).
import { createServer as createNetServer } from 'node:net';
import { createServer } from 'vite';
import { rendererConfig } from './build-renderer.mjs';

/**
 * The page's Content-Security-Policy is a header in development: the Electron main process and
 * the Chromium harness send the dev policy (electron/security.ts, devContentSecurityPolicy:
 * the production one plus the hot-reload socket and, by hash, React's refresh preamble). The
 * production page's own <meta> policy would refuse the preamble, so the dev server leaves it out.
 */
const pagePolicyAsHeader = {
  name: 'rootlog:page-policy-as-header',
  transformIndexHtml: {
    order: 'pre',
    handler: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>\s*/, ''),
  },
};

/** A free TCP port on 127.0.0.1 (asked of the system, never guessed). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts Vite on 127.0.0.1:port for the renderer under `root` (the source tree); resolves when it listens. */
export async function startRendererDevServer({ root, port, logLevel = 'info' }) {
  const config = rendererConfig(root);
  const server = await createServer({
    ...config,
    logLevel,
    clearScreen: false,
    plugins: [...config.plugins, pagePolicyAsHeader],
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      hmr: { protocol: 'ws', host: '127.0.0.1', clientPort: port },
    },
  });
  await server.listen();
  return { server, url: `http://127.0.0.1:${port}` };
}

/** What a rebuilt bundle asks of the running app: the page reloaded (the preload runs anew with it) or the process restarted. */
export function onRebuilt(outfile) {
  return outfile.endsWith('preload.cjs') ? 'reload' : 'restart';
}
