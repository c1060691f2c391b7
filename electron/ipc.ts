import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Api } from './api.js';
import { API_METHODS, type ApiMethodName, channelOf } from './api-methods.js';
import { isTrustedUrl } from './security.js';

type Handler = (...args: unknown[]) => Promise<unknown>;

/**
 * Registers every API method with ipcMain.handle. Before anything runs, the sender frame
 * must be the app's own page (not a navigated-away or injected frame). `overrides` replace a
 * method on the Electron side only (backup asks the user for the file with a native dialog
 * instead of trusting a path from the renderer).
 */
export function registerIpc(ipcMain: IpcMain, api: Api, overrides: Partial<Record<ApiMethodName, Handler>> = {}): void {
  for (const method of API_METHODS) {
    const [group, name] = method.split('.') as [keyof Api, string];
    const implementation = overrides[method] ?? ((api[group] as Record<string, Handler>)[name] as Handler);
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedUrl(event.senderFrame?.url)) {
        return { error: { code: 'internal', message: 'Request refused: it did not come from RootLog’s own window.' } };
      }
      return implementation(...args);
    });
  }
}
