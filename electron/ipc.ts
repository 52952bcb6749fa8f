import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../core/errors';
import type { Actor } from '../db/context';
import type { Dispatcher } from '../db/dispatch';
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

export function registerContractIpc(ipcMain: IpcMain, options: { dispatcher: () => Dispatcher; appOrigin: string; actor: () => Actor }): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown): Result<unknown> => {
    if (!isTrustedSender(event, options.appOrigin)) {
      return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden', message: 'Call from an untrusted frame refused' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'validation', key: 'errors.unknownMethod', message: 'Method name must be a string', params: { method: String(method) } } };
    }
    return options.dispatcher().call(method, input, options.actor());
  });
}
