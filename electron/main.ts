import { app, type BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from '../db/connection';
import { createDispatcher, type Dispatcher } from '../db/dispatch';
import { dataPaths, ensureDataDir, resolveDataDir } from '../db/paths';
import { isEmptyDatabase, seedDemo } from '../db/demo';
import type { Actor } from '../db/context';
import { registerContractIpc } from './ipc';
import { buildMenuTemplate, type MenuLang } from './menu';
import { hardenApp, hardenSession } from './security';
import { createMainWindow } from './window';
import { loadWindowState, saveWindowState } from './window-state';

const LOCAL_ACTOR: Actor = { id: 'local', name: '本机值班员', role: 'admin' };
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

process.on('uncaughtException', (error) => logCrash('uncaughtException', error));
process.on('unhandledRejection', (reason) => logCrash('unhandledRejection', reason));

let db: Db | undefined;
let dispatcher: Dispatcher | undefined;
let mainWindow: BrowserWindow | null = null;

function openData(): void {
  ensureDataDir(paths);
  db = openDatabase(paths.databaseFile);
  const seeded = !flags.empty && isEmptyDatabase(db);
  dispatcher = createDispatcher({
    db,
    dataDir: paths.dataDir,
    runtime: { appVersion: app.getVersion(), databaseFile: paths.databaseFile, demo: seeded, startedAtMs: Date.now() },
    onInternalError: (error, method) => logCrash(`handler ${method}`, error),
  });
  if (seeded) seedDemo(db, dispatcher, Date.now());
  console.log(`FloodDesk data: ${paths.databaseFile}`);
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
    try {
      openData();
    } catch (error) {
      dialog.showErrorBox('FloodDesk 防汛值守台', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    hardenSession(session.defaultSession);
    registerContractIpc(ipcMain, { dispatcher: () => dispatcher!, appOrigin: APP_ORIGIN, actor: () => LOCAL_ACTOR });
    createWindow();
  });
  app.on('window-all-closed', () => {
    db?.close();
    app.quit();
  });
}
