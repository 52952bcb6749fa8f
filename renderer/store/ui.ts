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
  errors: { id: number; error: ErrorBody }[];
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  go(section: Section): void;
  reportError(error: ErrorBody): void;
  dismissError(id: number): void;
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
      go: (section) => set({ section }),
      // The newest few are enough; a flood of identical failures must not bury the screen.
      reportError: (error) => set((state) => ({ errors: [...state.errors.filter((e) => e.error.key !== error.key), { id: nextErrorId++, error }].slice(-3) })),
      dismissError: (id) => set((state) => ({ errors: state.errors.filter((e) => e.id !== id) })),
    }),
    { name: 'flooddesk.ui', partialize: (state) => ({ lang: state.lang, theme: state.theme }) },
  ),
);
