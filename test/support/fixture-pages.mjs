// Serves the host-page fixtures under /test/fixtures/ with the Content-Security-Policy each
// one is meant to be tested under, so CSP is enforced by the browser as on a council site.
import { readFile } from 'node:fs/promises';

const policies = {
  'csp-self.html': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'",
  'csp-nonce.html': "default-src 'self'; script-src 'nonce-tandem-test' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'",
};

const CDN = new URL('../../packages/embed/dist/cdn/', import.meta.url);

/**
 * /test/cdn/{chunk}~{ms|fail}/…: the built CDN bundle, with the chunks whose names start with
 * {chunk} answering {ms} late or 404 (`cy~600`: the Welsh strings arrive 0.6 s late; `feedback~fail`:
 * the feedback code cannot be fetched). Chunks are found beside tandem.js, so a page that loads
 * /test/cdn/cy~fail/tandem.js gets the whole bundle under that rule.
 */
async function cdnUnderRule(ctx) {
  const [, prefix, action, path] = /^\/test\/cdn\/([\w-]+)~(\d+|fail)\/([\w./-]+\.js)$/.exec(ctx.path) ?? [];
  if (!path || path.includes('..')) return false;
  const chosen = path.startsWith(`chunks/${prefix}`);
  if (chosen && action === 'fail') {
    ctx.status = 404;
    return true;
  }
  if (chosen) await new Promise((resolve) => setTimeout(resolve, Math.min(Number(action), 5000)));
  ctx.type = 'application/javascript';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await readFile(new URL(path, CDN));
  return true;
}

const INJECTED = /<!-- injected by web-dev-server -->\s*<script[^>]*__web-dev-server__web-socket\.js[^>]*><\/script>/;

export function fixturePages() {
  return async (ctx, next) => {
    if (await cdnUnderRule(ctx)) return;
    // /test/fixtures/delay.js?ms=400: an empty script that answers late, so a fixture can hold
    // the HTML parser (as a slow third-party tag does) and prove the loader runs mid-parse.
    if (ctx.path === '/test/fixtures/delay.js') {
      const ms = Math.min(Number(ctx.query.ms) || 0, 5000);
      await new Promise((resolve) => setTimeout(resolve, ms));
      ctx.type = 'application/javascript';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = '/* delayed */\n';
      return;
    }
    await next();
    const name = /^\/test\/fixtures\/([\w-]+\.html)$/.exec(ctx.path)?.[1];
    if (!name || !policies[name]) return;
    ctx.set('Content-Security-Policy', policies[name]);
    // The dev server injects its own web-socket script into HTML, which no council page has
    // and a nonce policy rightly blocks; take it out so violations are only about Tandem.
    if (typeof ctx.body === 'string') ctx.body = ctx.body.replace(INJECTED, '');
  };
}
