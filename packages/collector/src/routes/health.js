// GET /health: 200 when the store answers, 503 when it does not (for load balancers).
import { refuse } from '../errors.js';

/** @type {import('fastify').FastifyPluginAsync<{ store: import('../store/store.js').Store }>} */
export default async function healthRoutes(app, { store }) {
  app.get('/health', async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await store.check();
      return { status: 'ok' };
    } catch (error) {
      req.log.error({ err: { message: /** @type {Error} */ (error).message } }, 'health check failed');
      return refuse(reply, 503, 'The database is not answering', [{ field: 'database', message: 'unavailable' }]);
    }
  });
}
