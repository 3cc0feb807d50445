// Checking a sign-in: the limits first (sign-in-limits.ts), then the password, in one of a few
// hash slots (hash-slots.ts). Failures are recorded per email typed and network address,
// whether or not an account has the email, so neither the message nor a refusal tells anyone
// which emails exist.
import { availableParallelism } from 'node:os';
import { hashSlots } from './hash-slots.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { DEFAULT_SIGN_IN_LIMITS, signInRefusal } from './sign-in-limits.js';
import type { Refusal, SignInLimits } from './sign-in-limits.js';
import type { HashSlots } from './hash-slots.js';
import type { SignInAttempt, Store } from '../store/store.js';

/** A core left for every other page; libuv runs at most four at once anyway. */
export const HASH_SLOTS = Math.min(4, Math.max(1, availableParallelism() - 1));
/** Attempts that may wait for a slot: a few seconds' worth at most. */
export const HASH_QUEUE = 8;
/** What a 503 asks for when every slot and the queue are taken. */
export const BUSY_RETRY_MS = 2000;

export type SignInResult = { ok: true, userId: number } | { ok: false, reason: 'wrong' } | ({ ok: false } & Refusal) | { ok: false, reason: 'busy', retryAfterMs: number };

export const normalizeEmail = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

/** One per collector process: the hashes compete for its CPU. */
export function signInChecker(store: Store, { limits = DEFAULT_SIGN_IN_LIMITS, slots = hashSlots({ slots: HASH_SLOTS, queue: HASH_QUEUE }) }: { limits?: SignInLimits, slots?: HashSlots } = {}) {
  async function checkPassword(attempt: SignInAttempt, password: string, now: () => number): Promise<SignInResult> {
    // Again, in the slot: attempts that waited together must not all pass a limit checked before.
    const refusal = await signInRefusal(store, attempt, now(), limits);
    if (refusal) return { ok: false, ...refusal };
    const user = attempt.email ? await store.staff.findUser(attempt.email) : undefined;
    // An unknown email costs the same scrypt as a known one.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (user && matches) {
      await store.staff.clearSignInFailures(attempt);
      return { ok: true, userId: user.id };
    }
    // Recorded before the slot is let go, so the next in line counts it.
    await store.staff.recordSignInFailure(attempt, now());
    return { ok: false, reason: 'wrong' };
  }

  /**
   * @param attempt email normalised; address as networkOf gives it
   * @param now the clock (Date.now in the server)
   */
  return async function checkSignIn(attempt: SignInAttempt, password: string, now: () => number): Promise<SignInResult> {
    // First outside the queue, so refused attempts never take a place in it.
    const refusal = await signInRefusal(store, attempt, now(), limits);
    if (refusal) return { ok: false, ...refusal };
    const result = await slots.run(() => checkPassword(attempt, password, now));
    return result === 'busy' ? { ok: false, reason: 'busy', retryAfterMs: BUSY_RETRY_MS } : result;
  };
}
