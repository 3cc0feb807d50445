// GET /v1/polls/{id}?site={site}[&participant={id}]: a poll, its results so far, and (given a
// participant this collector issued) their own answers and statements; else a new participant
// id. Readable by the site's own origins only; never cached, since results move with every
// vote. Votes arrive by POST /v1/submissions only.
import { PARTICIPANT } from '@tandem/core/protocol.js';
import { SLUG } from '../polls/definition.js';
import { participants } from '../polls/participants.js';
import { pollBody } from '../polls/view.js';
import type { Store } from '../store/store.js';
import type { PollDefinition } from '../polls/definition.js';
import type { FastifyInstance } from 'fastify';

export type PollRouteOptions = {
  store: Store;
  sites: ReturnType<typeof import('../sites.js').siteRegistry>;
  /** From the configuration's files. */
  polls: PollDefinition[];
};

export default async function pollRoutes(app: FastifyInstance, { store, sites, polls }: PollRouteOptions): Promise<void> {
  // The configuration's polls replace their stored definitions (answers and counters stay).
  await store.polls.syncFiles(polls, Date.now());
  const ids = participants(await store.polls.participantSecret());

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
    if (participant !== undefined && (typeof participant !== 'string' || !PARTICIPANT.test(participant))) {
      return reply.code(400).type('application/json; charset=utf-8').send({ error: 'participant must be a participant id this collector issued', field: 'participant', code: 'invalid-participant' });
    }
    // One this collector did not sign (another collector's, or from before its database was
    // made afresh) has no answers here: the device is given a new one, as a newcomer is.
    const known = participant !== undefined && ids.issued(participant) ? participant : undefined;
    const reading = await store.polls.read(id, known);
    if (!reading || reading.poll.definition.site !== siteId) return notFound();
    const policy = (await store.polls.getSitePolicy(siteId)) ?? site.moderationPolicy ?? null;
    const body = pollBody(reading, policy, Date.now());
    return reply.type('application/json; charset=utf-8').send(known ? body : { ...body, participant: ids.issue() });
  });
}
