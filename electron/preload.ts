import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL } from './channels';

/**
 * The renderer gets exactly one function. No ipcRenderer, no Node: everything it may do is
 * a contract method, validated again in the main process.
 */
export const bridge = {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('flooddesk', bridge);
