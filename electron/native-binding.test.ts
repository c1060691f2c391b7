import { describe, expect, it } from 'vitest';
import { electronSqliteAddon } from './native-binding.js';

describe('the Electron build of better-sqlite3 the main process loads', () => {
  it('in a source tree: beside Node’s build, never Node’s own', () => {
    const path = electronSqliteAddon({ packaged: false, resourcesPath: '/ignored', sourceRoot: '/home/it/rootlog' });
    expect(path).toBe(
      '/home/it/rootlog/node_modules/.rootlog-electron/better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(path).not.toBe('/home/it/rootlog/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  });

  it('in an installed app: the build electron-builder made, unpacked from the ASAR', () => {
    expect(
      electronSqliteAddon({ packaged: true, resourcesPath: '/opt/RootLog/resources', sourceRoot: '/ignored' }),
    ).toBe('/opt/RootLog/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  });
});
