import type { Result } from '../core/errors';
import { CALL_CHANNEL } from './channels';

/**
 * `ipcRenderer.invoke`, as the bridge needs it. Named here rather than imported so this file
 * imports nothing from Electron: the renderer's typecheck reads it for `Window.flooddesk`, and
 * Electron's types would bring Node's globals into the renderer with them. The main process
 * answers the call channel with the dispatcher's Result (electron/ipc.ts).
 */
export type Invoke = (channel: typeof CALL_CHANNEL, method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The renderer gets exactly one function. No ipcRenderer, no Node: everything it may do is
 * a contract method, validated again in the main process.
 */
export function createBridge(invoke: Invoke) {
  return {
    call: (method: string, input: unknown) => invoke(CALL_CHANNEL, method, input),
  };
}

/** What the preload exposes as `window.flooddesk`; the renderer declares the global with it. */
export type Bridge = ReturnType<typeof createBridge>;
