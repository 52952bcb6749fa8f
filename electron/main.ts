import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataPaths, ensureDataDir, resolveDataDir } from '../db/platform/paths';
import { openLiveDatabase, type AppLiveDatabase } from '../db/handlers';
import { createHeldSession, registerContractIpc } from './ipc';
import { buildMenuTemplate, type MenuLang } from './menu';
import { hardenApp, hardenSession } from './security';
import { handleTilesProtocol, registerTilesScheme } from './tiles-protocol';
import { createMainWindow } from './window';
import { loadWindowState, saveWindowState } from './window-state';

const APP_ORIGIN = 'file://';

const { values: flags } = parseArgs({
  args: process.argv.slice(app.isPackaged ? 1 : 2),
  options: { data: { type: 'string' }, empty: { type: 'boolean', default: false } },
  strict: false,
});

const paths = dataPaths(resolveDataDir(typeof flags.data === 'string' ? flags.data : undefined, process.env, app.getPath('userData')));

function logCrash(kind: string, detail: unknown): void {
  try {
    mkdirSync(join(paths.dataDir, 'logs'), { recursive: true });
    appendFileSync(join(paths.dataDir, 'logs', 'crash.log'), `${new Date().toISOString()} ${kind} ${detail instanceof Error ? detail.stack : JSON.stringify(detail)}\n`);
  } catch {
    // Logging must never be the reason the app dies.
  }
}

// Offline map tiles from imported MBTiles files; the scheme must be declared before ready.
registerTilesScheme(protocol);

process.on('uncaughtException', (error) => logCrash('uncaughtException', error));
process.on('unhandledRejection', (reason) => logCrash('unhandledRejection', reason));

let live: AppLiveDatabase | undefined;
let mainWindow: BrowserWindow | null = null;

/**
 * The same start as serve mode: a damaged file names the newest good backup, a migration is
 * preceded by a verified backup, and the backup timer runs.
 */
function openData(): AppLiveDatabase {
  ensureDataDir(paths);
  const opened = openLiveDatabase({
    paths,
    appVersion: app.getVersion(),
    demo: !flags.empty,
    onInternalError: (error, method) => logCrash(`handler ${method}`, error),
  });
  console.log(`FloodDesk data: ${paths.databaseFile}`);
  return opened;
}

function menuLang(): MenuLang {
  return app.getLocale().startsWith('zh') ? 'zh-CN' : 'en';
}

function createWindow(): void {
  const stateFile = join(paths.dataDir, 'window-state.json');
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  mainWindow = createMainWindow(state, join(__dirname, '../preload/index.cjs'));
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    saveWindowState(stateFile, { ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => (mainWindow = null));
  mainWindow.webContents.on('render-process-gone', (_event, details) => logCrash('render-process-gone', details));
  mainWindow.loadFile(join(__dirname, '../renderer/index.html'));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(menuLang(), {
        print: () => mainWindow?.webContents.print({ printBackground: false }),
        openDataFolder: () => void shell.openPath(paths.dataDir),
        about: () => void dialog.showMessageBox({ type: 'info', title: 'FloodDesk 防汛值守台', message: `FloodDesk ${app.getVersion()}`, detail: paths.databaseFile }),
      }),
    ),
  );
}

if (!app.requestSingleInstanceLock()) {
  // One writer per database file: a second copy would only focus the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenApp(app, APP_ORIGIN);
  app.whenReady().then(() => {
    let opened: AppLiveDatabase;
    try {
      opened = live = openData();
    } catch (error) {
      dialog.showErrorBox('FloodDesk 防汛值守台', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    hardenSession(session.defaultSession, APP_ORIGIN);
    // Read the connection on each request: a restore replaces it.
    handleTilesProtocol(protocol, { db: () => opened.db, tiles: () => opened.tiles });
    const held = createHeldSession();
    registerContractIpc(ipcMain, { dispatcher: () => opened.dispatcher, appOrigin: APP_ORIGIN, actor: held.actor, afterCall: held.afterCall });
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!live) return;
    // A backup or restore in progress finishes, and the WAL is checkpointed, before the process ends.
    event.preventDefault();
    const closing = live;
    live = undefined;
    closing
      .close()
      .catch((error: unknown) => logCrash('close', error))
      .finally(() => app.quit());
  });
}
