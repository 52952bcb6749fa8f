import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ErrorBody } from '../../core/errors';
import type { Lang } from '../i18n';

export const SECTIONS = ['duty', 'hazards', 'evac', 'damage', 'rain', 'map', 'reports', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
export type Theme = 'dark' | 'light';

interface UiState {
  lang: Lang;
  theme: Theme;
  section: Section;
  /** `method`: the call that failed, so that calling it again takes its old error away. */
  errors: { id: number; error: ErrorBody; method?: string }[];
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  go(section: Section): void;
  reportError(error: ErrorBody, method?: string): void;
  dismissError(id: number): void;
  /** A form saves again: its last error is answered, by success or by the error that replaces it. */
  clearErrorsOf(method: string): void;
}

let nextErrorId = 1;

export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'duty';
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      lang: 'zh-CN',
      theme: 'dark',
      section: sectionFromHash(typeof location === 'undefined' ? '' : location.hash),
      errors: [],
      setLang: (lang) => set({ lang }),
      setTheme: (theme) => set({ theme }),
      // An error belongs to the screen it happened on; it must not follow the user elsewhere.
      go: (section) => set((state) => (section === state.section ? {} : { section, errors: [] })),
      // The newest few are enough; a flood of identical failures must not bury the screen.
      reportError: (error, method) =>
        set((state) => ({
          errors: [...state.errors.filter((e) => e.error.key !== error.key && (method === undefined || e.method !== method)), { id: nextErrorId++, error, method }].slice(-3),
        })),
      dismissError: (id) => set((state) => ({ errors: state.errors.filter((e) => e.id !== id) })),
      clearErrorsOf: (method) => set((state) => (state.errors.some((e) => e.method === method) ? { errors: state.errors.filter((e) => e.method !== method) } : {})),
    }),
    { name: 'flooddesk.ui', partialize: (state) => ({ lang: state.lang, theme: state.theme }) },
  ),
);
