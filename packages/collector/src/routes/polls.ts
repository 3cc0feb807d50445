// GET /v1/polls/{id}?site={site}[&participant={uuid}]: a poll, its results so far, and (given a
// participant) their own answers and statements. Readable by the site's own origins only;
// never cached, since results move with every vote. Votes arrive by POST /v1/submissions only.
import { SLUG } from '../polls/definition.js';
import { pollBody } from '../polls/view.js';
import type { Store } from '../store/store.js';
import type { PollDefinition } from '../polls/definition.js';
import type { FastifyInstance } from 'fastify';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type PollRouteOptions = {
  store: Store;
  sites: ReturnType<typeof import('../sites.js').siteRegistry>;
  /** From the configuration's files. */
  polls: PollDefinition[];
};

export default async function pollRoutes(app: FastifyInstance, { store, sites, polls }: PollRouteOptions): Promise<void> {
  // The configuration's polls replace their stored definitions (answers and counters stay).
  await store.polls.syncFiles(polls, Date.now());

  app.get('/v1/polls/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const query = ((req.query ?? {}) as Record<string, unknown>);
    const siteId = typeof query.site === 'string' ? query.site : '';
    const site = sites.get(siteId);
    reply.header('Cache-Control', 'no-store').header('Vary', 'Origin');
    const origin = req.headers.origin;
    if (site && origin && site.origins.includes(origin)) reply.header('Access-Control-Allow-Origin', origin);

    const notFound = () => reply.code(404).type('application/json; charset=utf-8').send({ error: 'There is no poll with this id on this site', code: 'unknown-poll' });
    if (!site || !SLUG.test(id)) return notFound();
    const participant = query.participant;
    if (participant !== undefined && (typeof participant !== 'string' || !UUID_V4.test(participant))) {
      return reply.code(400).type('application/json; charset=utf-8').send({ error: 'participant must be a version 4 UUID', field: 'participant', code: 'invalid-participant' });
    }
    const reading = await store.polls.read(id, participant);
    if (!reading || reading.poll.definition.site !== siteId) return notFound();
    const policy = (await store.polls.getSitePolicy(siteId)) ?? site.moderationPolicy ?? null;
    return reply.type('application/json; charset=utf-8').send(pollBody(reading, policy, Date.now()));
  });
}
