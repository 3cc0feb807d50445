// Serves the stand-in Open Referral UK directory (test/support/oruk-server.mjs, a Koa-style
// middleware the test runner uses) from Storybook's dev server too, so the directory stories
// show services there as they do in the tests. A static Storybook build has no server: there
// the directory stories show the "cannot search" notice.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
// @ts-expect-error: a plain ES module with no types.
import { orukServer } from '../test/support/oruk-server.mjs';

type Middleware = (ctx: Record<string, unknown>, next: () => Promise<void>) => Promise<void>;

export function orukDirectory(): Plugin {
  const middleware = orukServer() as Middleware;
  return {
    name: 'tandem-oruk-directory',
    configureServer(server) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const url = new URL(req.url ?? '/', 'http://storybook');
        if (!url.pathname.startsWith('/oruk/')) return next();
        const headers: Record<string, string> = {};
        const ctx: Record<string, unknown> = {
          path: url.pathname,
          querystring: url.search.slice(1),
          query: Object.fromEntries(url.searchParams),
          method: req.method,
          req,
          status: 200,
          set: (name: string, value: string) => void (headers[name] = value),
        };
        middleware(ctx, async () => next()).then(() => {
          if (ctx.respond === false || res.headersSent) return;
          const body = ctx.body;
          const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
          res.writeHead(ctx.status as number, { ...headers, 'Content-Type': typeof body === 'string' && ctx.type === undefined ? 'text/plain' : 'application/json' });
          res.end(text);
        }, next);
      });
    },
  };
}
