/** A lock never lasts longer than a day: an administrator can always reset sooner. */
export const MAX_LOCK_MINUTES = 24 * 60;

export interface LockoutRules {
  /** Every this-many failures in a row lock the account. */
  lockoutAfter: number;
  /** The first lock's length; each further round doubles it. */
  lockoutMinutes: number;
}

export interface FailureOutcome {
  failedAttempts: number;
  /** Set when this failure completes a round; null otherwise. */
  lockedUntilMs: number | null;
}

/**
 * Back-off for a failed sign-in: with the defaults, the 5th failure in a row locks for 1 minute,
 * the 10th for 2, the 15th for 4 … up to a day. Guessing is slowed exponentially while a person
 * who mistypes a few times is never locked out for long. A success resets the count.
 */
export function failedSignIn(failedBefore: number, nowMs: number, rules: LockoutRules): FailureOutcome {
  const failedAttempts = failedBefore + 1;
  if (failedAttempts % rules.lockoutAfter !== 0) return { failedAttempts, lockedUntilMs: null };
  const round = failedAttempts / rules.lockoutAfter;
  // The exponent is capped before it is used, so a huge count cannot overflow to Infinity.
  const minutes = Math.min(rules.lockoutMinutes * 2 ** Math.min(round - 1, 20), MAX_LOCK_MINUTES);
  return { failedAttempts, lockedUntilMs: nowMs + minutes * 60_000 };
}

export function isLocked(lockedUntilMs: number | null, nowMs: number): lockedUntilMs is number {
  return lockedUntilMs !== null && lockedUntilMs > nowMs;
}
