// The staff dashboard, mounted at /dashboard: sign-in and sign-out, the feedback inbox and its
// quarantine view, mark reviewed, delete one answer, CSV export; the finder, polls and offers
// of help in routes of their own. Server-rendered HTML that works without JavaScript; every
// POST form carries a CSRF token.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { toCsv } from './csv.js';
import { parseFilters, queryString } from './filters.js';
import callDashboard from './calls-plugin.js';
import offerDashboard from './offers-plugin.js';
import pollDashboard from './polls-plugin.js';
import { networkOf } from './network-address.js';
import { signInChecker, normalizeEmail } from './sign-in.js';
import { signInRefusalPage } from './sign-in-refusals.js';
import { cookieName, cookieOptions, hashId, IDLE_MS, randomToken, sameToken, SESSION_MS, startSession } from './sessions.js';
import { inboxPage } from './views/inbox.js';
import { signInPage } from './views/sign-in.js';
import { deletePage, errorPage } from './views/pages.js';
import { finderRoutes } from './finder-routes.js';
import { fieldOf, fieldsOf } from './fields.js';
import type { ContactSealer } from '../pledges/contact-sealing.js';
import type { StaffSession, Store } from '../store/store.js';
import type { CollectorConfig } from '../config.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Outside src/ so that src/dashboard/ and dist/dashboard/ find it at the same place.
const CSS = readFileSync(new URL('../../assets/dashboard.css', import.meta.url), 'utf8');
const PAGE_SIZE = 25;
const EXPORT_CHUNK = 1000;
const SESSION = 'tandem_session';
// The sign-in form's CSRF token, double-submitted: this cookie must match the form field. A
// forged cross-site POST carries no SameSite=Lax cookie, and over HTTPS the __Host- prefix
// stops a sibling subdomain from planting one.
const SIGN_IN = 'tandem_sign_in';
const ID = /^[A-Za-z0-9-]{1,100}$/;


export type DashboardOptions = {
  store: Store;
  config: CollectorConfig;
  /** Opens offers' contact details for staff; null without a contact key. */
  contactSealer: ContactSealer | null;
};

export type SignedIn = StaffSession & { idHash: string };

