import { useCallback } from 'react';
import type { ErrorBody } from '../../core/errors';
import { useUi } from '../store/ui';
import * as core from './core';
import * as duty from './duty';
import * as hazards from './hazards';
import * as evac from './evac';
import * as rain from './rain';
import * as map from './map';
import * as reports from './reports';

/** One table per area, merged; the English tables are typed so a missing key fails the build. */
const tables = {
  'zh-CN': { ...core.zh, ...duty.zh, ...hazards.zh, ...evac.zh, ...rain.zh, ...map.zh, ...reports.zh },
  en: { ...core.en, ...duty.en, ...hazards.en, ...evac.en, ...rain.en, ...map.en, ...reports.en },
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
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
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
