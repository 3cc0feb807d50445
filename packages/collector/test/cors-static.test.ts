// CORS on the API (only the sites' origins), and the bundle and example site with their caching.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeSubmission, ORIGIN, OTHER_ORIGIN, post, startTestCollector, tempDir } from '../test-support/helpers.js';

let collector: Awaited<ReturnType<typeof startTestCollector>>;
const bundleDir = tempDir('tandem-bundle-');
const examplesDir = tempDir('tandem-example-');
before(async () => {
  mkdirSync(join(bundleDir, 'chunks'));
  writeFileSync(join(bundleDir, 'tandem.js'), 'console.log("loader")');
  writeFileSync(join(bundleDir, 'chunks', 'feedback-AbC123.js'), 'export const chunk = 1;');
  mkdirSync(join(examplesDir, 'cy'));
  writeFileSync(join(examplesDir, 'index.html'), '<!doctype html><title>Adult social care</title>');
  writeFileSync(join(examplesDir, 'cy', 'index.html'), '<!doctype html><title>Gofal cymdeithasol</title>');
  writeFileSync(join(examplesDir, '.secret'), 'hidden');
  collector = await startTestCollector({ bundleDir, examplesDir });
});
after(async () => {
  await collector.close();
  for (const dir of [bundleDir, examplesDir]) rmSync(dir, { recursive: true, force: true });
});

const preflight = (origin: string) =>
  fetch(`${collector.url}/v1/submissions`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

describe('CORS on the submission API', () => {
  it("answers a preflight from a site's origin", async () => {
    const response = await preflight(ORIGIN);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.equal(response.headers.get('access-control-max-age'), '86400');
    assert.match(response.headers.get('vary') ?? '', /origin/i);
  });

  it('refuses an OPTIONS request that is not a preflight, naming the reason', async () => {
    const response = await fetch(`${collector.url}/v1/submissions`, { method: 'OPTIONS', headers: { origin: ORIGIN } });
    assert.equal(response.status, 400);
    assert.match((await response.json()).error, /preflight/);
  });

  it('gives no CORS grant to an origin no site lists', async () => {
    const response = await preflight('https://evil.example');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const posted = await post(collector.url, makeSubmission(), { origin: 'https://evil.example' });
    assert.equal(posted.status, 403);
    assert.equal(posted.headers.get('access-control-allow-origin'), null);
  });

  it('lets each site read its own answers, refusals included', async () => {
    const ok = await post(collector.url, makeSubmission());
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(ok.headers.get('vary') ?? '', /origin/i);
    const invalid = await post(collector.url, '{');
    assert.equal(invalid.status, 400);
    assert.equal(invalid.headers.get('access-control-allow-origin'), ORIGIN);
    // Another site's origin may read the refusal, but may not send for this site.
    const crossed = await post(collector.url, makeSubmission(), { origin: OTHER_ORIGIN });
    assert.equal(crossed.status, 403);
  });

  it('sends the security headers that matter for JSON, and none of a page\'s', async () => {
    const { headers } = await post(collector.url, makeSubmission());
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(headers.get('referrer-policy'), 'no-referrer');
    assert.equal(headers.get('x-frame-options'), null);
  });

  it('sends Strict-Transport-Security over HTTPS only (RFC 6797: never over plain HTTP)', async () => {
    const overHttp = await post(collector.url, makeSubmission());
    assert.equal(overHttp.headers.get('strict-transport-security'), null);
    assert.equal((await fetch(`${collector.url}/health`)).headers.get('strict-transport-security'), null);
    // Behind a trusted proxy that ended TLS, the answer was sent over HTTPS.
    const proxied = await startTestCollector({ trustProxy: '127.0.0.1' });
    try {
      const viaTls = { 'x-forwarded-proto': 'https' };
      const answered = await post(proxied.url, makeSubmission(), viaTls);
      assert.equal(answered.status, 201);
      assert.match(answered.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
      const page = await fetch(`${proxied.url}/health`, { headers: viaTls });
      assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
      // Whatever a proxy passes on, anything but https is plain HTTP.
      const odd = await post(proxied.url, makeSubmission(), { 'x-forwarded-proto': 'gopher' });
      assert.equal(odd.status, 201);
      assert.equal(odd.headers.get('strict-transport-security'), null);
    } finally {
      await proxied.close();
    }
  });
});

describe('the CDN bundle and the example site', () => {
  it('serves /tandem.js briefly cached, loadable from any site', async () => {
    const response = await fetch(`${collector.url}/tandem.js`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(await response.text(), 'console.log("loader")');
  });

  it('serves hashed chunks cached for good, with CORS for import()', async () => {
    const response = await fetch(`${collector.url}/chunks/feedback-AbC123.js`, { headers: { origin: 'https://any-council.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
  });

  it('answers a missing chunk with 404, not a long-cached answer', async () => {
    const response = await fetch(`${collector.url}/chunks/feedback-missing.js`);
    assert.equal(response.status, 404);
    assert.doesNotMatch(response.headers.get('cache-control') ?? '', /immutable/);
  });

  it('serves the example site at / and /cy/, under a strict CSP', async () => {
    const home = await fetch(`${collector.url}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Adult social care/);
    assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.doesNotMatch(home.headers.get('content-security-policy') ?? '', /unsafe-inline/);
    const welsh = await fetch(`${collector.url}/cy/`);
    assert.match(await welsh.text(), /Gofal/);
    const redirect = await fetch(`${collector.url}/cy`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
  });

  it('serves no dot files and nothing outside its folders', async () => {
    for (const path of ['/.secret', '/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/chunks/..%2f..%2ftandem.js', '/chunks/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await fetch(`${collector.url}${path}`);
      assert.ok(response.status === 404 || response.status === 403 || response.status === 400, `${path}: ${response.status}`);
    }
  });
});

describe('compressed bundles', () => {
  it('sends tandem.js, its chunks and the example pages compressed when asked, with Vary', async () => {
    const { startTestCollector: start } = await import('../test-support/helpers.js');
    const { join: joinPath } = await import('node:path');
    const root = joinPath(import.meta.dirname, '../../..');
    const served = await start({ bundleDir: joinPath(root, 'packages/embed/dist/cdn'), examplesDir: joinPath(root, 'examples/adult-social-care') });
    try {
      const loader = await fetch(`${served.url}/tandem.js`, { headers: { 'accept-encoding': 'br' } });
      assert.equal(loader.headers.get('content-encoding'), 'br');
      assert.match(loader.headers.get('vary') ?? '', /accept-encoding/i);
      const chunk = /chunks\/[\w-]+\.js/.exec(await loader.text())?.[0];
      assert.ok(chunk, 'the loader names its chunks');
      const gz = await fetch(`${served.url}/${chunk}`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers.get('content-encoding'), 'gzip');
      const page = await fetch(`${served.url}/`, { headers: { 'accept-encoding': 'gzip, br' } });
      assert.match(page.headers.get('content-encoding') ?? '', /br|gzip/);
      const plain = await fetch(`${served.url}/tandem.js`, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(plain.headers.get('content-encoding'), null);
    } finally {
      await served.close();
    }
  });
});
