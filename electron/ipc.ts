import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isTrustedUrl } from './security.js';
import { API_METHODS, type ApiMethodName, channelOf } from './shared/api-contract.js';

/**
 * Registers every method of the contract with ipcMain.handle, all through the one
 * dispatcher (api.ts: arguments parsed once, errors as data). Before anything runs, the
 * sender frame must be the app's own page (not a navigated-away or injected frame).
 */
export function registerIpc(
  ipcMain: IpcMain,
  call: (method: ApiMethodName, args: unknown[]) => Promise<unknown>,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedUrl(event.senderFrame?.url)) {
        return { error: { code: 'internal', message: 'Request refused: it did not come from RootLog’s own window.' } };
      }
      return call(method, args);
    });
  }
}
