/*
 * Which build of better-sqlite3's native addon every connection loads. A native addon is
 * built for one runtime's ABI: Node (the command line, the tests) keeps better-sqlite3's own
 * build in node_modules; the Electron main process, whose NODE_MODULE_VERSION differs, names
 * its own build once at start (electron/native-binding.ts), before any file is opened. Every
 * `new Database` in RootLog passes `nativeBinding: nativeBinding()`.
 */

let binding: string | undefined;

/** Loads the addon from this file from now on (the Electron main process, at start). */
export function setNativeBinding(path: string | undefined): void {
  binding = path;
}

/** better-sqlite3's `nativeBinding` option: undefined keeps better-sqlite3's own build. */
export const nativeBinding = (): string | undefined => binding;
