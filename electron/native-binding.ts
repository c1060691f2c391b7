import { join } from 'node:path';
import locations from './native-binding.json';

/*
 * The Electron build of better-sqlite3's addon, which the main process loads (its ABI is not
 * Node's; db/sqlite/native-binding.ts). In a source tree it sits beside Node's build, made by
 * `npm run setup:electron`; in an installed app electron-builder rebuilt better-sqlite3 for
 * Electron in place and unpacked it from the ASAR archive (a native addon cannot be loaded
 * from inside one).
 */

export interface AppLocation {
  /** app.isPackaged */
  packaged: boolean;
  /** process.resourcesPath: the installed app's resources folder. */
  resourcesPath: string;
  /** The source tree's root (the folder with package.json), two levels above dist/electron/main.cjs. */
  sourceRoot: string;
}

export function electronSqliteAddon(where: AppLocation): string {
  return where.packaged
    ? join(where.resourcesPath, locations.packagedFolder, locations.addon)
    : join(where.sourceRoot, locations.sourceTreeFolder, locations.addon);
}
