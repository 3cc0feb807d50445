// For the dashboard tests: a collector with one staff account, a small cookie-keeping client
// that signs in as a browser would, and answers stored straight into the store.
import { hashPassword } from '../src/dashboard/passwords.js';
import { toRecord } from '../src/submission.js';
import { makeSubmission, startTestCollector } from './helpers.js';

export const STAFF = { email: 'officer@example-council.gov.uk', password: 'a long staff password 1' };

/** @param {Record<string, unknown>} [overrides] */
export async function startDashboard(overrides) {
  const collector = await startTestCollector(overrides);
  await collector.store.saveUser(STAFF.email, await hashPassword(STAFF.password), Date.now());
  return collector;
}

/**
 * Stores a feedback answer as if it had arrived `daysAgo` days ago.
 * @param {import('../src/store/store.js').Store} store
 * @param {{ answers?: Record<string, any>, daysAgo?: number, url?: string, title?: string, site?: string, fillMs?: number, honeypot?: boolean }} [options]
 */
export async function storeAnswer(store, { answers, daysAgo = 0, url = 'https://www.example-council.gov.uk/adult-social-care/', title = 'Adult social care', site = 'adult-social-care', fillMs = 12000, honeypot = false } = {}) {
  const submission = /** @type {any} */ (makeSubmission({ site, page: { url, title }, signals: { honeypot, fillMs }, ...(answers ? { answers } : {}) }));
  const record = toRecord(submission, Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  await store.saveSubmission(record);
  return record;
}

/** A client that keeps cookies and never follows redirects, so each step can be checked. @param {string} base */
export function browserish(base, extraHeaders = /** @type {Record<string, string>} */ ({})) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  /** @param {string} path  @param {{ method?: string, form?: Record<string, string> }} [options] */
  async function request(path, { method = 'GET', form } = {}) {
    const headers = /** @type {Record<string, string>} */ ({ ...extraHeaders });
    if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${base}${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
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
    /** The CSRF token in a page's first form. @param {string} page */
    tokenIn: (page) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '',
    async signIn(email = STAFF.email, password = STAFF.password) {
      const page = await request('/dashboard/sign-in');
      return request('/dashboard/sign-in', { method: 'POST', form: { _csrf: this.tokenIn(page.text), email, password } });
    },
  };
}
