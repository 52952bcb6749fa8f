import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoginResult, PasswordChanged } from '../core/contract/accounts';
import type { ErrorBody, Result } from '../core/errors';
import type { Actor } from '../db/platform/context';
import { sessionActor, SIGNED_OUT_ACTOR, type SessionActor } from '../db/accounts/gate';

/**
 * Sessions, cookies, CSRF and the sign-in rate limit for serve mode. Sessions live in memory:
 * a restart signs everyone out, which is the safe failure for a duty desk, and nothing secret
 * is ever written to disk. Whether a session is still good (account active, password not reset
 * since) is decided by the dispatcher on every call from the database, not here.
 */
export const CSRF_HEADER = 'x-flooddesk-csrf';
/** Sent by the renderer's own timers (the status bar's refresh): such a call is not a person at the desk. */
export const BACKGROUND_HEADER = 'x-flooddesk-background';
const SESSION_NAME = 'flooddesk_session';
const CSRF_NAME = 'flooddesk_csrf';
/** Sign-in methods that change who is signed in; they always need the CSRF token. */
const SIGN_IN_WRITES = new Set(['accounts.login', 'accounts.logout', 'accounts.setupAdmin', 'accounts.changePassword']);
const MAX_SESSIONS = 10_000;

export interface AuthOptions {
  clock?: () => number;
  /** Served over TLS: cookies get Secure and the `__Host-` prefix (no other host or path can set them). */
  secure: boolean;
  /** Bound beyond loopback: never fall back to the local operator, whatever the settings say. */
  requireSignIn: boolean;
  /**
   * Whether a Host header (port removed) names this server, against DNS rebinding: a loopback desk
   * answers only to loopback names, a LAN desk to its own addresses and names (server/host-names.ts).
   */
  allowsHost(host: string): boolean;
  /**
   * Minutes without a call from a person (background refreshes do not count) after which the server
   * ends a session, read on each request so a settings change applies at once; 0 = only the absolute
   * expiry. Matches the screen lock, so a tab left open or closed does not leave a live session.
   */
  idleMinutes?: () => number;
  /** Failed sign-ins one address may make in `windowMs` before it must wait. */
  maxFailures?: number;
  windowMs?: number;
}

interface Session {
  actor: SessionActor;
  csrf: string;
  expiresAtMs: number;
  lastActiveMs: number;
}

