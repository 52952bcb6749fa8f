import { create } from 'zustand';
import type { SystemInfo, SystemStatus } from '../../core/contract/system';
import { call, CallError } from '../api/client';
import { useUi } from './ui';

interface StatusState {
  status: SystemStatus | null;
  info: SystemInfo | null;
  offline: boolean;
  refresh(): Promise<void>;
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  info: null,
  offline: false,
  refresh: async () => {
    try {
      const [status, info] = await Promise.all([call('system.status', {}), call('system.info', {})]);
      set({ status, info, offline: false });
    } catch (error) {
      set({ offline: true });
      if (error instanceof CallError) useUi.getState().reportError(error.body, error.method);
    }
  },
}));
