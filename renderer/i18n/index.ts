import { useCallback } from 'react';
import type { ErrorBody } from '../../core/errors';
import { useUi } from '../store/ui';
import * as core from './core';
import * as accounts from './accounts';
import * as backup from './backup';
import * as settings from './settings';
import * as events from './events';
import * as duty from './duty';
import * as hazards from './hazards';
import * as hazardsInspections from './hazardsInspections';
import * as hazardsTemplates from './hazardsTemplates';
import * as evac from './evac';
import * as rain from './rain';
import * as map from './map';
import * as reports from './reports';
import * as damage from './damage';

/** Every table, by subject: keys start with their area's method prefix; the English tables are typed so a missing key fails the build. */
export const TABLES = [core, accounts, backup, settings, events, duty, hazards, hazardsInspections, hazardsTemplates, evac, rain, map, reports, damage] as const;

const tables = {
  'zh-CN': { ...core.zh, ...accounts.zh, ...backup.zh, ...settings.zh, ...events.zh, ...duty.zh, ...hazards.zh, ...hazardsInspections.zh, ...hazardsTemplates.zh, ...evac.zh, ...rain.zh, ...map.zh, ...reports.zh, ...damage.zh },
  en: { ...core.en, ...accounts.en, ...backup.en, ...settings.en, ...events.en, ...duty.en, ...hazards.en, ...hazardsInspections.en, ...hazardsTemplates.en, ...evac.en, ...rain.en, ...map.en, ...reports.en, ...damage.en },
};

export type Lang = keyof typeof tables;
export type TKey = keyof (typeof tables)['zh-CN'];
export type TParams = Record<string, string | number>;
export const LANGS: Lang[] = ['zh-CN', 'en'];

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

export type Translate = (key: TKey, params?: TParams) => string;

export function useT(): Translate {
  const lang = useUi((state) => state.lang);
  return useCallback((key: TKey, params?: TParams) => translate(lang, key, params), [lang]);
}

/** A failed call in the user's language, with each field problem on its own line. */
export function describeError(lang: Lang, error: ErrorBody): { title: string; lines: string[] } {
  const title = isTKey(error.key) ? translate(lang, error.key, error.params) : error.message;
  const lines = (error.issues ?? []).map((issue) => `${issue.path ? `${issue.path}: ` : ''}${lang === 'zh-CN' ? issue.messageZh : issue.message}`);
  return { title, lines };
}
