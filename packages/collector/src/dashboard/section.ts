// What plugin.ts lends each section of the dashboard it mounts (polls, offers of help, calls
// for help): the store and configuration, and its session, CSRF and page helpers.
import type { CollectorConfig } from '../config.js';
import type { ContactSealer } from '../pledges/contact-sealing.js';
import type { Store } from '../store/store.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedIn } from './plugin.js';

export type SectionOptions = {
  store: Store;
  config: CollectorConfig;
  /** Opens offers' contact details; null when the collector has no contact key (then it has no lists either). */
  contactSealer: ContactSealer | null;
  /** The session, or a redirect to sign in (and null). */
  requireSession: (req: FastifyRequest, reply: FastifyReply) => Promise<SignedIn | null>;
  /** Whether a POST carries the session's CSRF token. */
  checkCsrf: (session: SignedIn, body: unknown) => boolean;
  sendPage: (reply: FastifyReply, page: unknown, status?: number) => FastifyReply;
  /** The "This form has expired" page, 403. */
  forbidden: (reply: FastifyReply, user: SignedIn | null) => FastifyReply;
};
