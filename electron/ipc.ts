import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../core/errors';
import type { Actor } from '../db/platform/context';
import type { Dispatcher } from '../db/platform/dispatch';
import { nextHeldSession, type HeldSession } from '../db/accounts/gate';
import { CALL_CHANNEL } from './channels';

/** Only our own top-level page may call: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return appOrigin === 'file://' ? url.protocol === 'file:' : url.origin === appOrigin;
  } catch {
    return false;
  }
}

export interface ContractIpcOptions {
  dispatcher: () => Dispatcher;
  appOrigin: string;
  /** Who the next call runs as: a session's actor, or null for "no session" (single-user mode may apply). */
  actor: () => Actor | null;
  /** Told every call's outcome, so a held session can start, end or be renewed. */
  afterCall?: (method: string, result: Result<unknown>) => void;
}

/**
 * The one window's session, held in the main process: the renderer never holds a token it could
 * leak, and a sign-in over IPC works like one over HTTP. Whether the session is still good
 * (account active, no reset since) is decided by the dispatcher on every call.
 */
export function createHeldSession(clock: () => number = Date.now) {
  let held: HeldSession | null = null;
  return {
    actor(): Actor | null {
      if (held && held.expiresAtMs <= clock()) held = null;
      return held?.actor ?? null;
    },
    afterCall(method: string, result: Result<unknown>): void {
      held = nextHeldSession(held, method, result);
    },
  };
}

export function registerContractIpc(ipcMain: IpcMain, options: ContractIpcOptions): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown): Result<unknown> => {
    if (!isTrustedSender(event, options.appOrigin)) {
      return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden', message: 'Call from an untrusted frame refused' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'validation', key: 'errors.unknownMethod', message: 'Method name must be a string', params: { method: String(method) } } };
    }
    const result = options.dispatcher().call(method, input, options.actor());
    options.afterCall?.(method, result);
    return result;
  });
}
