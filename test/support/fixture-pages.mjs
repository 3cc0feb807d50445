// Serves the host-page fixtures under /test/fixtures/ with the Content-Security-Policy each
// one is meant to be tested under, so CSP is enforced by the browser as on a council site.
const policies = {
  'csp-self.html': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'",
  'csp-nonce.html': "default-src 'self'; script-src 'nonce-tandem-test' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'",
};

export function fixturePages() {
  return async (ctx, next) => {
    await next();
    const name = /^\/test\/fixtures\/([\w-]+\.html)$/.exec(ctx.path)?.[1];
    if (name && policies[name]) ctx.set('Content-Security-Policy', policies[name]);
  };
}
