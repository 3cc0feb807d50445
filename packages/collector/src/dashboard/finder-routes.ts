// The finder's dashboard pages: /dashboard/finder and its CSV exports. Registered by plugin.js,
// which hands over its session check and page sender, so sign-in works as everywhere else.
import { Readable } from 'node:stream';
import { needsCsv, notHelpedCsv } from './finder-csv.js';
import { parseFinderFilters } from './finder-filters.js';
import { finderPage } from './views/finder.js';
import type { Store } from '../store/store.js';
import type { CollectorConfig } from '../config.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from './views/layout.js';

const PAGE_SIZE = 25;
const TOP = 20;
const EXPORT_NEEDS = 10000;
const EXPORT_CHUNK = 1000;

export type FinderRouteOptions = {
  store: Store;
  config: CollectorConfig;
  requireSession: (req: FastifyRequest, reply: FastifyReply) => Promise<User | null>;
  sendPage: (reply: FastifyReply, page: unknown, status?: number) => unknown;
};

export function finderRoutes(app: FastifyInstance, { store, config, requireSession, sendPage }: FinderRouteOptions) {
  const siteIds = config.sites.map((site) => site.id);

  app.get('/finder', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const now = Date.now();
    const parsed = parseFinderFilters(req.query as Record<string, unknown>, siteIds, now);
    const [summary, top, unanswered, notHelped] = await Promise.all([
      store.dashboard.finderSummary(parsed.values.site ? { site: parsed.values.site } : {}, now),
      store.dashboard.finderTopNeeds(parsed.filter, TOP),
      store.dashboard.finderUnanswered(parsed.filter, TOP),
      store.dashboard.finderNotHelped(parsed.filter, { limit: PAGE_SIZE, offset: (parsed.page - 1) * PAGE_SIZE }),
    ]);
    return sendPage(reply, finderPage({
      user: session, parsed, siteIds, summary, top, unanswered,
      notHelped: notHelped.rows, notHelpedTotal: notHelped.total, pageSize: PAGE_SIZE, costPerContact: config.costPerContact ?? null,
    }));
  });

  app.get('/finder/export.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const query = req.query as Record<string, unknown>;
    const parsed = parseFinderFilters(query, siteIds, Date.now());
    const list = ['needs', 'unanswered', 'not-helped'].includes(String(query.list)) ? String(query.list) : 'needs';
    async function* chunks(): AsyncGenerator<string, void, unknown> {
      yield '\ufeff'; // so spreadsheet programs read the file as UTF-8
      if (list !== 'not-helped') {
        const needs = list === 'needs' ? store.dashboard.finderTopNeeds(parsed.filter, EXPORT_NEEDS) : store.dashboard.finderUnanswered(parsed.filter, EXPORT_NEEDS);
        yield needsCsv(await needs);
        return;
      }
      for (let offset = 0; ; offset += EXPORT_CHUNK) {
        const { rows } = await store.dashboard.finderNotHelped(parsed.filter, { limit: EXPORT_CHUNK, offset });
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
