/** The translation tables and the lookup; the hooks and error wording live beside it (index.ts, issues.ts). */
import * as core from './core';
import * as accounts from './accounts';
import * as backup from './backup';
import * as settings from './settings';
import * as events from './events';
import * as duty from './duty';
import * as hazards from './hazards';
import * as hazardsInspections from './hazardsInspections';
import * as evac from './evac';
import * as rain from './rain';
import * as map from './map';
import * as reports from './reports';
import * as damage from './damage';
import * as damageStats from './damageStats';
import * as hazardsTemplates from './hazardsTemplates';
import * as validation from './validation';

/** Every table, by subject: keys start with their area's method prefix; the English tables are typed so a missing key fails the build. */
export const TABLES = [core, validation, accounts, backup, settings, events, duty, hazards, hazardsInspections, evac, rain, map, reports, damage, damageStats, hazardsTemplates] as const;

const tables = {
  'zh-CN': { ...core.zh, ...validation.zh, ...accounts.zh, ...backup.zh, ...settings.zh, ...events.zh, ...duty.zh, ...hazards.zh, ...hazardsInspections.zh, ...evac.zh, ...rain.zh, ...map.zh, ...reports.zh, ...damage.zh, ...damageStats.zh, ...hazardsTemplates.zh },
  en: { ...core.en, ...validation.en, ...accounts.en, ...backup.en, ...settings.en, ...events.en, ...duty.en, ...hazards.en, ...hazardsInspections.en, ...evac.en, ...rain.en, ...map.en, ...reports.en, ...damage.en, ...damageStats.en, ...hazardsTemplates.en },
};

export type Lang = keyof typeof tables;
export type TKey = keyof (typeof tables)['zh-CN'];
export type TParams = Record<string, string | number>;
export const LANGS: Lang[] = ['zh-CN', 'en'];

/** Every key, in table order: the field names forms use are found among them (renderer/i18n/issues.ts). */
export const KEYS = Object.keys(tables['zh-CN']) as TKey[];

export function isTKey(key: string): key is TKey {
  return Object.hasOwn(tables['zh-CN'], key);
}

export function translate(lang: Lang, key: TKey, params?: TParams): string {
  const template: string = tables[lang][key] ?? key;
  if (!params) return template;
  // The backend cannot know the reader's language: text it composes comes as `<name>Zh` and `<name>En`.
  const suffix = lang === 'zh-CN' ? 'Zh' : 'En';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = name in params ? params[name] : params[name + suffix];
    return value === undefined ? whole : String(value);
  });
}
