import { assertRising, latestVersion, type Migration } from '../platform/migrate';
import { MIGRATION_STEPS } from './steps';

/** Plain SQL files bundled at build time, applied in order of their number (see platform/migrate.ts). */
const files = import.meta.glob('./*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const migrations: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${path}`);
    const version = Number(match[1]);
    return { version, name: match[2], sql, step: MIGRATION_STEPS[version] };
  })
  .sort((a, b) => a.version - b.version);

assertRising(migrations);

export const LATEST_SCHEMA_VERSION = latestVersion(migrations);

export type { Migration };
