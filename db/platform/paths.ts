import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER = 'FloodDesk';
export const DATABASE_FILE = 'flooddesk.sqlite';

/** Where Electron's app.getPath('userData') would put it, so both ways in share one file. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

/** `--data DIR` wins over FLOODDESK_DATA, which wins over the user-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, fallback = defaultUserDataDir()): string {
  return resolve(flag || env.FLOODDESK_DATA || fallback);
}

export interface DataPaths {
  dataDir: string;
  databaseFile: string;
  filesDir: string;
  backupsDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    databaseFile: join(dataDir, DATABASE_FILE),
    filesDir: join(dataDir, 'files'),
    backupsDir: join(dataDir, 'backups'),
  };
}

export function ensureDataDir(paths: DataPaths): void {
  mkdirSync(paths.dataDir, { recursive: true });
  mkdirSync(paths.filesDir, { recursive: true });
  mkdirSync(paths.backupsDir, { recursive: true });
}
