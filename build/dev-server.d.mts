// Types of dev-server.mjs for the tests that import it.
import type { ViteDevServer } from 'vite';
export function freePort(): Promise<number>;
export function startRendererDevServer(options: {
  root: string;
  port: number;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}): Promise<{ server: ViteDevServer; url: string }>;
export function onRebuilt(outfile: string): 'reload' | 'restart';
