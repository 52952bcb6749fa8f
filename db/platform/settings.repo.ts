import type { Db } from '../platform/connection';
import { settingsSchema, type Settings, type SettingsSection } from '../../core/settings';
import { perDb } from '../platform/per-db';

export const settingsRepo = perDb((db: Db) => {
  const all = db.prepare('SELECT section, value FROM settings');
  const upsert = db.prepare(
    `INSERT INTO settings (section, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (section) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    /** Stored sections over defaults; a section saved by an older version gains new defaults. */
    read(): Settings {
      const stored: Record<string, unknown> = {};
      for (const row of all.all() as { section: string; value: string }[]) stored[row.section] = JSON.parse(row.value);
      // Section by section: one damaged section falls back to its defaults, not all of them.
      return Object.fromEntries(
        Object.entries(settingsSchema.shape).map(([section, schema]) => {
          const parsed = schema.safeParse(stored[section]);
          return [section, parsed.success ? parsed.data : schema.parse(undefined)];
        }),
      ) as Settings;
    },
    write<K extends SettingsSection>(section: K, value: Settings[K], nowIso: string): void {
      upsert.run(section, JSON.stringify(value), nowIso);
    },
  };
});
