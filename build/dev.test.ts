import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../electron/security.js';
import { freePort, onRebuilt, startRendererDevServer } from './dev-server.mjs';

/*
 * The development loop as far as it runs here (no Electron binary): Vite's dev server serves
 * the real renderer with the dev policy's pieces, a rebuilt preload reloads the page and a
 * rebuilt main process restarts, and `npm run dev -- --chromium` opens RootLog in Chromium on
 * the real API, takes a renderer change as a hot update and a main-side change as a restart.
 */
const root = join(import.meta.dirname, '..');

describe('the development loop', () => {
  it('a rebuilt preload reloads the page; a rebuilt main process (or harness) restarts', () => {
    expect(onRebuilt('dist/electron/preload.cjs')).toBe('reload');
    expect(onRebuilt('dist/electron/main.cjs')).toBe('restart');
    expect(onRebuilt('dist/dev/chromium.mjs')).toBe('restart');
  });

  it('the dev server serves the page with hot reload, and the dev policy admits exactly its inline preamble', async () => {
    const port = await freePort();
    const { server, url } = await startRendererDevServer({ root, port, logLevel: 'silent' });
    try {
      const page = await (await fetch(`${url}/index.html`)).text();
      expect(page).toContain('/@vite/client');
      expect(page).toContain('injectIntoGlobalHook');
      // The production page's own <meta> policy would refuse the preamble: the header carries the dev one.
      expect(page).not.toContain('Content-Security-Policy');
      const main = await (await fetch(`${url}/main.tsx`)).text();
      expect(main).toMatch(/import .*\/app\/App\.tsx/);
      const [, preamble = ''] = /<script type="module">([\s\S]*?)<\/script>/.exec(page) ?? [];
      const policy = devContentSecurityPolicy(page, url);
      expect(policy).toContain(`'sha256-${createHash('sha256').update(preamble).digest('base64')}'`);
      expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
      // Nothing else differs from the production policy.
      const rest = (text: string) =>
        text
          .split('; ')
          .filter((directive) => !/^(script|connect)-src/.test(directive))
          .join('; ');
      expect(rest(policy)).toBe(rest(CONTENT_SECURITY_POLICY));
      expect(policy).not.toMatch(/unsafe-inline'[^;]*script|unsafe-eval|https?:/);
    } finally {
      await server.close();
    }
  });

  it('npm run dev -- --chromium: RootLog opens, a renderer change is a hot update, a main-side change a restart', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rootlog-dev-')), 'rootlog.sqlite');
    const dev: ChildProcess = spawn(
      process.execPath,
      [join(root, 'build', 'dev.mjs'), '--chromium', '--headless', '--db', db],
      { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    const waiters: { pattern: RegExp; done: () => void }[] = [];
    const hear = (chunk: Buffer) => {
      log += chunk.toString();
      for (const waiter of waiters.filter(({ pattern }) => pattern.test(log))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
    };
    dev.stdout?.on('data', hear);
    dev.stderr?.on('data', hear);
    const heard = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(log)) return resolve();
        waiters.push({ pattern, done: resolve });
        dev.once('exit', (code) => reject(new Error(`npm run dev ended (${code}) before ${pattern}:\n${log}`)));
      });
    // The same bytes written again: a change the watchers see, nothing in the tree changed.
    const touch = (path: string) => writeFileSync(join(root, path), readFileSync(join(root, path)));
    try {
      await heard(/dev: RootLog is open in Chromium on /);
      expect(log).toMatch(/page: \[vite\] connected\./);
      touch('renderer/app/theme.css');
      await heard(/page: \[vite\] hot updated: \/app\/theme\.css/);
      // The harness bundle reads the API's code: a change there restarts it, and the page connects again.
      touch('electron/api.ts');
      await heard(/dev: dist\/dev\/chromium\.mjs rebuilt: restarting/);
      await heard(/restarting[\s\S]*dev: RootLog is open in Chromium on /);
    } finally {
      if (dev.pid) process.kill(-dev.pid, 'SIGTERM');
    }
  });
});
