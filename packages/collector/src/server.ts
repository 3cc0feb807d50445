// Builds the collector: one Fastify app over one store. Routes are plugins registered here,
// the staff dashboard (at /dashboard) among them; `plugins` adds more.
import helmet from 'helmet';
import Fastify, { LogController } from 'fastify';
import pino from 'pino';
import { BODY_LIMIT } from './body.js';
import dashboardRoutes from './dashboard/plugin.js';
import { useErrorShape } from './errors.js';
import { useRateLimits } from './rate-limit.js';
import healthRoutes from './routes/health.js';
import { contactSealer, readContactKey } from './pledges/contact-sealing.js';
import pledgeRoutes from './routes/pledges.js';
import pollRoutes from './routes/polls.js';
import staticRoutes from './routes/static.js';
import submissionRoutes from './routes/submissions.js';
import { siteRegistry } from './sites.js';
import { openConfiguredStore } from './store/open-configured-store.js';
import { assertStore } from './store/store.js';
import type { Store } from './store/store.js';
import type { Writable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { CollectorConfig } from './config.js';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

const DAY = 24 * 60 * 60 * 1000;
const PURGE_EVERY = 60 * 60 * 1000;

/** For JSON answers: never sniffed as a page, never framed, no referrer (HTTPS remembered: see securityHeaders). */
const API_HEADERS = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

const HSTS = 'Strict-Transport-Security';

/**
 * The security headers for each kind of response, worked out once. Strict-Transport-Security
 * only over HTTPS: RFC 6797 (7.2) forbids it over plain HTTP, where browsers ignore it anyway.
 * @param pageHeaders Helmet's, for the dashboard, examples and bundles.
 */
function securityHeaders(pageHeaders: Record<string, string>) {
  const { [HSTS]: hsts = 'max-age=31536000; includeSubDomains', ...pageOverHttp } = pageHeaders;
  return {
    api: { http: API_HEADERS, https: Object.freeze({ ...API_HEADERS, [HSTS]: hsts }) },
    page: { http: Object.freeze(pageOverHttp), https: Object.freeze({ ...pageOverHttp, [HSTS]: hsts }) },
  };
}

/** The headers helmet sets, with our Content-Security-Policy for the dashboard and examples. */
function helmetHeaders() {
  const secure = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  const headers: Record<string, string> = {};
  const recorder = { setHeader: (name: string, value: string) => (headers[name] = value), removeHeader() {} };
  // helmet writes its headers through setHeader only, so a recorder stands in for a response.
  secure({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  if (!headers['Content-Security-Policy']) throw new Error('helmet set no Content-Security-Policy');
  return Object.freeze(headers);
}

export { databaseFile } from './store/open-configured-store.js';

export type CollectorOptions = {
  /** Defaults to SQLite in config.dataDir (closed with the app). */
  store?: Store;
  /** Where JSON log lines go (default stdout). */
  logStream?: Writable;
  /** More routes. */
  plugins?: { plugin: FastifyPluginAsync<{ store: Store, config: CollectorConfig }>, options?: object }[];
};

export async function createCollector(config: CollectorConfig, { store, logStream, plugins = [] }: CollectorOptions = {}) {
  const ownStore = !store;
  const activeStore = assertStore(store ?? (await openConfiguredStore(config)));
  const sites = siteRegistry(config.sites);

  // Log lines gather in memory and leave in writes of 4 KiB, or every second when it is quiet,
  // so logging costs one write per few dozen answers rather than one each; a crash can lose
  // only the last second of log lines, never an answer.
  const stream = logStream ?? pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const logFlusher = logStream ? undefined : setInterval(() => (stream as ReturnType<typeof pino.destination>).flush(), 1000).unref();
  const app: FastifyInstance = Fastify({
    logger: {
      level: config.logLevel,
      stream,
      // Method and path only: no headers, no query, no body.
      serializers: { req: (req) => ({ method: req.method, url: loggedPath(req.url), remoteAddress: req.ip }) },
    },
    // Named proxies or a hop count, never `true` (config.ts). A hop count is valid at run time
    // (proxy-addr), though Fastify's types omit it.
    trustProxy: config.trustProxy as boolean | string | string[],
    // One log line per answer (the route's own), not three: logging was a tenth of the cost.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // Node checks the header and request timeouts only every connectionsCheckingInterval
    // (30 s by default), so it is kept well below the shorter of them.
    http: { headersTimeout: config.timeouts.headersMs, connectionsCheckingInterval: Math.min(1000, Math.ceil(config.timeouts.headersMs / 4)) },
    requestTimeout: config.timeouts.requestMs,
    connectionTimeout: config.timeouts.idleMs,
    keepAliveTimeout: config.timeouts.keepAliveMs,
    return503OnClosing: true,
  });
  // Until the store is closed by onClose, a failed start must still release it.
  try {
    useErrorShape(app);
    // Helmet's security headers are the same for every response, so they are worked out once
    // here and then set as a list: running helmet per request was a measurable share of the
    // cost of taking an answer (bench/ingest). The JSON API gets the few that mean something
    // for JSON; the pages (dashboard, examples, bundles) get them all.
    const headers = securityHeaders(helmetHeaders());
    app.addHook('onRequest', (req, reply, done) => {
      reply.headers((req.url.startsWith('/v1/') ? headers.api : headers.page)[req.protocol === 'https' ? 'https' : 'http']);
      done();
    });
    const rateLimits = useRateLimits(app, activeStore);
    await app.register(healthRoutes, { store: activeStore });
    const sealer = config.contactKey ? contactSealer(readContactKey(config.contactKey)) : null;
    await app.register(submissionRoutes, { store: activeStore, sites, limits: config.limits, rateLimits, contactSealer: sealer });
    await app.register(pollRoutes, { store: activeStore, sites, polls: config.polls ?? [] });
    await app.register(pledgeRoutes, { store: activeStore, sites, pledges: config.pledges ?? [], rateLimits });
    await app.register(dashboardRoutes, { prefix: '/dashboard', store: activeStore, config, contactSealer: sealer });
    for (const { plugin, options } of plugins) await app.register(plugin, { ...options, store: activeStore, config });
    await app.register(staticRoutes, { bundleDir: config.bundleDir, examplesDir: config.examplesDir });
  } catch (error) {
    if (ownStore) await activeStore.close();
    throw error;
  }

  const purge = () =>
    activeStore.purgeBefore(Date.now() - config.retentionDays * DAY, Date.now()).then(
      (count) => count && app.log.info({ count }, 'purged answers past the retention period'),
      (error) => app.log.error({ err: { message: error.message } }, 'retention purge failed'),
    );
  const timer = setInterval(purge, PURGE_EVERY).unref();
  // Once at start (before taking requests), then hourly.
  app.addHook('onReady', async () => {
    await purge();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(logFlusher);
    if (!logStream) (stream as ReturnType<typeof pino.destination>).flushSync();
    // Fastify has finished the requests in flight; their writes are committed before this.
    if (ownStore) await activeStore.close();
  });
  return app;
}

/**
 * Creates the collector and listens. Resolves to the app and its base URL.
 */
/**
 * A request's path as the log keeps it: no query, and no offer's id, from which anyone could work
 * out the reference that withdraws the offer.
 */
export const loggedPath = (url: string) => url.split('?')[0]?.replace(/^\/dashboard\/offers\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|$)/, '/dashboard/offers/{id}') ?? '';

export async function startCollector(config: CollectorConfig, options?: CollectorOptions) {
  const app = await createCollector(config, options);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { app, url: `http://${host}:${address.port}` };
}
