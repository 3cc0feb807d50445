// A small server for trying Tandem on this machine until the collector lands: it serves the
// example council site, the CDN bundle (tandem.js and its chunks) and takes submissions into
// data/submissions.jsonl, once per id. Usage: npm start (PORT=8080 by default).
import { createReadStream, existsSync, mkdirSync, readFileSync, appendFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { checkSubmission } from '@tandem/core/schema.js';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const dataDir = join(root, 'data');
const log = join(dataDir, 'submissions.jsonl');
mkdirSync(dataDir, { recursive: true });
const seen = new Set(existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).id) : []);

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
const mounts = [
  ['/chunks/', join(root, 'packages/embed/dist/cdn/chunks')],
  ['/tandem.js', join(root, 'packages/embed/dist/cdn/tandem.js')],
  ['/', join(root, 'examples/adult-social-care')],
];

function serveFile(res, path) {
  const stat = existsSync(path) && statSync(path);
  const file = stat && stat.isDirectory() ? join(path, 'index.html') : path;
  if (!existsSync(file)) return send(res, 404, 'Not found');
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'",
  });
  createReadStream(file).pipe(res);
}

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(typeof body === 'string' ? { error: body } : body));
}

async function receive(req, res) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 65536) return send(res, 413, 'Body too large');
  }
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    return send(res, 400, 'Body is not JSON');
  }
  const checked = checkSubmission(value);
  if (!checked.ok) return send(res, 422, { error: 'Invalid submission', problems: checked.problems });
  const { id } = checked.submission;
  if (seen.has(id)) return send(res, 200, { id });
  appendFileSync(log, `${JSON.stringify(checked.submission)}\n`);
  seen.add(id);
  console.log(`received ${checked.submission.widget} answer ${id}`);
  send(res, 201, { id });
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/v1/submissions' && req.method === 'POST') return void receive(req, res).catch(() => send(res, 400, 'Bad request'));
  const path = normalize(decodeURIComponent(url.pathname));
  for (const [prefix, dir] of mounts) {
    if (path === prefix || (prefix.endsWith('/') && path.startsWith(prefix))) {
      const target = prefix.endsWith('/') ? join(dir, path.slice(prefix.length)) : dir;
      if (!resolve(target).startsWith(resolve(dir))) return send(res, 403, 'Forbidden');
      return serveFile(res, target);
    }
  }
  send(res, 404, 'Not found');
}).listen(port, () => {
  console.log(`Tandem example council site: http://localhost:${port}/`);
  console.log(`Welsh version:                http://localhost:${port}/cy/`);
  console.log(`Answers are stored in ${log}`);
});
