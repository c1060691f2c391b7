// Vite builds the renderer into dist/renderer (relative paths: served from app://rootlog/).
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export function buildRenderer(root) {
  return build({
    configFile: false,
    root: `${root}/renderer`,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: `${root}/dist/renderer`, emptyOutDir: true, sourcemap: true, target: 'chrome120' },
  });
}
