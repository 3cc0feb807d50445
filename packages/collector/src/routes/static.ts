// The CDN bundle and the example site. tandem.js changes with each release, so it is cached
// briefly; chunk names carry a content hash, so a chunk can be cached for good.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

function forAnySite(reply: FastifyReply) {
  // Council pages on other origins load these: tandem.js as a classic script (needs CORP), and
  // the chunks through import(), which fetches in CORS mode (needs the Allow-Origin header).
  reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  reply.header('Access-Control-Allow-Origin', '*');
}

export default async function staticRoutes(app: FastifyInstance, { bundleDir, examplesDir }: { bundleDir: string | null, examplesDir: string | null }): Promise<void> {
  if (bundleDir) {
    if (!existsSync(join(bundleDir, 'tandem.js'))) app.log.warn(`No tandem.js in ${bundleDir}: build it with "npm run build" at the repository root.`);
    await app.register(fastifyStatic, {
      root: join(bundleDir, 'chunks'),
      prefix: '/chunks/',
      decorateReply: false,
      dotfiles: 'ignore',
      index: false,
      maxAge: 365 * 24 * 60 * 60 * 1000,
      immutable: true,
      // The build writes .br and .gz beside each file: sent by Accept-Encoding, with Vary.
      preCompressed: true,
      setHeaders: forAnySite,
    });
    // A second instance that serves nothing, to give this context reply.sendFile for /tandem.js.
    await app.register(fastifyStatic, { root: bundleDir, serve: false, dotfiles: 'ignore', preCompressed: true });
    app.get('/tandem.js', (req, reply) => {
      forAnySite(reply);
      return reply.sendFile('tandem.js', { maxAge: 300 * 1000, immutable: false });
    });
  }
  if (examplesDir) {
    await app.register(fastifyStatic, {
      root: examplesDir,
      prefix: '/',
      decorateReply: false,
      // @fastify/static would serve .env and the like by default.
      dotfiles: 'ignore',
      redirect: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply) => reply.header('Cache-Control', 'no-cache'),
    });
  }
}
