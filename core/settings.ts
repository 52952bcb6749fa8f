import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from './time';
import { localDate, zCoordSystem, zLat, zLng, zText } from './contract/fields';
import { DEFAULT_EQUIPMENT_CHECKLIST } from './domain/duty/equipment';
import { DEFAULT_HOLIDAYS, DEFAULT_WORKDAYS } from './domain/duty/holidays';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const day = localDate('YYYY-MM-DD');
const responseLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable();

/**
 * Every threshold and local rule is a setting with the national or common default, because
 * provinces and cities differ. Each domain owns one section; sections are stored as one row
 * each so a new section never needs a migration.
 */
export const settingsSchema = z.object({
  general: z
    .object({
      unitName: zText(100).min(1).default('示例街道办事处'),
      unitNameEn: zText(200).default('Example Street Office'),
      timeZone: z.string().min(1).default(DEFAULT_TIME_ZONE),
      dutyDayStart: hhmm.default('08:00'),
      operatorName: zText(50).default('值班员'),
    })
    .prefault({}),
  backup: z
    .object({
      /** Where backups go, e.g. a USB drive; empty means the data folder's own backups/ folder. */
      folder: z
        .string()
        .trim()
        .max(1000)
        .refine((path) => path === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), 'Use a full path, such as E:\\FloodDesk-backups or /media/usb/backups')
        .default(''),
      intervalMinutes: z.number().int().min(5).max(24 * 60).default(60),
      /** Rotation: the newest backup in each of the last N hours and in each of the last M days is kept. */
      keepHourly: z.number().int().min(0).max(24 * 14).default(24),
      keepDaily: z.number().int().min(1).max(3650).default(30),
    })
    .prefault({}),
  duty: z
    .object({
      officersPerDay: z.number().int().min(0).max(10).default(2),
      allowConsecutive: z.boolean().default(false),
      /** Split the officers' watch into a day and a night shift (08–20 / 20–08); the leader covers the whole day. */
      shiftSplit: z.boolean().default(false),
      nightShiftStart: hhmm.default('20:00'),
      /**
       * Public holidays count as weekend duty for fairness; 调休 Saturdays are working days. The
       * defaults are the State Council's published years only (core/domain/duty/holidays.ts).
       */
      holidays: z.array(day).max(400).default(() => [...DEFAULT_HOLIDAYS]),
      workdays: z.array(day).max(200).default(() => [...DEFAULT_WORKDAYS]),
      reportInitialMinutes: z.number().int().min(1).max(24 * 60).default(30),
      reportWrittenMinutes: z.number().int().min(1).max(48 * 60).default(60),
      /** null: follow-ups are sent when there is news, not on a clock. */
      reportFollowupEveryMinutes: z.number().int().min(10).max(24 * 60).nullable().default(null),
      responseMapping: z
        .object({ blue: responseLevel.default(4), yellow: responseLevel.default(3), orange: responseLevel.default(2), red: responseLevel.default(1) })
        .prefault({}),
      equipmentChecklist: z
        .array(z.object({ key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/), label: z.object({ zh: zText(40).min(1), en: zText(80) }) }))
        .min(1)
        .max(40)
        .refine((items) => new Set(items.map((item) => item.key)).size === items.length, 'Each checklist key must be unique')
        .default(() => DEFAULT_EQUIPMENT_CHECKLIST.map((item) => ({ key: item.key, label: { ...item.label } }))),
      /** A log entry may be stamped a little ahead (clocks differ); beyond this it is a typing mistake. */
      futureToleranceMinutes: z.number().int().min(0).max(120).default(5),
    })
    .prefault({}),
  map: z
    .object({
      /** The unit's view preset; the demo moves it to its own street. */
      centerLat: zLat.default(22.5533),
      centerLng: zLng.default(114.0719),
      zoom: z.number().int().min(1).max(20).default(15),
      /** Set once someone saves a view; until then the map opens fitted to the unit boundary. */
      viewSaved: z.boolean().default(false),
      /** A user-configured online base map, used only when set, e.g. Tianditu `https://t{s}.tianditu.gov.cn/vec_w/wmts?…&tk={key}`. */
      onlineUrl: z
        .string()
        .trim()
        .max(1000)
        .refine((url) => url === '' || (/^https?:\/\//.test(url) && url.includes('{z}') && url.includes('{x}') && url.includes('{y}')), 'Use an http(s) URL containing {z}, {x} and {y}')
        .default(''),
      onlineSubdomains: zText(40).default(''),
      onlineKey: zText(200).default(''),
      onlineAttribution: zText(300).default(''),
      onlineMaxZoom: z.number().int().min(1).max(22).default(18),
      onlineCoordSystem: zCoordSystem.default('wgs84'),
      /**
       * Hosts an administrator named as intranet tile servers. Any other online tile host must be a
       * public address, so the template cannot be used to reach into the duty room's network.
       */
      onlineIntranetHosts: z
        .array(
          z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9.:-]{1,253}$/, 'A host name or address, e.g. gis.district.lan or 10.1.2.3'),
        )
        .max(20)
        .default([]),
      /** Online tiles kept on disk, least recently used evicted first. */
      tileCacheMb: z.number().int().min(0).max(10_000).default(200),
      /** Layers denser than this are drawn as clusters until zoomed in. */
      clusterAbove: z.number().int().min(0).max(1_000_000).default(200),
    })
    .prefault({}),
  hazards: z
    .object({
      /** 限期: duty days after the inspection's duty day by which a failed item must be fixed. */
      rectificationDays: z.number().int().min(1).max(365).default(3),
      /** Re-check by someone other than the person who submitted the fix. */
      recheckBySomeoneElse: z.boolean().default(true),
      /** Same name within this distance is warned as a near-duplicate. */
      duplicateRadiusM: z.number().min(1).max(5000).default(50),
      /** The unit's area [west, south, east, north] in WGS-84; points outside are warned. null: China only. */
      area: z
        .tuple([zLng, zLat, zLng, zLat])
        .refine(([, south, , north]) => south < north, 'South must be below north')
        .nullable()
        .default(null),
      /** "专人巡视": during a warning, points and routes without their own raised frequency are checked this often. */
      warningFrequencyHours: z.number().min(0.25).max(72).default(2),
      /** Largest photo accepted, in MiB; a phone photo is usually 2–6 MiB. */
      photoMaxMb: z.number().min(0.5).max(15).default(10),
    })
    .prefault({}),
  evac: z
    .object({
      /** National guideline: at least 1.5 m² of usable floor area per sheltered person. */
      m2PerPerson: z.number().min(0.1).max(50).default(1.5),
      /** A household larger than this is a typing mistake, not a family. */
      maxHouseholdSize: z.number().int().min(1).max(200).default(30),
      /** People entered in one move form (a list from one hazard point). */
      maxPeoplePerMove: z.number().int().min(1).max(5000).default(500),
      /** A step may be stamped a little ahead (clocks differ); beyond this it is a typing mistake. */
      futureToleranceMinutes: z.number().int().min(0).max(120).default(10),
    })
    .prefault({}),
  rain: z
    .object({
      /** Values sources use for "no data"; they become missing readings, never rain. */
      sentinels: z.array(z.number()).max(20).default([999999, 32766, -9999]),
      /** Rainstorm signal thresholds (national defaults, DOMAIN §3): suggested to the duty officer, never issued. */
      signals: z
        .object({
          blue: z.object({ window: z.enum(['h1', 'h3', 'h6', 'h12', 'h24']), mm: z.number().positive().max(2000) }).default({ window: 'h12', mm: 50 }),
          yellow: z.object({ window: z.enum(['h1', 'h3', 'h6', 'h12', 'h24']), mm: z.number().positive().max(2000) }).default({ window: 'h6', mm: 50 }),
          orange: z.object({ window: z.enum(['h1', 'h3', 'h6', 'h12', 'h24']), mm: z.number().positive().max(2000) }).default({ window: 'h3', mm: 50 }),
          red: z.object({ window: z.enum(['h1', 'h3', 'h6', 'h12', 'h24']), mm: z.number().positive().max(2000) }).default({ window: 'h3', mm: 100 }),
        })
        .prefault({}),
      /** Flood season for season totals, as MM-DD. */
      seasonStart: z.string().regex(/^\d{2}-\d{2}$/).default('04-15'),
      seasonEnd: z.string().regex(/^\d{2}-\d{2}$/).default('10-15'),
      /** A gauge silent longer than this is shown as stale. */
      staleHours: z.number().min(0.5).max(72).default(3),
      /** A rain reading above this many mm per hour (scaled up for longer intervals) is saved only when the user confirms it. */
      implausibleMmPerHour: z.number().positive().max(2000).default(200),
    })
    .prefault({}),
  accounts: z
    .object({
      /**
       * One-PC office: without a session, calls act as the local operator. Only meaningful once
       * accounts exist (before that every call is local); setting up the first admin turns it off.
       */
      singleUser: z.boolean().default(true),
      /** The UI locks itself after this many minutes without keyboard or mouse; 0 = never. */
      autoLockMinutes: z.number().int().min(0).max(24 * 60).default(15),
      /** Every this-many failed sign-ins in a row lock the account… */
      lockoutAfter: z.number().int().min(3).max(20).default(5),
      /** …for this long, doubled at each further round (1, 2, 4 … minutes, at most a day). */
      lockoutMinutes: z.number().int().min(1).max(60).default(1),
      /** A session ends this long after sign-in, whatever happens: a shift is 12–24 h. */
      sessionHours: z.number().int().min(1).max(72).default(24),
      minPasswordLength: z.number().int().min(8).max(64).default(8),
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
