/**
 * Migrations are plain SQL files bundled at build time, applied in order of their number. The runner owns
 * the transaction and PRAGMA user_version; a file never touches either.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const files = import.meta.glob('./*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const migrations: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2], sql };
  })
  .sort((a, b) => a.version - b.version);

// Each domain owns a reserved number, so numbers may skip; they must never repeat.
migrations.forEach((migration, index) => {
  if (index > 0 && migration.version === migrations[index - 1].version) throw new Error(`Two migrations are numbered ${migration.version}`);
});

export const LATEST_SCHEMA_VERSION = migrations.length ? migrations[migrations.length - 1].version : 0;
