import { contextBridge, ipcRenderer } from 'electron';
import { bindApi, channelOf, WINDOW_API_NAME } from './api-methods.js';
import { isMenuCommand, MENU_API_NAME, MENU_CHANNEL, type MenuCommand } from './menu-commands.js';

// The sandboxed preload: exposes the typed API's methods, nothing else of Electron or Node.
contextBridge.exposeInMainWorld(
  WINDOW_API_NAME,
  bindApi((method, args) => ipcRenderer.invoke(channelOf(method), ...args)),
);

// Native menu commands, filtered to the known ones; the renderer never sees the IPC event.
contextBridge.exposeInMainWorld(MENU_API_NAME, {
  onCommand: (listener: (command: MenuCommand) => void) => {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    });
  },
});
