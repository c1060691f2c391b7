import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, normalize, sep } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  net,
  protocol,
  type SaveDialogOptions,
  safeStorage,
  session,
} from 'electron';
import { Backups } from '../db/backups/backups.js';
import { RootLogError } from '../db/model/index.js';
import { getSettings } from '../db/settings.js';
import { warmUpDashboard } from '../db/stats/screen.js';
import { openStore, type Store, setNativeBinding } from '../db/store.js';
import { createApi } from './api.js';
import { DoseReceiverService } from './dose-receiver-service.js';
import { HubSync, keychainPassword, keychainVault } from './hub-sync.js';
import { registerIpc } from './ipc.js';
import { electronSqliteAddon } from './native-binding.js';
import { RisService } from './ris-service.js';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  hardenedWebPreferences,
  isLocalDevServer,
  isTrustedUrl,
} from './security.js';
import { MENU_CHANNEL, type MenuCommand } from './shared/menu-commands.js';
import { logbookPathOf, onSecondStart } from './single-instance.js';
import { readWindowState, writeWindowState } from './window-state.js';
import { WorklistService } from './worklist-service.js';

/*
 * The Electron glue, kept thin: lifecycle, the one window, security hardening, the menu,
 * and wiring the typed API to IPC. Everything it calls is tested outside Electron.
 */

const devMode = process.argv.includes('--dev') && !app.isPackaged;
/**
 * `npm run dev`: the page comes from Vite's dev server on this computer (hot reload), still
 * through app://rootlog/ so every check on the page's origin stays as it is. Never packaged.
 */
const devServerArgument = process.argv[process.argv.indexOf('--dev-server') + 1];
const devServer = devMode && isLocalDevServer(devServerArgument) ? devServerArgument : undefined;
// The page (app://rootlog) reaches Vite's hot-reload socket on 127.0.0.1, which Chromium's local
// network access check would refuse; development only.
if (devServer) app.commandLine.appendSwitch('disable-features', 'LocalNetworkAccessChecks');
const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const DASHBOARD_WARM_UP_DELAY_MS = 3000;
const HUB_FIRST_SYNC_DELAY_MS = 10_000;
const HUB_SYNC_INTERVAL_MS = 5 * 60_000;
/** The scanner's list changes through the day (added, moved patients): asked every two minutes. */
const WORKLIST_REFRESH_INTERVAL_MS = 2 * 60_000;
/** How often the RIS outbox looks for reports due (its back-off decides which are). */
const RIS_OUTBOX_INTERVAL_MS = 30_000;

// better-sqlite3's addon built for Electron's ABI, never Node's (which the command line and tests use).
const sqliteAddon = electronSqliteAddon({
  packaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  sourceRoot: join(__dirname, '..', '..'),
});
setNativeBinding(sqliteAddon);

