import { failedSignIn, isLocked, type LockoutRules } from '../../core/domain/accounts/lockout';
import { perDb } from '../platform/per-db';

interface Attempts {
  failedAttempts: number;
  lockedUntilMs: number | null;
}

/**
 * Failed sign-ins counted per user name *and* origin. Counted per account alone, anyone on the
 * LAN could lock the administrator out by typing wrong passwords for that name; counted per
 * name and address, they lock only themselves. Names that do not exist are counted the same way,
 * so "locked" tells nobody that a name is real. Kept in memory: a restart, which signs everyone
 * out anyway, also forgets the locks (the HTTP layer's per-address limit still applies).
 */
export const signInThrottle = perDb(() => {
  const attempts = new Map<string, Attempts>();
  const keyOf = (username: string, origin: string) => `${username}\u0000${origin}`;
  return {
    lockedUntil(username: string, origin: string, nowMs: number): number | null {
      const lockedUntilMs = attempts.get(keyOf(username, origin))?.lockedUntilMs ?? null;
      return isLocked(lockedUntilMs, nowMs) ? lockedUntilMs : null;
    },
    failed(username: string, origin: string, nowMs: number, rules: LockoutRules): Attempts {
      const outcome = failedSignIn(attempts.get(keyOf(username, origin))?.failedAttempts ?? 0, nowMs, rules);
      attempts.set(keyOf(username, origin), outcome);
      return outcome;
    },
    succeeded(username: string, origin: string): void {
      attempts.delete(keyOf(username, origin));
    },
    /** An administrator's reset of the account lifts its locks from every origin. */
    forget(username: string): void {
      for (const key of attempts.keys()) if (key.startsWith(`${username}\u0000`)) attempts.delete(key);
    },
  };
});
