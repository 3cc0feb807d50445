// Staff sessions. The cookie holds a random id; the store holds only its SHA-256, so a copy of
// the database cannot be used to sign in. Sessions live in the store, so every collector
// process behind a load balancer knows them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Sessions end eight hours after sign-in: a working day, then sign in again. */
export const SESSION_MS = 8 * 60 * 60 * 1000;
/** ...or after 30 minutes without a page: a dashboard left open on an unlocked desk closes itself. */
export const IDLE_MS = 30 * 60 * 1000;

/** @param {import('fastify').FastifyRequest} req */
export const isHttps = (req) => req.protocol === 'https';

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, for this host only, path /:
 * so over HTTPS nothing on a sibling subdomain can set or shadow it. Plain HTTP (a newcomer on
 * localhost) cannot have Secure cookies, so it gets the plain name.
 * @param {import('fastify').FastifyRequest} req  @param {string} name
 */
export const cookieName = (req, name) => (isHttps(req) ? `__Host-${name}` : name);

/** @param {import('fastify').FastifyRequest} req  @param {number} maxAgeSeconds */
export const cookieOptions = (req, maxAgeSeconds) => ({
  path: '/',
  httpOnly: true,
  sameSite: /** @type {const} */ ('lax'),
  secure: isHttps(req),
  maxAge: maxAgeSeconds,
});

/** @param {string} id */
export const hashId = (id) => createHash('sha256').update(id).digest('base64url');

export const randomToken = () => randomBytes(32).toString('base64url');

/** Constant-time string equality. @param {unknown} a  @param {unknown} b */
export function sameToken(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * @param {import('../store/store.js').Store} store  @param {number} userId  @param {number} now
 * @returns {Promise<string>} the cookie value
 */
export async function startSession(store, userId, now) {
  const id = randomToken();
  await store.createSession({ idHash: hashId(id), userId, csrfToken: randomToken(), createdAt: now, expiresAt: now + SESSION_MS });
  return id;
}
