// For the dashboard tests: a collector with one staff account, a small cookie-keeping client
// that signs in as a browser would, and answers stored straight into the store.
import http from 'node:http';
import { hashPassword } from '../src/dashboard/passwords.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission, startTestCollector } from './helpers.js';
import type { Store } from '../src/store/store.js';

export const STAFF = { email: 'officer@example-council.gov.uk', password: 'a long staff password 1' };

export async function startDashboard(overrides?: Record<string, unknown>) {
  const collector = await startTestCollector(overrides);
  await collector.store.staff.saveUser(STAFF.email, await hashPassword(STAFF.password), Date.now());
  return collector;
}

/**
 * Stores a feedback answer as if it had arrived `daysAgo` days ago.
 */
export async function storeAnswer(store: Store, { answers, daysAgo = 0, url = 'https://www.example-council.gov.uk/adult-social-care/', title = 'Adult social care', site = 'adult-social-care', fillMs = 12000, honeypot = false }: { answers?: Record<string, unknown>, daysAgo?: number, url?: string, title?: string, site?: string, fillMs?: number, honeypot?: boolean } = {}) {
  const submission = makeSubmission({ site, page: { url, title }, signals: { honeypot, fillMs }, ...(answers ? { answers } : {}) });
  const record = toRecord(submission, Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  await store.submissions.save(record);
  return record;
}

type Sent = { method: string, headers: Record<string, string>, body: string | undefined };

/**
 * One request from a chosen loopback address (fetch cannot choose its own), so a test can be
 * another person on another network: the collector sees it as req.ip.
 */
function requestFrom(localAddress: string, url: string, { method, headers, body }: Sent): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) for (const one of [value ?? []].flat()) answer.append(name, one);
        resolve(new Response(incoming.statusCode === 304 ? null : Buffer.concat(chunks), { status: incoming.statusCode, headers: answer }));
      });
      incoming.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * A client that keeps cookies and never follows redirects, so each step can be checked.
 * @param from the loopback address to send from (127.0.0.2 …): another person's network
 */
export function browserish(base: string, extraHeaders = ({} as Record<string, string>), { from }: { from?: string } = {}) {
  const jar: Map<string, string> = new Map();
  async function request(path: string, { method = 'GET', form }: { method?: string, form?: Record<string, string> } = {}) {
    const headers = ({ ...extraHeaders } as Record<string, string>);
    if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const sent = { method, headers, body: form ? new URLSearchParams(form).toString() : undefined };
    const response = from ? await requestFrom(from, `${base}${path}`, sent) : await fetch(`${base}${path}`, { ...sent, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    // Buffer keeps a byte order mark, which response.text() would drop.
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    return { status: response.status, headers: response.headers, setCookies, location: response.headers.get('location'), text };
  }
  return {
    jar,
    request,
    /** The CSRF token in a page's first form. */
    tokenIn: (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '',
    async signIn(email = STAFF.email, password = STAFF.password) {
      const page = await request('/dashboard/sign-in');
      return request('/dashboard/sign-in', { method: 'POST', form: { _csrf: this.tokenIn(page.text), email, password } });
    },
  };
}
