// Staff sessions. The cookie holds a random id; the store holds only its SHA-256, so a copy of
// the database cannot be used to sign in. Sessions live in the store, so every collector
// process behind a load balancer knows them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

/** Sessions end eight hours after sign-in: a working day, then sign in again. */
export const SESSION_MS = 8 * 60 * 60 * 1000;
/** ...or after 30 minutes without a page: a dashboard left open on an unlocked desk closes itself. */
export const IDLE_MS = 30 * 60 * 1000;

export const isHttps = (req: FastifyRequest) => req.protocol === 'https';

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, for this host only, path /:
 * so over HTTPS nothing on a sibling subdomain can set or shadow it. Plain HTTP (a newcomer on
 * localhost) cannot have Secure cookies, so it gets the plain name.
 */
export const cookieName = (req: FastifyRequest, name: string) => (isHttps(req) ? `__Host-${name}` : name);

export const cookieOptions = (req: FastifyRequest, maxAgeSeconds: number) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: isHttps(req),
  maxAge: maxAgeSeconds,
});

export const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

export const randomToken = () => randomBytes(32).toString('base64url');

/** Constant-time string equality. */
export function sameToken(a: unknown, b: unknown) {
  if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * @returns the cookie value
 */
export async function startSession(store: Store, userId: number, now: number): Promise<string> {
  const id = randomToken();
  await store.staff.createSession({ idHash: hashId(id), userId, csrfToken: randomToken(), createdAt: now, expiresAt: now + SESSION_MS });
  return id;
}
