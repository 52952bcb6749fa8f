import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge';

contextBridge.exposeInMainWorld('flooddesk', createBridge((channel, method, input) => ipcRenderer.invoke(channel, method, input)));
