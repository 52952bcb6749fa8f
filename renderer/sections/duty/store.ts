import { useCallback } from 'react';
import { create } from 'zustand';
import type { InputOf, MethodName, OutputOf } from '../../../core/contract';
import { act, useQuery, type Query } from '../../api/hooks';
import { useStatus } from '../../store/status';

export const DUTY_TABS = ['log', 'events', 'rota', 'warnings', 'handover', 'equipment', 'incidents', 'people', 'settings'] as const;
export type DutyTab = (typeof DUTY_TABS)[number];

interface DutyState {
  /** Bumped after every successful write, so every duty view reloads what it shows. */
  version: number;
  bump(): void;
}

export const useDutyStore = create<DutyState>()((set) => ({
  version: 0,
  bump: () => set((s) => ({ version: s.version + 1 })),
}));

/** A read that reloads after any duty write anywhere on the screen. */
export function useDutyQuery<M extends MethodName>(method: M, input: InputOf<M>): Query<OutputOf<M>> {
  const version = useDutyStore((s) => s.version);
  return useQuery(method, input, `${JSON.stringify(input)}#${version}`);
}

/** A write that, when it succeeds, refreshes the duty views and the status bar. */
export function useDutyWrite() {
  const bump = useDutyStore((s) => s.bump);
  const refresh = useStatus((s) => s.refresh);
  return useCallback(
    async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M> | undefined> => {
      const result = await act(method, input);
      if (result !== undefined) {
        bump();
        void refresh();
      }
      return result;
    },
    [bump, refresh],
  );
}

export function tabFromHash(hash: string): DutyTab {
  const tab = hash.replace(/^#\/?/, '').split('/')[1];
  return (DUTY_TABS as readonly string[]).includes(tab) ? (tab as DutyTab) : 'log';
}
