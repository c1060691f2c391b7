/*
 * The names the window and the main process meet under. Kept apart from the contract (which
 * carries zod and every schema) so the sandboxed preload stays a few lines: it forwards
 * calls by name and the main side checks the name, the sender and the arguments.
 */

/** The IPC channel of a method: one channel per method, all under the app's own prefix. */
export const channelOf = (method: string): string => `rootlog:${method}`;

/** The name the API is exposed under in the renderer's window. */
export const WINDOW_API_NAME = 'rootlog';

/** What the preload (Electron) or the harness (Chromium) puts on the window: one call by method name. */
export interface WindowApi {
  call(method: string, args: unknown[]): Promise<unknown>;
}
