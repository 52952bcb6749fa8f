import { useEffect } from 'react';
import { create } from 'zustand';
import type { AccountsStatus, LoginResult } from '../../core/contract/accounts';
import { call, CallError } from '../api/client';
import { useStatus } from './status';
import { useUi } from './ui';

/** Why the sign-in screen covers the app; null when it does not. */
export type Prompt =
  | { reason: 'signedOut' }
  | { reason: 'switch'; name: string }
  | { reason: 'idle'; minutes: number }
  | { reason: 'mustChange' };

interface SessionState {
  status: AccountsStatus | null;
  /** The first accounts.status answer (or failure) has arrived; until then nothing is shown. */
  loaded: boolean;
  prompt: Prompt | null;
  /** Bumped whenever the person changes, so the current section remounts and reloads as them. */
  generation: number;
  load(): Promise<void>;
  signIn(username: string, password: string): Promise<LoginResult | undefined>;
  /** Quick switch: the person on duty signs out; the screen and section stay where they are. */
  switchUser(): Promise<void>;
  lock(minutes: number): Promise<void>;
  /** Single-user mode: leave the sign-in screen and carry on as the local operator. */
  continueLocal(): Promise<void>;
  /** A call was answered "unauthorized": the session ended elsewhere (expired, reset, deactivated). */
  requireSignIn(): void;
  passwordChanged(): Promise<void>;
}

function report(error: unknown): void {
  useUi.getState().reportError(error instanceof CallError ? error.body : { code: 'internal', key: 'errors.internal', message: String(error) });
}

/** What the screen must show for a status, keeping a prompt the user is in the middle of. */
function promptFor(status: AccountsStatus, current: Prompt | null): Prompt | null {
  if (status.account?.mustChangePassword) return { reason: 'mustChange' };
  if (status.account) return null;
  if (!status.singleUser) return current && current.reason !== 'mustChange' ? current : { reason: 'signedOut' };
  return current && current.reason !== 'mustChange' ? current : null;
}

export const useSession = create<SessionState>()((set, get) => {
  const changedPerson = async () => {
    set((state) => ({ generation: state.generation + 1 }));
    // The errors of the previous person are not the next person's business.
    for (const { id } of useUi.getState().errors) useUi.getState().dismissError(id);
    await useStatus.getState().refresh();
  };
  return {
    status: null,
    loaded: false,
    prompt: null,
    generation: 0,
    load: async () => {
      try {
        const status = await call('accounts.status', {});
        set((state) => ({ status, loaded: true, prompt: promptFor(status, state.prompt) }));
      } catch (error) {
        set({ loaded: true });
        report(error);
      }
    },
    signIn: async (username, password) => {
      let result: LoginResult;
      try {
        result = await call('accounts.login', { username, password });
      } catch (error) {
        report(error);
        return undefined;
      }
      if (result.ok) {
        const mustChange = result.account.mustChangePassword;
        set({ prompt: mustChange ? { reason: 'mustChange' } : null });
        await get().load();
        // Until the password is changed every other call is refused, so the app is not reloaded yet.
        if (!mustChange) await changedPerson();
      }
      return result;
    },
    switchUser: async () => {
      const name = get().status?.account?.displayName ?? get().status?.actor.name ?? '';
      try {
        await call('accounts.logout', {});
      } catch (error) {
        report(error);
      }
      set({ prompt: { reason: 'switch', name } });
      await get().load();
    },
    lock: async (minutes) => {
      try {
        await call('accounts.logout', {});
      } catch {
        // Locking must happen even when the service is gone; the screen is covered either way.
      }
      set({ prompt: { reason: 'idle', minutes } });
      await get().load();
    },
    continueLocal: async () => {
      set({ prompt: null });
      await get().load();
      await changedPerson();
    },
    requireSignIn: () => {
      if (!get().prompt) set({ prompt: { reason: 'signedOut' } });
      void get().load();
    },
    passwordChanged: async () => {
      set({ prompt: null });
      await get().load();
      await changedPerson();
    },
  };
});

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const ACTIVITY_PING_MS = 60_000;

/**
 * Locks the screen after the configured minutes without keyboard or pointer activity, while a
 * person is signed in: a duty PC left unattended must not stay open under someone's name.
 */
export function useAutoLock(): void {
  const minutes = useSession((state) => (state.status?.account && !state.prompt ? state.status.autoLockMinutes : 0));
  const lock = useSession((state) => state.lock);
  useEffect(() => {
    if (minutes <= 0) return;
    let last = Date.now();
    let toldServer = last;
    const touch = () => {
      last = Date.now();
      // The server ends a session after the same minutes without a call from a person; someone
      // typing a long handover makes no calls, so activity is passed on, at most once a minute.
      if (last - toldServer >= ACTIVITY_PING_MS) {
        toldServer = last;
        void call('accounts.status', {}).catch(() => undefined);
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void lock(minutes);
    }, 5_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
}

/** Whether the person at the screen is an administrator (in single-user mode the local operator is). */
export function useIsAdmin(): boolean {
  return useSession((state) => (state.status?.account ? state.status.account.role === 'admin' : state.status?.singleUser === true));
}
