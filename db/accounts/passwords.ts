import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto: a memory-hard scheme (RFC 7914) that is built
 * into Node, so no native add-on or third-party package has to be trusted or rebuilt for
 * Electron. Each hash carries its own random salt and its cost parameters, so verifying an old
 * hash keeps working after the defaults are raised (`needsRehash` says when to re-hash on login).
 *
 * Stored form: `scrypt$N$r$p$<salt base64>$<hash base64>`.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8: 32 MiB and roughly 0.1 s per hash on an office PC. OWASP suggests 2^17; this is
 * lower because a hash blocks the one process that serves every desk while it runs, and the login
 * rate limit and lockout already slow guessing online. Raise it here: old hashes upgrade at sign-in.
 */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

const maxmem = (params: ScryptParams) => 256 * params.N * params.r * params.p;

/** The same code points however the keyboard or IME produced them (RFC 8265 uses NFC for passwords). */
const normalise = (password: string) => password.normalize('NFC');

export function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): string {
  const salt = randomBytes(SALT_BYTES);
  const key = scryptSync(normalise(password), salt, KEY_BYTES, { ...params, maxmem: maxmem(params) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  // Bounds keep a tampered row from making verification allocate gigabytes.
  if (!Number.isInteger(Math.log2(N)) || N < 2 ** 10 || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

/** Constant-time comparison of the derived key; an unreadable stored hash never verifies. */
export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  const { salt, key, ...params } = parsed;
  const candidate = scryptSync(normalise(password), salt, key.length, { ...params, maxmem: maxmem(params) });
  return timingSafeEqual(candidate, key);
}

export function needsRehash(stored: string, params: ScryptParams = DEFAULT_PARAMS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p;
}

let dummy: string | undefined;

/** Spends the same time as a real check, so an unknown user name cannot be told apart by timing. */
export function burnVerification(password: string): void {
  dummy ??= hashPassword('flooddesk-unknown-user');
  verifyPassword(password, dummy);
}
