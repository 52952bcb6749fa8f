import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from './time';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/**
 * Every threshold and local rule is a setting with the national or common default, because
 * provinces and cities differ. Each domain owns one section; sections are stored as one row
 * each so a new section never needs a migration.
 */
export const settingsSchema = z.object({
  general: z
    .object({
      unitName: z.string().trim().min(1).max(100).default('示例街道办事处'),
      unitNameEn: z.string().trim().max(200).default('Example Street Office'),
      timeZone: z.string().min(1).default(DEFAULT_TIME_ZONE),
      dutyDayStart: hhmm.default('08:00'),
      operatorName: z.string().trim().max(50).default('值班员'),
    })
    .prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsSection = keyof Settings;

export const settingsSectionSchema = z.enum(Object.keys(settingsSchema.shape) as [SettingsSection, ...SettingsSection[]]);

/** The schema of one section, with its defaults, to validate a merged update. */
export function sectionSchema<K extends SettingsSection>(section: K): z.ZodType<Settings[K]> {
  return settingsSchema.shape[section] as unknown as z.ZodType<Settings[K]>;
}

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
