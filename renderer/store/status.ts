import { create } from 'zustand';
import type { SystemInfo, SystemStatus } from '../../core/contract/system';
import { call, CallError, type CallOptions } from '../api/client';
import { useUi } from './ui';

interface StatusState {
  status: SystemStatus | null;
  info: SystemInfo | null;
  offline: boolean;
  /** `background`: the status bar's timer, which must not keep an idle session alive. */
  refresh(options?: CallOptions): Promise<void>;
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  info: null,
  offline: false,
  refresh: async (options) => {
    const background = { background: options?.background === true };
    try {
      const [status, info] = await Promise.all([call('system.status', {}, background), call('system.info', {}, background)]);
      set({ status, info, offline: false });
    } catch (error) {
      set({ offline: true });
      if (error instanceof CallError) useUi.getState().reportError(error.body, error.method);
    }
  },
}));

/** The unit's name in the reader's language; the Chinese one when no English name is set. */
export function useUnitName(): string {
  const lang = useUi((s) => s.lang);
  return useStatus((s) => (s.status ? (lang === 'en' && s.status.unitNameEn) || s.status.unitName : ''));
}

/** Who writes are recorded as, in the reader's language (the local operator's name is the app's, not a person's). */
export function useOperatorName(): string {
  const lang = useUi((s) => s.lang);
  return useStatus((s) => (s.status ? (lang === 'zh-CN' ? s.status.operatorName : s.status.operatorNameEn) : ''));
}
