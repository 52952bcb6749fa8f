import { useCallback } from 'react';
import { useUi } from '../store/ui';
import { translate, type TKey, type TParams } from './tables';

export { KEYS, LANGS, TABLES, isTKey, translate, type Lang, type TKey, type TParams } from './tables';
export { describeError, describeIssue } from './issues';

export type Translate = (key: TKey, params?: TParams) => string;

export function useT(): Translate {
  const lang = useUi((state) => state.lang);
  return useCallback((key: TKey, params?: TParams) => translate(lang, key, params), [lang]);
}
