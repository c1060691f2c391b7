import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  hardenedWebPreferences,
  isLocalDevServer,
  isTrustedUrl,
} from './security.js';

/*
 * Reads the Electron sources and the built bundles: fails if a window could be created
 * without the hardened webPreferences, if a known-dangerous switch appears, or if the
 * page's Content-Security-Policy is missing or loosened.
 */
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const electronSources = readdirSync(join(root, 'electron'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => [name, read(`electron/${name}`)] as const);

describe('Electron hardening', () => {
  it('every window gets the hardened webPreferences', () => {
    const prefs = hardenedWebPreferences('/preload.cjs', false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    let windows = 0;
    for (const [name, source] of electronSources) {
      for (const match of source.matchAll(/new BrowserWindow\(\{([\s\S]*?)\n {2}\}\);/g)) {
        windows++;
        expect(match[1], `a BrowserWindow in ${name}`).toMatch(/webPreferences: hardenedWebPreferences\(/);
      }
    }
    expect(windows).toBeGreaterThan(0);
    const bundle = read('dist/electron/main.cjs');
    expect(bundle.match(/new import_electron\.BrowserWindow\(/g)?.length).toBe(windows);
    expect(bundle).toMatch(/contextIsolation: true,\s+sandbox: true,\s+nodeIntegration: false/);
  });

  it('nothing turns a protection off or opens links unchecked', () => {
    for (const [name, source] of [...electronSources, ['main.cjs', read('dist/electron/main.cjs')] as const]) {
      expect(source, name).not.toMatch(
        /webSecurity:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|allowRunningInsecureContent:\s*true/,
      );
      expect(source, name).not.toMatch(/shell\.openExternal|openExternal\(/);
    }
  });

  it('navigation, new windows and permission requests are all refused', () => {
    const main = read('electron/main.ts');
    expect(main).toMatch(/contents\.on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
  });

  it('IPC runs nothing for a sender that is not the app’s own page', () => {
    expect(read('electron/ipc.ts')).toMatch(/if \(!isTrustedUrl\(event\.senderFrame\?\.url\)\)/);
    expect(isTrustedUrl('app://rootlog/index.html')).toBe(true);
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://other/index.html',
      'devtools://devtools',
      '',
      undefined,
    ]) {
      expect(isTrustedUrl(url)).toBe(false);
    }
  });

  it('the preload exposes only the API and menu commands, never ipcRenderer itself', () => {
    const preload = read('electron/preload.ts');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(2);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer[,)]/);
    const bundle = read('dist/electron/preload.cjs');
    expect(bundle.match(/require\("([^"]+)"\)/g)).toEqual(['require("electron")']);
  });
});

describe('the development loop never reaches a packaged app', () => {
  it('the page comes from a dev server only with --dev outside a packaged app, and only from this computer', () => {
    const main = read('electron/main.ts');
    expect(main).toMatch(/const devMode = process\.argv\.includes\('--dev'\) && !app\.isPackaged;/);
    expect(main).toMatch(
      /const devServer = devMode && isLocalDevServer\(devServerArgument\) \? devServerArgument : undefined;/,
    );
    expect(main.match(/devContentSecurityPolicy\(/g)).toHaveLength(1);
    for (const url of ['http://127.0.0.1:5173', 'http://localhost:40005']) expect(isLocalDevServer(url)).toBe(true);
    for (const url of [
      'https://127.0.0.1:5173',
      'http://example.org:80',
      'http://127.0.0.1:5173/x',
      'http://10.0.0.2:5173',
      undefined,
    ]) {
      expect(isLocalDevServer(url)).toBe(false);
    }
  });

  it('the dev policy adds the hot-reload socket and the page’s inline scripts by hash, nothing else', () => {
    const policy = devContentSecurityPolicy(
      '<script type="module">x()</script><script src="/a.js"></script>',
      'http://127.0.0.1:5173',
    );
    expect(policy).toContain("script-src 'self' 'sha256-");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:5173");
    expect(policy.match(/sha256-/g)).toHaveLength(1);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});

describe('Content-Security-Policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );

  const pagePolicy = (path: string) =>
    /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read(path))?.[1] ?? '';
  // Read inside the test: the built page is made by the global setup (build/vitest-global-setup.ts).
  it.each([
    ['the header', () => CONTENT_SECURITY_POLICY],
    ['the source page', () => pagePolicy('renderer/index.html')],
    ['the built page', () => pagePolicy('dist/renderer/index.html')],
  ])('%s is strict: nothing remote, no inline script, no eval', (_where, policyOf) => {
    const policy = policyOf();
    const csp = directives(policy);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('the built page loads no remote resource and no inline script', () => {
    const html = read('dist/renderer/index.html');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
