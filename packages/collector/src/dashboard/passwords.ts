// Staff passwords: scrypt (node:crypto) with a random salt per password; compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's minimum for scrypt (N=2^17, r=8, p=1) costs 128 MiB per hash; N=2^15 keeps a
// small council server responsive under several sign-ins at once, at 32 MiB.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, cost: { N: number, r: number, p: number }) {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEM }, (error, key) => (error ? reject(error) : resolve(key as Buffer))),
  );
}

/** @returns `scrypt$N$r$p$salt$key`, salt and key in base64url */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P }) as Buffer;
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }) as Buffer;
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;
/** A hash of a random password, checked when the email is unknown so that both take as long. */
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('base64url')));

/** A password people can copy from a terminal: 20 characters of base64url (120 bits). */
export function randomPassword() {
  return randomBytes(15).toString('base64url');
}

/** Passwords staff choose: long enough, not absurdly long (scrypt hashes all of it). */
export function passwordProblem(password: string) {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 256) return 'must be at most 256 characters';
  return null;
}