const databasePath = (): string => logbookPathOf(process.argv, process.cwd(), app.getPath('userData'));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // Two RootLogs on one database file would fight over it: the second one just hands over.
  app.quit();
} else {
  let store: Store | undefined;
  let backups: Backups | undefined;
  let backedUpAtQuit = false;
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const { notice } = onSecondStart(store?.path ?? databasePath(), argv, workingDirectory, app.getPath('userData'));
    if (notice)
      void dialog.showMessageBox(mainWindow, { type: 'info', title: 'RootLog is already open', message: notice });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  // At quit, the day's backup if the last is more than a day old (the scheduler decides), then quit.
  app.on('before-quit', (event) => {
    if (backedUpAtQuit || !backups) return;
    event.preventDefault();
    backedUpAtQuit = true;
    void backups.atQuit().finally(() => app.quit());
  });

  app.on('will-quit', () => {
    backups?.stop();
    store?.close();
  });

  app.on('window-all-closed', () => app.quit());

  app.whenReady().then(async () => {
    serveRenderer();
    lockDownSession();
    try {
      store = openStore(databasePath());
    } catch (error) {
      const message = !existsSync(sqliteAddon)
        ? app.isPackaged
          ? `RootLog's database module is missing from this installation (${sqliteAddon}): install RootLog again.`
          : `RootLog's database module for Electron is missing (${sqliteAddon}): run "npm run setup:electron" in the source folder.`
        : error instanceof RootLogError
          ? error.message
          : `The database could not be opened: ${String(error)}`;
      dialog.showErrorBox('RootLog cannot open its database', message);
      app.exit(1);
      return;
    }
    const openStoreNow = store;
    // The hub password and this logbook's signing key, kept by the OS keychain (hub-sync.ts).
    const allowBasicText = () => getSettings(openStoreNow).hubServer?.allowKeyWithoutKeyring === true;
    const keyName = createHash('sha256').update(openStoreNow.path).digest('hex').slice(0, 16);
    const hub = new HubSync(openStoreNow, {
      passwords: keychainPassword(safeStorage, join(app.getPath('userData'), 'hub-password.bin'), allowBasicText),
      vault: keychainVault(
        safeStorage,
        join(app.getPath('userData'), `hub-console-key-${keyName}.bin`),
        allowBasicText,
      ),
      actor: () => `${safeUserName()}@${app.getName()}`,
    });
    /** The native save dialog over the window (asking before replacing a file, on Linux too); null when cancelled. */
    const askWhereToSave = async (options: Pick<SaveDialogOptions, 'title' | 'defaultPath' | 'filters'>) => {
      if (!mainWindow) return null;
      const target = await dialog.showSaveDialog(mainWindow, { ...options, properties: ['showOverwriteConfirmation'] });
      return target.canceled || !target.filePath ? null : target.filePath;
    };
    backups = new Backups(openStoreNow, {
      onFailure: (error) => console.error('RootLog backup failed:', error),
    });
    const worklist = new WorklistService(openStoreNow);
    const ris = new RisService(openStoreNow);
    const doseReceiver = new DoseReceiverService(openStoreNow, {
      activity: (line) => console.log(`RootLog dose reports: ${line}`),
    });
    const api = createApi(openStoreNow, {
      hub,
      backups,
      worklist,
      ris,
      doseReceiver,
      // The backup folder, like every path RootLog writes to, is chosen here, never sent by the window.
      chooseBackupFolder: async () => {
        if (!mainWindow) return null;
        const chosen = await dialog.showOpenDialog(mainWindow, {
          title: 'Folder for RootLog’s automatic backups',
          properties: ['openDirectory', 'createDirectory'],
        });
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      },
      actor: () => `${safeUserName()}@${app.getName()}`,
      // Paths come only from the native dialog here in the main process, never from the window.
      chooseExportPath: (suggestedName) =>
        askWhereToSave({ title: 'Export RootLog records', defaultPath: suggestedName }),
      chooseBackupPath: (suggestedName) =>
        askWhereToSave({
          title: 'Back up the RootLog database',
          defaultPath: suggestedName,
          filters: [{ name: 'SQLite database', extensions: ['sqlite'] }],
        }),
      // Chromium's own PDF printing of the window as it is (its print stylesheet picks the sheet).
      printToPdf: async (suggestedName) => {
        const path = await askWhereToSave({
          title: 'Save as PDF',
          defaultPath: suggestedName,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        if (!path || !mainWindow) return null;
        // The print stylesheet's @page rules give the size, the margins and the page header and numbers.
        const pdf = await mainWindow.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        const partial = `${path}.partial-${process.pid}`;
        await writeFile(partial, pdf);
        await rename(partial, path);
        return path;
      },
      onUnexpectedError: (method, error) => console.error(`RootLog API ${method} failed:`, error),
    });
    registerIpc(ipcMain, api.call);
    // The page-by-page check of the whole file runs off the main thread; until it is done,
    // writes wait for it (api.ts), and if it fails RootLog stays read-only and says why.
    openStoreNow.verify().then(
      (report) => {
        if (report.state === 'damaged') console.error('RootLog database failed its check:', report.problems);
        // The console's signing key, made at its first run: only into a logbook found sound.
        else hub.prepareKey();
      },
      (error: unknown) => console.error('RootLog could not check its database:', error),
    );
    mainWindow = await createWindow();
    Menu.setApplicationMenu(buildMenu((command) => mainWindow?.webContents.send(MENU_CHANNEL, command)));
    // A few seconds after start, while the console is idle, pay the dashboard's first-use cost
    // (about 0.15 s of this process's time on 100 000 records) rather than when a reviewer opens it.
    setTimeout(() => {
      try {
        warmUpDashboard(openStoreNow);
      } catch (error) {
        console.error('RootLog could not prepare the dashboard:', error);
      }
    }, DASHBOARD_WARM_UP_DELAY_MS);
    // Sync with the department hub, if one is set: soon after start, then every few minutes.
    setTimeout(() => void hub.syncNow(), HUB_FIRST_SYNC_DELAY_MS);
    hub.start(HUB_SYNC_INTERVAL_MS);
    // Today's worklist, if a server is set: at once, then every few minutes (a key refreshes it too).
    worklist.start(WORKLIST_REFRESH_INTERVAL_MS);
    // Signed reports to the RIS, if one is set: what waits, by the outbox's back-off.
    ris.start(RIS_OUTBOX_INTERVAL_MS);
    // The scanners' dose reports, if Settings → Dose reports names who may send.
    void doseReceiver.apply();
    // Daily backups into the department's folder (Settings → Backups); a missed one soon after start.
    backups.start();
  });
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}

/** Serves the built renderer under app://rootlog/, with the CSP header, never outside its folder. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (devServer) return fromDevServer(devServer, url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** In development: the page and its modules as Vite's dev server answers them, with the dev policy on the page. */
async function fromDevServer(server: string, url: URL): Promise<Response> {
  const upstream = await net.fetch(`${server}${url.pathname === '/' ? '/index.html' : url.pathname}${url.search}`);
  const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
  const body = await upstream.arrayBuffer();
  const policy = type.startsWith('text/html')
    ? devContentSecurityPolicy(new TextDecoder().decode(body), server)
    : CONTENT_SECURITY_POLICY;
  return new Response(body, {
    status: upstream.status,
    headers: { 'content-type': type, 'content-security-policy': policy, 'x-content-type-options': 'nosniff' },
  });
}

function contentType(file: string): string {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.json': 'application/json',
  };
  return types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/** No permissions (camera, notifications, …) and no request leaves the app's own scheme. */
function lockDownSession(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://') ||
      // npm run dev: the dev server and its hot-reload socket, on this computer.
      (devServer !== undefined &&
        (details.url.startsWith(`${devServer}/`) || details.url.startsWith(`${devServer.replace(/^http/, 'ws')}/`)));
    callback({ cancel: !allowed });
  });
}

async function createWindow(): Promise<BrowserWindow> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const state = readWindowState(statePath);
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1419',
    title: 'RootLog',
    webPreferences: hardenedWebPreferences(preloadPath, devMode),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(statePath, { ...bounds, maximized: window.isMaximized() });
  });
  window.webContents.on('will-frame-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function buildMenu(send: (command: MenuCommand) => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: '&New procedure', accelerator: 'CmdOrCtrl+N', click: () => send('new-procedure') },
        { label: '&Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { label: '&Backup…', accelerator: 'CmdOrCtrl+B', click: () => send('backup') },
        { type: 'separator' },
        { label: '&Settings', accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        { type: 'separator' },
        { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devMode ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
