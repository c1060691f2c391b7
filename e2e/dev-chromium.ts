import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, openInChromium } from './chromium-harness.js';

/*
 * `npm run dev -- --chromium`: RootLog in Debian's Chromium where Electron cannot run — the
 * page from Vite's dev server (hot reload), the real API on a real logbook, exactly as the
 * e2e harness binds it. Run by dev.mjs, which restarts it when the main-side code changes.
 * Arguments: --dev-server URL, --db PATH, --headless.
 */
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const devServer = argument('--dev-server');
const db = resolve(argument('--db') ?? '.tmp/dev/rootlog.sqlite');
if (!devServer) throw new Error('dev-chromium needs --dev-server URL');
mkdirSync(dirname(db), { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.ROOTLOG_CHROMIUM ?? '/usr/bin/chromium',
  headless: process.argv.includes('--headless'),
  // The page (http://rootlog.test) reaches Vite's hot-reload socket on 127.0.0.1: Chromium's
  // local network access check would refuse a public origin that; development only.
  args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'],
});
const { page, close } = await openInChromium(browser, db, undefined, { devServer });
// What the page says (Vite's "[vite] hot updated …", React's warnings) goes to this terminal.
page.on('console', (message) => console.log(`page: ${message.text()}`));
page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
page.on('requestfailed', (request) =>
  console.log(`page request failed: ${request.url()} (${request.failure()?.errorText})`),
);
page.on('websocket', (socket) => console.log(`page websocket: ${socket.url()}`));
// The harness opened the page before these listeners existed: once more, heard from the start.
await page.reload();
// The first start of a fresh tree bundles the dependencies first (Vite's optimizer): give it time.
await page.locator('.brand, .startup-error, h1').first().waitFor({ timeout: 180_000 });
console.log(`dev: RootLog is open in Chromium on ${db}`);

let closing = false;
const shutDown = async () => {
  if (closing) return;
  closing = true;
  await close().catch(() => {});
  await browser.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', () => void shutDown());
process.on('SIGINT', () => void shutDown());
browser.on('disconnected', () => void shutDown());
