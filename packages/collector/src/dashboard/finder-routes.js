// The finder's dashboard pages: /dashboard/finder and its CSV exports. Registered by plugin.js,
// which hands over its session check and page sender, so sign-in works as everywhere else.
import { Readable } from 'node:stream';
import { needsCsv, notHelpedCsv } from './finder-csv.js';
import { parseFinderFilters } from './finder-filters.js';
import { finderPage } from './views/finder.js';

const PAGE_SIZE = 25;
const TOP = 20;
const EXPORT_NEEDS = 10000;
const EXPORT_CHUNK = 1000;

/**
 * @typedef {object} FinderRouteOptions
 * @property {import('../store/store.js').Store} store
 * @property {import('../config.js').CollectorConfig} config
 * @property {(req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<{ email: string, csrfToken: string } | null>} requireSession
 * @property {(reply: import('fastify').FastifyReply, page: unknown, status?: number) => unknown} sendPage
 */

/** @param {import('fastify').FastifyInstance} app  @param {FinderRouteOptions} options */
export function finderRoutes(app, { store, config, requireSession, sendPage }) {
  const siteIds = config.sites.map((site) => site.id);

  app.get('/finder', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const now = Date.now();
    const parsed = parseFinderFilters(/** @type {Record<string, unknown>} */ (req.query), siteIds, now);
    const [summary, top, unanswered, notHelped] = await Promise.all([
      store.finderSummary(parsed.values.site ? { site: parsed.values.site } : {}, now),
      store.finderTopNeeds(parsed.filter, TOP),
      store.finderUnanswered(parsed.filter, TOP),
      store.finderNotHelped(parsed.filter, { limit: PAGE_SIZE, offset: (parsed.page - 1) * PAGE_SIZE }),
    ]);
    return sendPage(reply, finderPage({
      user: session, parsed, siteIds, summary, top, unanswered,
      notHelped: notHelped.rows, notHelpedTotal: notHelped.total, pageSize: PAGE_SIZE, costPerContact: config.costPerContact ?? null,
    }));
  });

  app.get('/finder/export.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const query = /** @type {Record<string, unknown>} */ (req.query);
    const parsed = parseFinderFilters(query, siteIds, Date.now());
    const list = ['needs', 'unanswered', 'not-helped'].includes(String(query.list)) ? String(query.list) : 'needs';
    /** @returns {AsyncGenerator<string, void, unknown>} */
    async function* chunks() {
      yield '\ufeff'; // so spreadsheet programs read the file as UTF-8
      if (list !== 'not-helped') {
        const needs = list === 'needs' ? store.finderTopNeeds(parsed.filter, EXPORT_NEEDS) : store.finderUnanswered(parsed.filter, EXPORT_NEEDS);
        yield needsCsv(await needs);
        return;
      }
      for (let offset = 0; ; offset += EXPORT_CHUNK) {
        const { rows } = await store.finderNotHelped(parsed.filter, { limit: EXPORT_CHUNK, offset });
        yield notHelpedCsv(rows, offset === 0);
        if (rows.length < EXPORT_CHUNK) return;
      }
    }
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="tandem-finder-${list}-${parsed.period}-days-${day}.csv"`)
      .send(Readable.from(chunks()));
  });
}
