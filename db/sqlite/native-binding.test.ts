import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkDatabase } from '../maintenance.js';
import { openStore } from '../store.js';
import { openReadOnly } from './connection.js';
import { quickCheckInWorker } from './integrity.js';
import { nativeBinding, setNativeBinding } from './native-binding.js';

/*
 * The Electron main process loads better-sqlite3's addon from a build of its own (its ABI
 * differs from Node's): every connection RootLog opens must take the addon from
 * setNativeBinding, or the app dies at its first query with "compiled against a different
 * Node.js version". Node's own build, copied elsewhere, stands in for Electron's here.
 */

const root = join(import.meta.dirname, '..', '..');
const nodeBuild = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const temp = () => mkdtempSync(join(tmpdir(), 'rootlog-binding-'));

afterEach(() => setNativeBinding(undefined));

describe('the native binding every connection loads', () => {
  it('is better-sqlite3’s own build unless the main process names one', () => {
    expect(nativeBinding()).toBeUndefined();
  });

  it('every `new Database` in RootLog passes nativeBinding (an opener that forgot would load Node’s build in Electron)', () => {
    const sources = ['db', 'electron']
      .flatMap((folder) =>
        readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
          .map((entry) => join(entry.parentPath, entry.name)),
      )
      .filter((file) => !file.includes(`${join('db', 'testing')}`));
    let openers = 0;
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new Database\(([^;]*?)\);/gs)) {
        openers += 1;
        expect(match[1], `${relative(root, file)}: new Database(${match[1]})`).toMatch(/nativeBinding/);
      }
    }
    expect(openers).toBeGreaterThanOrEqual(5);
  });

  it('a store, its snapshots, a backup, a check and the page check all work from a build in another folder', async () => {
    const elsewhere = join(temp(), 'better_sqlite3.node');
    copyFileSync(nodeBuild, elsewhere);
    setNativeBinding(elsewhere);
    const folder = temp();
    const store = openStore(join(folder, 'rootlog.sqlite'));
    try {
      expect(await store.snapshot((read) => read.prepare('SELECT count(*) FROM procedures').pluck().get())).toBe(0);
      expect((await store.verify()).state).toBe('sound');
      const backup = await backupDatabase(store, join(folder, 'backup.sqlite'));
      expect(backup.integrity).toBe('ok');
      expect(checkDatabase(backup.path).integrity).toEqual(['ok']);
    } finally {
      store.close();
    }
    // The addon was loaded from the copy (Linux lists every mapped file of the process).
    expect(readFileSync('/proc/self/maps', 'utf8')).toContain(elsewhere);
  });

  it('a named build that cannot be loaded is used, not silently replaced by Node’s', async () => {
    const folder = temp();
    const path = join(folder, 'rootlog.sqlite');
    openStore(path).close();
    setNativeBinding(join(folder, 'missing', 'better_sqlite3.node'));
    expect(() => openStore(path)).toThrow(/could not be opened/);
    expect(() => openReadOnly(path)).toThrow(/missing/);
    // The page check's worker cannot start its connection: the caller then checks in-thread.
    expect(await quickCheckInWorker(path)).toBeUndefined();
    setNativeBinding(undefined);
    expect(await quickCheckInWorker(path)).toEqual([]);
  });
});
