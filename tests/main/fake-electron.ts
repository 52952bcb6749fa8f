import { EventEmitter } from 'node:events';

/**
 * Just enough of Electron's main-process and preload API to run our own modules against,
 * recording what they asked of it. The modules under test are real; only Electron is fake.
 */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron does and reports whether a listener prevented the default. */
  attempt(eventName: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, handler);
  }
  invoke(channel: string, event: unknown, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

export class FakeSession {
  permissionHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void) | undefined;
  checkHandler: ((contents: unknown, permission: string, requestingOrigin: string) => boolean) | undefined;
  headersListener: ((details: { responseHeaders: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined;
  setPermissionRequestHandler(handler: FakeSession['permissionHandler']) {
    this.permissionHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
}

/** Records declared schemes and protocol handlers (tiles://). */
export class FakeProtocol {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  handlers = new Map<string, (request: { url: string }) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: { url: string }) => Response | Promise<Response>) {
    this.handlers.set(scheme, handler);
  }
  /** Asks the registered handler as Chromium would. */
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    return handler({ url });
  }
}

export const exposed: Record<string, unknown> = {};
export const invoked: { channel: string; args: unknown[] }[] = [];

export const fakeElectron = {
  ipcMain: new FakeIpcMain(),
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return { ok: true, value: null };
    },
  },
  app: new EventEmitter(),
  BrowserWindow: FakeBrowserWindow,
  protocol: new FakeProtocol(),
};
