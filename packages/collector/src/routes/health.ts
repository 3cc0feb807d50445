// GET /health: 200 when the store answers, 503 when it does not (for load balancers).
import { refuse } from '../errors.js';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';

export default async function healthRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get('/health', async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await store.check();
      return { status: 'ok' };
    } catch (error) {
      req.log.error({ err: { message: (error as Error).message } }, 'health check failed');
      return refuse(reply, 503, 'The database is not answering', [{ field: 'database', message: 'unavailable' }]);
    }
  });
}
