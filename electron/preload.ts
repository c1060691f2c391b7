import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, WINDOW_API_NAME, type WindowApi } from './shared/channels.js';
import { isMenuCommand, MENU_API_NAME, MENU_CHANNEL, type MenuCommand } from './shared/menu-commands.js';

// The sandboxed preload: one call by method name, nothing else of Electron or Node. The main
// side registers a channel only for the contract's methods and checks sender and arguments.
const api: WindowApi = {
  call: (method, args) => ipcRenderer.invoke(channelOf(String(method)), ...(Array.isArray(args) ? args : [])),
};
contextBridge.exposeInMainWorld(WINDOW_API_NAME, api);

// Native menu commands, filtered to the known ones; the renderer never sees the IPC event.
contextBridge.exposeInMainWorld(MENU_API_NAME, {
  onCommand: (listener: (command: MenuCommand) => void) => {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    });
  },
});
