// GET /health (liveness): 200 when the store answers a read, cheap enough to ask often.
// GET /ready (readiness): 200 only when the store commits a write, so a load balancer stops
// sending answers to a collector whose every write would fail. Both 503 otherwise.
import { refuse } from '../errors.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

export default async function healthRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  const answer = async (req: FastifyRequest, reply: FastifyReply, check: () => Promise<void>, what: string) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await check();
      return { status: 'ok' };
    } catch (error) {
      req.log.error({ err: { message: (error as Error).message } }, `${what} check failed`);
      return refuse(reply, 503, what === 'health' ? 'The database is not answering' : 'The database cannot take a write', [{ field: 'database', message: 'unavailable' }]);
    }
  };

  // Probes arriving together share one write, so asking often cannot queue writes.
  let writing: Promise<void> | undefined;
  const checkWriteOnce = () => (writing ??= store.checkWrite().finally(() => (writing = undefined)));

  app.get('/health', (req, reply) => answer(req, reply, () => store.check(), 'health'));
  app.get('/ready', (req, reply) => answer(req, reply, checkWriteOnce, 'readiness'));
}
