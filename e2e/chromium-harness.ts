import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { memoryVault } from '../db/hub/console-key.js';
import { openStore } from '../db/store.js';
import { createApi } from '../electron/api.js';
import { DoseReceiverService } from '../electron/dose-receiver-service.js';
import { HubSync } from '../electron/hub-sync.js';
import { RisService } from '../electron/ris-service.js';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../electron/security.js';
import { API_METHODS, type ApiMethodName } from '../electron/shared/api-contract.js';
import { WINDOW_API_NAME } from '../electron/shared/channels.js';
import { WorklistService } from '../electron/worklist-service.js';

/*
 * RootLog in plain Chromium: the built renderer served with the production CSP, and the
 * real createApi(store) on a database file bound into the page as the window API.
 * Used by the e2e fixture (when there is no Electron binary) and by the UI benchmark.
 */

/** The built renderer next to this source file (callers bundled elsewhere pass their own). */
const DEFAULT_RENDERER_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist', 'renderer');
const APP_URL = 'http://rootlog.test/index.html';
/** Longer than any test: a spec refreshes the worklist by key when it wants a new answer. */
const WORKLIST_REFRESH_MS = 10 * 60_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The app's own origin is a secure one in Electron (a privileged scheme); so it is here, for
  // the clipboard the report is copied with.
  '--unsafely-treat-insecure-origin-as-secure=http://rootlog.test',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export async function openInChromium(
  browser: Browser,
  dbPath: string,
  rendererDir = DEFAULT_RENDERER_DIR,
  /** `npm run dev -- --chromium`: the page from Vite's dev server (hot reload) instead of the built files. */
  { devServer }: { devServer?: string } = {},
): Promise<{ page: Page; close: () => Promise<void> }> {
  const store = openStore(dbPath);
  // As the Electron main process does: the page check starts at once, off this thread.
  void store.verify();
  const exportDir = mkdtempSync(join(tmpdir(), 'rootlog-e2e-export-'));
  // Files go to a temporary folder, as if chosen in the save dialog: the main side picks
  // them, exactly as in Electron; the page's request never carries a path.
  const printed: { page?: Page } = {};
  // The hub password and the console's signing key are kept in memory here (Electron keeps
  // them with the OS keychain).
  let hubPassword: string | null = null;
  const hub = new HubSync(store, {
    passwords: { get: () => hubPassword, set: (password) => (hubPassword = password) },
    vault: memoryVault(),
    actor: () => 'Dr. E2E',
  });
  hub.prepareKey();
  // As the main process does: the worklist asked at once, then now and then.
  const worklist = new WorklistService(store);
  worklist.start(WORKLIST_REFRESH_MS);
  // The RIS outbox: sent at each signing and by "Send now" (the spec decides when the RIS answers).
  const ris = new RisService(store);
  // The dose report receiver as the main process runs it, on 127.0.0.1 only.
  const doseReceiver = new DoseReceiverService(store, { host: '127.0.0.1' });
  await doseReceiver.apply();
  const api = createApi(store, {
    hub,
    worklist,
    ris,
    doseReceiver,
    actor: () => 'Dr. E2E',
    chooseExportPath: async (name) => join(exportDir, name),
    chooseBackupPath: async (name) => join(exportDir, name),
    // As if a folder were chosen in the folder dialog: a fresh one for each page.
    chooseBackupFolder: async () => mkdtempSync(join(tmpdir(), 'rootlog-e2e-backups-')),
    // As Electron prints the window with Chromium (webContents.printToPDF), the harness prints
    // the page with Chromium (page.pdf), into the same temporary folder.
    printToPdf: async (name) => {
      const path = join(exportDir, name);
      await printed.page?.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
      return path;
    },
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The report is copied for the RIS with the clipboard, as Electron allows its own window to.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://rootlog.test' });
  const page = await context.newPage();
  printed.page = page;
  // Serve the built renderer with the production CSP; nothing else is reachable.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host !== 'rootlog.test') return route.abort('blockedbyclient');
    if (devServer) {
      // As the Electron main process does in development: the dev server's answer, the dev policy on the page.
      const { host: _host, ...headers } = route.request().headers();
      const response = await route.fetch({ url: `${devServer}${url.pathname}${url.search}`, headers });
      const body = await response.body();
      const html = (response.headers()['content-type'] ?? '').startsWith('text/html');
      return route.fulfill({
        status: response.status(),
        body,
        headers: {
          'content-type': response.headers()['content-type'] ?? 'application/octet-stream',
          'content-security-policy': html
            ? devContentSecurityPolicy(body.toString('utf8'), devServer)
            : CONTENT_SECURITY_POLICY,
        },
      });
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file))
      return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
  await page.exposeFunction('__rootlogCall', async (method: string, args: unknown[]) => {
    if (!(API_METHODS as readonly string[]).includes(method))
      return { error: { code: 'internal', message: `Unknown method ${method}` } };
    return api.call(method as ApiMethodName, args);
  });
  // The same shape the preload exposes in Electron: one call by method name.
  await page.addInitScript((name) => {
    const call = (method: string, args: unknown[]) =>
      (window as unknown as { __rootlogCall: (m: string, a: unknown[]) => Promise<unknown> }).__rootlogCall(
        method,
        args,
      );
    Object.defineProperty(window, name, { value: Object.freeze({ call }) });
  }, WINDOW_API_NAME);
  await page.goto(APP_URL);
  return {
    page,
    close: async () => {
      worklist.stop();
      await context.close();
      await ris.stop();
      await doseReceiver.stop();
      store.close();
    },
  };
}
