// Vite builds the renderer into dist/renderer (relative paths: served from app://rootlog/);
// the same configuration serves it in development with hot reload (dev-server.mjs).
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export function rendererConfig(root) {
  return {
    configFile: false,
    root: `${root}/renderer`,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: `${root}/dist/renderer`, emptyOutDir: true, sourcemap: true, target: 'chrome120' },
  };
}

export function buildRenderer(root) {
  return build(rendererConfig(root));
}
