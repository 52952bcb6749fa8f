import { BrowserWindow } from 'electron';
import type { WindowState } from './window-state';

/**
 * The app window. The web preferences are spelled out here, not spread from elsewhere, so a
 * reader and the static checker (electronegativity) see exactly what the renderer may do.
 */
export function createMainWindow(state: WindowState, preload: string): BrowserWindow {
  return new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0e141b',
    title: 'FloodDesk 防汛值守台',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
}
