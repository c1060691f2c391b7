import { createHash } from 'node:crypto';
import type { WebPreferences } from 'electron';

/*
 * The security settings every RootLog window gets (Electron's security checklist), in one
 * place so main.ts cannot drift from them and security.test.ts can check them.
 */

/** The app's own origin: pages are served from the bundle through this privileged scheme. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rootlog';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function hardenedWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  };
}

/**
 * No remote anything: scripts, styles, images and fonts only from the app itself, no
 * inline script, no eval, no frames, no forms posting anywhere, no network connections.
 * (Inline styles are allowed for React's style attributes and the charting library.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');

/** True only for a frame showing the app's own pages. */
export function isTrustedUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // Compare scheme and host, not `origin`: URL gives "null" as the origin of non-web schemes.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The page's policy while developing (`npm run dev`; never in a packaged app): the production
 * policy plus Vite's hot-reload socket, and the page's own inline scripts (React's refresh
 * preamble, which Vite writes into the page) by their hash. Nothing else is loosened: no
 * remote origin, no eval, no other inline script.
 */
export function devContentSecurityPolicy(html: string, devServer: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, code]) =>
      `'sha256-${createHash('sha256')
        .update(code ?? '')
        .digest('base64')}'`,
  );
  const socket = devServer.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => {
      if (directive === "script-src 'self'") return [directive, ...hashes].join(' ');
      if (directive === "connect-src 'self'") return `${directive} ${socket}`;
      return directive;
    })
    .join('; ');
}

/** A dev server the main process may load its page from: Vite on this computer only. */
export function isLocalDevServer(url: string | undefined): url is string {
  return typeof url === 'string' && /^http:\/\/(127\.0\.0\.1|localhost):\d{2,5}$/.test(url);
}
