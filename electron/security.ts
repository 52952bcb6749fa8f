import type { App, Session, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: tiles:",
  "connect-src 'self' tiles:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return appOrigin === 'file://' ? parsed.protocol === 'file:' : parsed.origin === appOrigin;
  } catch {
    return false;
  }
}

/** A duty desk shows no remote content: every navigation away and every new window is refused. */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Inspectors fix a hazard point's position with "use my location", so the app's own pages may
 * ask for geolocation; every other permission, and any other page, is refused.
 */
const GRANTED_PERMISSIONS = new Set(['geolocation']);

function mayUse(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appOrigin);
}

export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(mayUse(permission, details.requestingUrl, appOrigin)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => mayUse(permission, requestingOrigin, appOrigin));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function hardenApp(app: App, appOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));
}
