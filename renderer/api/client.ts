import type { InputOf, MethodName, OutputOf } from '../../core/contract';
import type { ErrorBody, Result } from '../../core/errors';
import type { Bridge } from '../../electron/preload-bridge';
import { useUi } from '../store/ui';

declare global {
  interface Window {
    /** Present inside Electron: the object the preload exposes, typed from it so the two cannot drift. */
    flooddesk?: Bridge;
  }
}

export class CallError extends Error {
  constructor(readonly body: ErrorBody, readonly method: string) {
    super(body.message);
  }
}

/** The double-submit CSRF token the server put in a readable cookie (`__Host-` prefixed over TLS). */
function csrfToken(): string {
  const cookies = new Map(document.cookie.split(';').map((part) => part.trim().split('=') as [string, string]));
  return cookies.get('__Host-flooddesk_csrf') ?? cookies.get('flooddesk_csrf') ?? '';
}

export interface CallOptions {
  /** Made by a timer, not a person: it does not keep an idle session alive on the server. */
  background?: boolean;
}

async function overHttp(method: string, input: unknown, options: CallOptions): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-FloodDesk-CSRF': csrfToken(), ...(options.background ? { 'X-FloodDesk-Background': '1' } : {}) },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'internal', key: 'errors.offline', message: 'The FloodDesk service cannot be reached' } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', key: 'errors.internal', message: `HTTP ${response.status}` } };
  }
}

/** The only way the UI talks to the backend: one contract, over IPC or HTTP. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>, options: CallOptions = {}): Promise<OutputOf<M>> {
  useUi.getState().clearErrorsOf(method);
  const result = window.flooddesk ? await window.flooddesk.call(method, input) : await overHttp(method, input, options);
  if (!result.ok) throw new CallError(result.error, method);
  return result.value as OutputOf<M>;
}
