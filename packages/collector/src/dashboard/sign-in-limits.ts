// When a sign-in is refused before its password is even hashed. Three limits over the last
// WINDOW_MS of failures, each counted in the store (so every collector process shares them):
// - an email from one network address: stops a guesser without locking out the account's
//   owner, who signs in from their own network;
// - one network address over every email: stops spraying one password at many accounts;
// - an email from every address: never locked (that would let anyone lock staff out), only
//   slowed, one attempt per growing delay after the last failure, up to ACCOUNT_MAX_DELAY_MS.
// Emails with no account count the same, so no refusal tells which emails exist.
import type { SignInAttempt, Store } from '../store/store.js';

export const WINDOW_MS = 15 * 60 * 1000;
/** The defaults of the three limits (limits.signInFailures… in the configuration). */
export const PAIR_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 30;
/** Failures for an email, from any address, before each attempt must wait. */
export const ACCOUNT_SLOW_AFTER = 10;
export const ACCOUNT_FIRST_DELAY_MS = 1000;
export const ACCOUNT_MAX_DELAY_MS = 60 * 1000;

/** How many failures in WINDOW_MS each limit allows; a council may tune them (a shared office address, say). */
export type SignInLimits = { perAddressAndAccount: number, perAddress: number, beforeSlowing: number };
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = Object.freeze({ perAddressAndAccount: PAIR_MAX_FAILURES, perAddress: ADDRESS_MAX_FAILURES, beforeSlowing: ACCOUNT_SLOW_AFTER });

export type Refusal = { reason: 'pair' | 'address' | 'account', retryAfterMs: number };

/** The wait after the last failure once an email has `failures` in the window: 1 s, 2 s, 4 s … 60 s. */
export function accountDelayMs(failures: number, slowAfter = ACCOUNT_SLOW_AFTER) {
  if (failures < slowAfter) return 0;
  return Math.min(ACCOUNT_FIRST_DELAY_MS * 2 ** (failures - slowAfter), ACCOUNT_MAX_DELAY_MS);
}
// Enough failures past slowing to reach the longest delay; more would not change it.
const DOUBLINGS_TO_MAX = Math.ceil(Math.log2(ACCOUNT_MAX_DELAY_MS / ACCOUNT_FIRST_DELAY_MS));

/**
 * @param times failures newest first, at most `max`
 * @returns how long until fewer than `max` remain in the window, or 0 if there are fewer now
 */
function untilUnderLimit(times: number[], max: number, now: number) {
  const oldestCounted = times[max - 1];
  return oldestCounted === undefined ? 0 : Math.max(1, oldestCounted + WINDOW_MS - now);
}

/** @returns why this attempt is refused without hashing, or null to check its password */
export async function signInRefusal(store: Store, attempt: SignInAttempt, now: number, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): Promise<Refusal | null> {
  const since = now - WINDOW_MS + 1;
  const [byAddress, byPair, byEmail] = await Promise.all([
    store.staff.recentSignInFailures({ address: attempt.address }, since, limits.perAddress),
    store.staff.recentSignInFailures(attempt, since, limits.perAddressAndAccount),
    store.staff.recentSignInFailures({ email: attempt.email }, since, limits.beforeSlowing + DOUBLINGS_TO_MAX),
  ]);
  const address = untilUnderLimit(byAddress, limits.perAddress, now);
  if (address) return { reason: 'address', retryAfterMs: address };
  const pair = untilUnderLimit(byPair, limits.perAddressAndAccount, now);
  if (pair) return { reason: 'pair', retryAfterMs: pair };
  const [last] = byEmail;
  const account = last === undefined ? 0 : last + accountDelayMs(byEmail.length, limits.beforeSlowing) - now;
  if (account > 0) return { reason: 'account', retryAfterMs: account };
  return null;
}
