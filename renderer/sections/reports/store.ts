import { create } from 'zustand';
import type { DraftLang } from './draft';
import type { ReportFacts, ReportScope } from './gather';

interface ReportState {
  scope: ReportScope | null;
  facts: ReportFacts | null;
  /** The draft the user edits; kept while they visit other sections, never saved to the database. */
  text: string;
  edited: boolean;
  draftLang: DraftLang | null;
  setDraft(scope: ReportScope, facts: ReportFacts, text: string): void;
  edit(text: string): void;
  setDraftLang(lang: DraftLang): void;
}

export const useReport = create<ReportState>()((set) => ({
  scope: null,
  facts: null,
  text: '',
  edited: false,
  draftLang: null,
  setDraft: (scope, facts, text) => set({ scope, facts, text, edited: false }),
  edit: (text) => set({ text, edited: true }),
  setDraftLang: (draftLang) => set({ draftLang }),
}));