export interface Auth {
  /** The refusal for a request that must not reach the dispatcher, or null. */
  screen(req: IncomingMessage, method: string, kind: 'read' | 'write'): { status: number; error: ErrorBody; retryAfterS?: number } | null;
  /** The session's actor, or who a caller without one is (see resolveCaller in db/services/accountsGate.ts). */
  actorFor(req: IncomingMessage): Actor | null;
  /** Sets or clears cookies after a sign-in method ran, and counts failed sign-ins. */
  afterCall(req: IncomingMessage, res: ServerResponse, method: string, result: Result<unknown>): void;
  /** Gives a browser its CSRF cookie before its first write. */
  ensureCsrfCookie(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Whether a request may reach the extra routes (map tiles): always on a loopback desk, only with
   * a session on the LAN. Checks the session's existence and expiry only; the API checks the account.
   */
  admitsRoute(req: IncomingMessage): boolean;
  readonly sessionCount: number;
}

const token = () => randomBytes(32).toString('base64url');
/** Sessions are keyed by a hash of the token, so a heap dump or a timing leak on the map lookup reveals nothing usable. */
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    // The first of two same-named cookies wins, as in browsers' own ordering (most specific path first).
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The address the limit is counted for; behind no proxy by design, so the socket address is the truth. */
const clientAddress = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

export function createAuth(options: AuthOptions): Auth {
  const clock = options.clock ?? Date.now;
  const maxFailures = options.maxFailures ?? 20;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const prefix = options.secure ? '__Host-' : '';
  const sessionName = `${prefix}${SESSION_NAME}`;
  const csrfName = `${prefix}${CSRF_NAME}`;
  const attributes = `Path=/; SameSite=Strict${options.secure ? '; Secure' : ''}`;
  const sessions = new Map<string, Session>();
  const failures = new Map<string, number[]>();

  function currentSession(req: IncomingMessage): { key: string; session: Session } | null {
    const value = parseCookies(req.headers.cookie).get(sessionName);
    if (!value) return null;
    const key = keyOf(value);
    const session = sessions.get(key);
    if (!session) return null;
    const now = clock();
    if (session.expiresAtMs <= now || idleTooLong(session, now)) {
      sessions.delete(key);
      return null;
    }
    return { key, session };
  }

  /**
   * The setting is read only once a session has been quiet for a minute (the shortest it can be):
   * every API call and every map tile passes here, and most come from sessions in use.
   */
  function idleTooLong(session: Session, now: number): boolean {
    const idle = now - session.lastActiveMs;
    if (idle < 60_000) return false;
    const idleMs = (options.idleMinutes?.() ?? 0) * 60_000;
    return idleMs > 0 && idle >= idleMs;
  }

  function recentFailures(address: string): number[] {
    const cutoff = clock() - windowMs;
    const kept = (failures.get(address) ?? []).filter((at) => at > cutoff);
    if (kept.length) failures.set(address, kept);
    else failures.delete(address);
    return kept;
  }

  function addCookie(res: ServerResponse, cookie: string): void {
    const existing = res.getHeader('Set-Cookie');
    const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)];
    res.setHeader('Set-Cookie', [...list, cookie]);
  }

  function startSession(res: ServerResponse, actor: SessionActor, expiresAtMs: number): void {
    const now = clock();
    for (const [key, s] of sessions) if (s.expiresAtMs <= now) sessions.delete(key);
    // Oldest first out: a flood of sign-ins cannot grow memory without bound.
    while (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    const value = token();
    const csrf = token();
    sessions.set(keyOf(value), { actor: { ...actor, ...(options.requireSignIn ? { signInRequired: true } : {}) }, csrf, expiresAtMs, lastActiveMs: now });
    // No Max-Age: the cookie ends with the browser, so closing it ends the session on that PC;
    // the server still ends it at expiresAtMs.
    addCookie(res, `${sessionName}=${value}; ${attributes}; HttpOnly`);
    // A fresh CSRF token with each session, so one seen before sign-in is useless after it.
    addCookie(res, `${csrfName}=${csrf}; ${attributes}`);
  }

  function dropSession(req: IncomingMessage): void {
    const current = currentSession(req);
    if (current) sessions.delete(current.key);
  }

  function endSession(req: IncomingMessage, res: ServerResponse): void {
    dropSession(req);
    addCookie(res, `${sessionName}=; ${attributes}; HttpOnly; Max-Age=0`);
    addCookie(res, `${csrfName}=${token()}; ${attributes}`);
  }

  function originAllowed(req: IncomingMessage): boolean {
    const host = String(req.headers.host ?? '').toLowerCase();
    if (!options.allowsHost(host.replace(/:\d+$/, ''))) return false;
    // Browsers send Origin with every POST; other clients (scripts, tests) may not, and carry no cookies of ours.
    const origin = req.headers.origin;
    if (origin === undefined) return req.headers['sec-fetch-site'] === undefined || req.headers['sec-fetch-site'] === 'same-origin';
    try {
      return new URL(origin).host.toLowerCase() === host && new URL(origin).protocol === (options.secure ? 'https:' : 'http:');
    } catch {
      return false;
    }
  }

  return {
    screen(req, method, kind) {
      if (!originAllowed(req)) return { status: 403, error: { code: 'forbidden', key: 'errors.crossOrigin', message: 'Cross-site or misaddressed request refused' } };
      if (kind === 'read' && !SIGN_IN_WRITES.has(method)) return null;
      if (SIGN_IN_WRITES.has(method)) {
        const recent = recentFailures(clientAddress(req));
        if (recent.length >= maxFailures) {
          const retryAfterS = Math.max(1, Math.ceil((recent[0] + windowMs - clock()) / 1000));
          return { status: 429, retryAfterS, error: { code: 'forbidden', key: 'errors.accounts.tooManyAttempts', message: `Too many failed sign-ins; try again in ${retryAfterS} s`, params: { seconds: retryAfterS } } };
        }
      }
      const current = currentSession(req);
      // Without a session on a loopback desk there is nothing to ride on; the Origin check above suffices.
      if (!current && !options.requireSignIn && !SIGN_IN_WRITES.has(method)) return null;
      const header = req.headers[CSRF_HEADER];
      const cookie = parseCookies(req.headers.cookie).get(csrfName);
      const expected = current?.session.csrf ?? cookie;
      if (typeof header !== 'string' || !cookie || !expected || !sameText(header, cookie) || !sameText(header, expected)) {
        return { status: 403, error: { code: 'forbidden', key: 'errors.csrf', message: 'Missing or wrong CSRF token; reload the page' } };
      }
      return null;
    },
    actorFor(req) {
      const current = currentSession(req);
      if (current && req.headers[BACKGROUND_HEADER] !== '1') current.session.lastActiveMs = clock();
      if (current) return current.session.actor;
      return options.requireSignIn ? SIGNED_OUT_ACTOR : null;
    },
    afterCall(req, res, method, result) {
      if (method === 'accounts.login') {
        const login = result.ok ? (result.value as LoginResult) : null;
        if (login?.ok) {
          dropSession(req);
          startSession(res, sessionActor(login.account, login.sessionEpoch), login.expiresAtMs);
        } else if (login) {
          failures.set(clientAddress(req), [...recentFailures(clientAddress(req)), clock()]);
        }
      } else if (method === 'accounts.logout' && result.ok) {
        endSession(req, res);
      } else if (method === 'accounts.changePassword') {
        if (result.ok) {
          // The change ended every session of the account; the person who made it stays signed in.
          const changed = result.value as PasswordChanged;
          dropSession(req);
          startSession(res, sessionActor(changed.account, changed.sessionEpoch), changed.expiresAtMs);
        } else if (result.error.key === 'errors.accounts.wrongPassword') {
          failures.set(clientAddress(req), [...recentFailures(clientAddress(req)), clock()]);
        }
      }
    },
    ensureCsrfCookie(req, res) {
      if (!parseCookies(req.headers.cookie).has(csrfName)) addCookie(res, `${csrfName}=${token()}; ${attributes}`);
    },
    admitsRoute(req) {
      return !options.requireSignIn || (originAllowed(req) && currentSession(req) !== null);
    },
    get sessionCount() {
      return sessions.size;
    },
  };
}
