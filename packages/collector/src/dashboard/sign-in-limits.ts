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
export const PAIR_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 30;
/** Failures for an email, from any address, before each attempt must wait. */
export const ACCOUNT_SLOW_AFTER = 10;
export const ACCOUNT_FIRST_DELAY_MS = 1000;
export const ACCOUNT_MAX_DELAY_MS = 60 * 1000;

export type Refusal = { reason: 'pair' | 'address' | 'account', retryAfterMs: number };

/** The wait after the last failure once an email has `failures` in the window: 1 s, 2 s, 4 s … 60 s. */
export function accountDelayMs(failures: number) {
  if (failures < ACCOUNT_SLOW_AFTER) return 0;
  return Math.min(ACCOUNT_FIRST_DELAY_MS * 2 ** (failures - ACCOUNT_SLOW_AFTER), ACCOUNT_MAX_DELAY_MS);
}
// Enough failures to reach the longest delay; more would not change it.
const ACCOUNT_LOOKBACK = ACCOUNT_SLOW_AFTER + Math.ceil(Math.log2(ACCOUNT_MAX_DELAY_MS / ACCOUNT_FIRST_DELAY_MS));

/**
 * @param times failures newest first, at most `max`
 * @returns how long until fewer than `max` remain in the window, or 0 if there are fewer now
 */
function untilUnderLimit(times: number[], max: number, now: number) {
  const oldestCounted = times[max - 1];
  return oldestCounted === undefined ? 0 : Math.max(1, oldestCounted + WINDOW_MS - now);
}

/** @returns why this attempt is refused without hashing, or null to check its password */
export async function signInRefusal(store: Store, attempt: SignInAttempt, now: number): Promise<Refusal | null> {
  const since = now - WINDOW_MS + 1;
  const [byAddress, byPair, byEmail] = await Promise.all([
    store.staff.recentSignInFailures({ address: attempt.address }, since, ADDRESS_MAX_FAILURES),
    store.staff.recentSignInFailures(attempt, since, PAIR_MAX_FAILURES),
    store.staff.recentSignInFailures({ email: attempt.email }, since, ACCOUNT_LOOKBACK),
  ]);
  const address = untilUnderLimit(byAddress, ADDRESS_MAX_FAILURES, now);
  if (address) return { reason: 'address', retryAfterMs: address };
  const pair = untilUnderLimit(byPair, PAIR_MAX_FAILURES, now);
  if (pair) return { reason: 'pair', retryAfterMs: pair };
  const [last] = byEmail;
  const account = last === undefined ? 0 : last + accountDelayMs(byEmail.length) - now;
  if (account > 0) return { reason: 'account', retryAfterMs: account };
  return null;
}