export default async function dashboardRoutes(app: FastifyInstance, { store, config, contactSealer }: DashboardOptions): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  const siteIds = config.sites.map((site) => site.id);
  const checkSignIn = signInChecker(store, {
    limits: { perAddressAndAccount: config.limits.signInFailuresPerAddressAndAccount, perAddress: config.limits.signInFailuresPerAddress, beforeSlowing: config.limits.signInFailuresBeforeSlowing },
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // Pages show residents' answers and carry tokens: never kept by a browser or proxy.
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  async function signedIn(req: FastifyRequest): Promise<SignedIn | null> {
    const id = req.cookies[cookieName(req, SESSION)];
    if (!id) return null;
    const idHash = hashId(id);
    const session = await store.staff.findSession(idHash, Date.now(), IDLE_MS);
    return session ? { ...session, idHash } : null;
  }

  /** The session, or a redirect to sign in (after which nothing else runs). */
  const requireSession = async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await signedIn(req);
    if (!session) {
      reply.redirect('/dashboard/sign-in', 303);
      return null;
    }
    return session;
  };

  /** POSTs by a signed-in user must carry the session's token. */
  const checkCsrf = (session: SignedIn, body: unknown) => sameToken(fieldOf(body, '_csrf'), session.csrfToken);

  const sendPage = (reply: FastifyReply, page: unknown, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(String(page));

  const forbidden = (reply: FastifyReply, user: SignedIn | null) =>
    sendPage(reply, errorPage({ status: 403, title: 'This form has expired', message: 'The form was missing its security token or it did not match. Go back, reload the page and try again.', user }), 403);

  app.setErrorHandler((caught, req, reply) => {
    const error = caught as Error & { statusCode?: number, code?: string };
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: { type: error.name, code: error.code, message: error.message } }, 'dashboard request failed');
    const title = status === 500 ? 'Sorry, there is a problem with the dashboard' : 'The dashboard could not do that';
    return sendPage(reply, errorPage({ status, title, message: status === 500 ? 'Try again later.' : 'Check the address or the form, then try again.' }), status);
  });
  app.setNotFoundHandler((req, reply) => sendPage(reply, errorPage({ status: 404, title: 'Page not found', message: 'There is no dashboard page at this address.' }), 404));

  app.get('/assets/dashboard.css', (req, reply) => reply.header('Cache-Control', 'public, max-age=3600').type('text/css; charset=utf-8').send(CSS));

  // Sign in and out.

  const signInToken = (req: FastifyRequest, reply: FastifyReply) => {
    const name = cookieName(req, SIGN_IN);
    const existing = req.cookies[name];
    const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken();
    reply.setCookie(name, token, cookieOptions(req, 60 * 60));
    return token;
  };

  app.get('/sign-in', async (req, reply) => {
    if (await signedIn(req)) return reply.redirect('/dashboard', 303);
    const notice = fieldOf(req.query, 'signed_out') === '1' ? 'You have signed out.' : undefined;
    return sendPage(reply, signInPage({ csrfToken: signInToken(req, reply), notice }));
  });

  app.post('/sign-in', async (req, reply) => {
    const body = fieldsOf(req.body);
    const email = normalizeEmail(body.email).slice(0, 254);
    if (!sameToken(body._csrf, req.cookies[cookieName(req, SIGN_IN)])) {
      return sendPage(reply, signInPage({ csrfToken: signInToken(req, reply), email, notice: 'The sign-in form had expired. Sign in again.' }), 403);
    }
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    const result = await checkSignIn({ email, address: networkOf(req.ip) }, password, Date.now);
    if (!result.ok) {
      req.log.info({ outcome: result.reason }, 'sign-in refused');
      const refused = signInRefusalPage(result);
      if (refused.retryAfterSeconds) reply.header('Retry-After', String(refused.retryAfterSeconds));
      return sendPage(reply, signInPage({ csrfToken: signInToken(req, reply), email, problems: [{ field: 'email', message: refused.message }] }), refused.status);
    }
    // Always a new id at sign-in, so a session id planted before cannot be taken over.
    const id = await startSession(store, result.userId, Date.now());
    reply.setCookie(cookieName(req, SESSION), id, cookieOptions(req, SESSION_MS / 1000));
    reply.clearCookie(cookieName(req, SIGN_IN), cookieOptions(req, 0));
    return reply.redirect('/dashboard', 303);
  });

  app.post('/sign-out', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    await store.staff.deleteSession(session.idHash);
    reply.clearCookie(cookieName(req, SESSION), cookieOptions(req, 0));
    return reply.redirect('/dashboard/sign-in?signed_out=1', 303);
  });

  finderRoutes(app, { store, config, requireSession, sendPage });

  // The inbox, its export, and what staff do to one answer.

  const NOTICES = ({ reviewed: 'The answer is marked as reviewed.', deleted: 'The answer has been deleted.', missing: 'That answer no longer exists.' } as Record<string, string>);

  app.get('/', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const query = req.query as Record<string, unknown>;
    const parsed = parseFilters(query, siteIds);
    const [list, counts, pages] = await Promise.all([
      store.dashboard.listAnswers(parsed.filter, { limit: PAGE_SIZE, offset: (parsed.page - 1) * PAGE_SIZE }),
      parsed.filter.quarantined ? [] : store.dashboard.pageCounts({ site: parsed.filter.site, pageUrl: parsed.filter.pageUrl }, Date.now()),
      store.dashboard.listPages(parsed.filter.site),
    ]);
    const notice = typeof query.done === 'string' ? NOTICES[query.done] : undefined;
    return sendPage(reply, inboxPage({ user: session, parsed, siteIds, pages, counts, rows: list.rows, total: list.total, pageSize: PAGE_SIZE, notice }));
  });

  app.get('/export.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const { filter } = parseFilters(req.query as Record<string, unknown>, siteIds);
    // Fixed at the start, so answers arriving during the export cannot shift its pages.
    const bounded = { ...filter, to: Math.min(filter.to ?? Infinity, Date.now() + 1) };
    async function* chunks() {
      yield '\ufeff'; // so spreadsheet programs read the file as UTF-8
      for (let offset = 0; ; offset += EXPORT_CHUNK) {
        const { rows } = await store.dashboard.listAnswers(bounded, { limit: EXPORT_CHUNK, offset });
        yield toCsv(rows, offset === 0);
        if (rows.length < EXPORT_CHUNK) return;
      }
    }
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="tandem-feedback${filter.quarantined ? '-quarantine' : ''}-${day}.csv"`)
      .send(Readable.from(chunks()));
  });

  /** The filters to go back to, rebuilt from a posted or queried `back` (never a raw URL). */
  const backTo = (back: unknown) => {
    const parsed = parseFilters(Object.fromEntries(new URLSearchParams(typeof back === 'string' ? back : '')), siteIds);
    return queryString(parsed.values, { p: parsed.page > 1 ? parsed.page : '' });
  };
  const withNotice = (back: string, done: string) => `/dashboard${back ? `${back}&` : '?'}done=${done}`;

  app.post('/answers/:id/reviewed', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const { id } = req.params as { id: string };
    const done = ID.test(id) && (await store.submissions.markReviewed(id, session.email, Date.now()));
    return reply.redirect(withNotice(backTo(fieldOf(req.body, 'back')), done ? 'reviewed' : 'missing'), 303);
  });

  app.get('/answers/:id/delete', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const { id } = req.params as { id: string };
    const row = ID.test(id) ? await store.submissions.get(id) : undefined;
    const back = backTo(fieldOf(req.query, 'back'));
    if (!row) return reply.redirect(withNotice(back, 'missing'), 303);
    return sendPage(reply, deletePage({ user: session, row, back }));
  });

  app.post('/answers/:id/delete', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const { id } = req.params as { id: string };
    const deleted = ID.test(id) && (await store.submissions.remove(id));
    // Who deleted what, never the answer's text: the log is the record of a resident's request.
    if (deleted) req.log.info({ submission: id, by: session.email }, 'answer deleted on request');
    return reply.redirect(withNotice(backTo(fieldOf(req.body, 'back')), deleted ? 'deleted' : 'missing'), 303);
  });

  // Polls: list, results, moderation, policies and exports (polls-plugin.js), with this plugin's session and CSRF checks.
  const section = { store, config, contactSealer, requireSession, checkCsrf, sendPage, forbidden };
  await app.register(pollDashboard, { prefix: '/polls', ...section });
  await app.register(offerDashboard, { prefix: '/offers', ...section });
  await app.register(callDashboard, { prefix: '/offers/calls', ...section });
}
