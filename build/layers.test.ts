import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layers, as imports: a test rather than a lint rule so the message can say why.
 *  - db/model is pure: no Node module, no SQLite, nothing outside db/model but zod.
 *  - db/sqlite (storage) imports only itself and the model: never statistics, exports or services.
 *  - electron/shared is pure too (method list, channels, menu commands): main, preload,
 *    renderer and harness all import it.
 *  - the renderer imports db/ only from db/model (other db/ modules as types), electron/
 *    only from electron/shared (others as types), and only its *-store.ts files call the
 *    API client: components render and ask their store.
 */
const root = join(import.meta.dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

interface Import {
  from: string;
  typeOnly: boolean;
  /** The import as resolved from the project's root ("db/model/index.js"), or the package name. */
  target: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gms)) {
    const [, , typeKeyword, from] = match as unknown as [string, string, string | undefined, string];
    const target = from.startsWith('.') ? relative(root, join(root, file, '..', from)) : from;
    found.push({ from, typeOnly: Boolean(typeKeyword), target });
  }
  return found;
}

const inside = (target: string, folder: string) => target.startsWith(`${folder}/`);

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(importsOf('db/store.ts').map((entry) => entry.target)).toContain('db/sqlite/connection.js');
  });

  it('db/model is pure: zod and itself only', () => {
    for (const file of sources('db/model')) {
      for (const entry of importsOf(file)) {
        expect(
          entry.target === 'zod' || inside(entry.target, 'db/model'),
          `${file} imports ${entry.from}: the model is shared with the renderer and must stay pure`,
        ).toBe(true);
      }
    }
  });

  it('db/sqlite imports only itself, the model and Node or SQLite', () => {
    for (const file of sources('db/sqlite')) {
      for (const entry of importsOf(file)) {
        const allowed =
          inside(entry.target, 'db/sqlite') ||
          inside(entry.target, 'db/model') ||
          entry.target.startsWith('node:') ||
          entry.target === 'better-sqlite3' ||
          entry.target === 'zod';
        expect(
          allowed,
          `${file} imports ${entry.from}: storage must not depend on statistics, exports or services`,
        ).toBe(true);
      }
    }
  });

  it('electron/shared is pure: no Node, no Electron, and from db/ only the model (or types)', () => {
    for (const file of sources('electron/shared')) {
      for (const entry of importsOf(file)) {
        const allowed =
          entry.target === 'zod' ||
          inside(entry.target, 'electron/shared') ||
          inside(entry.target, 'db/model') ||
          entry.target === 'db/exports/options.js' ||
          entry.typeOnly;
        expect(allowed, `${file} imports ${entry.from}: shared files are loaded by the renderer too`).toBe(true);
      }
    }
  });

  it('the renderer reaches db/ and electron/ only through the model and the shared contract', () => {
    for (const file of sources('renderer')) {
      for (const entry of importsOf(file)) {
        if (entry.typeOnly) continue;
        if (inside(entry.target, 'db')) {
          expect(inside(entry.target, 'db/model'), `${file} imports ${entry.from} (only db/model, or types)`).toBe(
            true,
          );
        }
        if (inside(entry.target, 'electron')) {
          expect(inside(entry.target, 'electron/shared'), `${file} imports ${entry.from} (only electron/shared)`).toBe(
            true,
          );
        }
      }
    }
  });

  it('only the renderer’s stores call the API client', () => {
    const callers = sources('renderer').filter((file) =>
      importsOf(file).some((entry) => entry.target === 'renderer/app/api-client.js' && !entry.typeOnly),
    );
    expect(callers.length).toBeGreaterThan(3);
    for (const file of callers) {
      const text = readFileSync(join(root, file), 'utf8');
      const usesClient = /\bclient\./.test(text);
      expect(
        !usesClient || file.endsWith('-store.ts'),
        `${file} calls the API client: ask a *-store.ts instead (screens render, stores talk to the main process)`,
      ).toBe(true);
    }
  });
});
