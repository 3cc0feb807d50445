// Checking a sign-in. Failures are counted in the store per email typed, whether or not an
// account has it, so neither the message nor the lock-out tells anyone which emails exist.
import { decoyHash, verifyPassword } from './passwords.js';
import type { Store } from '../store/store.js';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export const normalizeEmail = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

/**
 * @param email normalised
 */
export async function checkSignIn(store: Store, email: string, password: string, now: number): Promise<{ ok: true, userId: number } | { ok: false, reason: 'wrong' | 'locked' }> {
  if ((await store.staff.countSignInFailures(email, now - LOCKOUT_MS)) >= MAX_FAILURES) return { ok: false, reason: 'locked' };
  const user = email ? await store.staff.findUser(email) : undefined;
  // An unknown email costs the same scrypt as a known one.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (user && matches) {
    await store.staff.clearSignInFailures(email);
    return { ok: true, userId: user.id };
  }
  await store.staff.recordSignInFailure(email, now);
  return { ok: false, reason: 'wrong' };
}
