import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/* electron-builder cannot run here (no Electron download); this checks the configuration it would use. */
const config = readFileSync(join(import.meta.dirname, 'electron-builder.yml'), 'utf8');
const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string; engines?: { node?: string } }>;
};
const installing = readFileSync(join(import.meta.dirname, '..', 'docs', 'desktop.md'), 'utf8');

describe('packaging configuration', () => {
  it('builds Linux AppImage and deb and a Windows NSIS installer', () => {
    expect(config).toMatch(/linux:\n {2}target: \[AppImage, deb\]/);
    expect(config).toMatch(/win:\n {2}target: \[nsis\]/);
    expect(config).toMatch(/appId: org\.rootlog\.desktop/);
    expect(config).toMatch(/productName: RootLog/);
  });
  it('rebuilds better-sqlite3 for Electron and keeps it outside the ASAR', () => {
    expect(config).toMatch(/npmRebuild: true/);
    expect(config).toMatch(/asarUnpack:\n {2}- "\*\*\/node_modules\/better-sqlite3\/\*\*"/);
  });
  it('the installed app loads better-sqlite3 from where electron-builder unpacked its Electron build', () => {
    const locations = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'electron', 'native-binding.json'), 'utf8'),
    );
    // electron/native-binding.ts looks in resources/<packagedFolder>; the ASAR unpacks node_modules/better-sqlite3 there.
    expect(locations.packagedFolder).toBe('app.asar.unpacked/node_modules/better-sqlite3');
    expect(config).toContain(`- "**/${locations.packagedFolder.replace('app.asar.unpacked/', '')}/**"`);
    // The source tree's Electron build is made by setup for `npm start`, never shipped.
    expect(config).not.toContain('.rootlog-electron');
  });
  it('sets the Electron fuses', () => {
    for (const fuse of [
      'runAsNode: false',
      'enableCookieEncryption: true',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
      'enableNodeOptionsEnvironmentVariable: false',
    ]) {
      expect(config).toContain(fuse);
    }
  });
  it('has a 512 px icon', () => {
    const png = readFileSync(join(import.meta.dirname, 'icons', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
  });
  it('the installing guide names Electron and Node as the lock file has them', () => {
    const electron = lock.packages['node_modules/electron']?.version ?? '';
    const named = [...installing.matchAll(/electron-v(\d[\w.]*)|electronVersion=(\d[\w.]*)|Electron (\d+)\b/gi)];
    for (const [text, ...versions] of named) {
      const version = versions.find(Boolean) ?? '';
      expect(
        electron.startsWith(version.replace(/\.x.*$/, '')),
        `docs/desktop.md names ${text}; the lock has ${electron}`,
      ).toBe(true);
    }
    // The rebuild's own requirement, as the guide states it.
    const rebuild = lock.packages['node_modules/@electron/rebuild']?.engines?.node ?? '';
    const needed = /Node (\d+\.\d+) or newer/.exec(installing)?.[1];
    expect(needed, 'docs/desktop.md says which Node builds installers').toBeDefined();
    expect(rebuild).toBe(`>=${needed}.0`);
  });
});
