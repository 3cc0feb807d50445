// A stand-in Open Referral UK directory for the finder's tests, built from the standard's
// own example record (test/fixtures/open-referral-uk/service_full.json, copied unchanged with
// its licence): that record as published, plus copies renamed as other local services, so
// that searching, paging and postcodes have something to tell apart.
//
//   GET /oruk/v3/services?search=&page=&per_page=&postcode=       v3 page: contents, total_items, …
//   GET /oruk/v1/openreferral/v1/services?text=&page=&per_page=&postcode=   v1 page: content, totalElements, …
//   GET /oruk/legacy/services?…        as v1, at a path that does not say so
//   GET /oruk/slow/v3/services?…       as v3, answered after 400 ms (for cancelling stale searches)
//   GET /oruk/broken/v3/services       500
//   GET /oruk/garbage/v3/services      200 with a body that is not JSON
//   GET /oruk/wrong/v3/services        200 with JSON that is not a page of services
//   GET /oruk/nourl/v3/services?…      as v3, with no web address on any service (shown in place)
//   GET /oruk/hits   {"path?query": count} of this page's directory requests so far;  DELETE resets
//   (counted by the asking page, its Referer, so test files running side by side do not mix)
//
// And catalogues that are wrong in each way the finder must survive:
//   GET /finder-catalogues/example.json      examples/adult-social-care/catalogue.json, as JSON
//   GET /finder-catalogues/invalid-json      GET /finder-catalogues/wrong-shape
//   GET /finder-catalogues/missing (404)     GET /finder-catalogues/drop (connection dropped)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/open-referral-uk');

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

const VARIANTS = [
  ['Carers Counselling', 'Counselling for unpaid carers who are finding caring hard. Sessions by phone or in person.', 'NS1 2AB', '01632 960 201'],
  ['Befriending Visits', 'A volunteer visits lonely older people at home each week. Free of charge.', 'NS1 4CD', '01632 960 202'],
  ['Memory Cafe', 'A friendly cafe for people living with dementia and their families.', 'NS2 1EF', '01632 960 203'],
  ['Falls Prevention Classes', 'Strength and balance classes for people who have fallen or fear falling.', 'NS2 3GH', '01632 960 204'],
  ['Meals at Home', 'Hot meals delivered to your door every day.', 'NS3 5JK', '01632 960 205'],
];

function services() {
  const original = read(join(FIXTURES, 'service_full.json'));
  const copies = VARIANTS.map(([name, description, postcode, phone], i) => {
    const copy = structuredClone(original);
    copy.id = `${original.id.slice(0, -2)}${String(i + 10)}`;
    copy.name = name;
    copy.description = description;
    copy.url = `http://example.com/${name.toLowerCase().replace(/\s+/g, '-')}`;
    copy.contacts = copy.contacts.map((contact) => ({ ...contact, phones: [{ id: `phone-${i}`, number: phone }] }));
    for (const sal of copy.service_at_locations ?? []) for (const address of sal.location?.addresses ?? []) address.postal_code = postcode;
    return copy;
  });
  return [original, ...copies];
}

/** A v3 record in v1's words: the names directories served before HSDS 3. */
function toV1(service) {
  const { schedules = [], contacts = [], cost_options = [], minimum_age, maximum_age, attributes = [], ...rest } = service;
  return {
    ...rest,
    contacts,
    cost_options,
    eligibilitys: [{ id: 'e1', eligibility: 'adult', minimum_age, maximum_age }],
    regular_schedules: schedules.map(({ byday, opens_at, closes_at, id }) => ({ id, weekday: byday, opens_at, closes_at })),
    service_taxonomys: attributes.map(({ id, taxonomy_term }) => ({ id, taxonomy: { id: taxonomy_term.id, name: taxonomy_term.name, vocabulary: taxonomy_term.taxonomy } })),
  };
}

function matching(all, text, postcode) {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const outward = (postcode ?? '').toUpperCase().split(' ')[0];
  return all.filter((s) => {
    const haystack = `${s.name} ${s.description}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return false;
    if (!outward) return true;
    const codes = (s.service_at_locations ?? []).flatMap((sal) => (sal.location?.addresses ?? []).map((a) => a.postal_code ?? ''));
    return codes.some((code) => code.toUpperCase().startsWith(outward));
  });
}

function pageOf(list, query) {
  const page = Math.max(1, Number(query.page) || 1);
  const size = Math.min(100, Math.max(1, Number(query.per_page) || 10));
  const items = list.slice((page - 1) * size, page * size);
  const pages = Math.max(1, Math.ceil(list.length / size));
  return { items, page, size, pages };
}

/** Directory requests by the page that made them (its Referer): path?query → count. */
const hitsByPage = new Map();
const hitsOf = (ctx) => {
  const page = ctx.req?.headers?.referer ?? '';
  if (!hitsByPage.has(page)) hitsByPage.set(page, new Map());
  return hitsByPage.get(page);
};

export function orukServer() {
  let records;
  return async (ctx, next) => {
    if (ctx.path === '/oruk/hits') {
      const hits = hitsOf(ctx);
      if (ctx.method === 'DELETE') hits.clear();
      ctx.set('Cache-Control', 'no-store');
      ctx.body = Object.fromEntries(hits);
      return;
    }
    const directory = /^\/oruk\/(?:(slow|broken|garbage|wrong|nourl)\/)?(v3|v1\/openreferral\/v1|legacy)\/services$/.exec(ctx.path);
    if (directory) {
      const [, mode, version] = directory;
      const key = `${ctx.path}?${ctx.querystring}`;
      const hits = hitsOf(ctx);
      hits.set(key, (hits.get(key) ?? 0) + 1);
      ctx.set('Cache-Control', 'no-store');
      if (mode === 'slow') await new Promise((r) => setTimeout(r, 400));
      if (mode === 'broken') {
        ctx.status = 500;
        ctx.body = { error: 'directory down' };
        return;
      }
      if (mode === 'garbage') {
        ctx.type = 'application/json';
        ctx.body = '<html>Service unavailable</html>';
        return;
      }
      if (mode === 'wrong') {
        ctx.body = { error: null, services: 'none today' };
        return;
      }
      records ??= services();
      const from = mode === 'nourl' ? records.map(({ url, organization, ...rest }) => ({ ...rest, organization: { ...organization, website: undefined } })) : records;
      if (version === 'v3') {
        const { items, page, size, pages } = pageOf(matching(from, ctx.query.search, ctx.query.postcode), ctx.query);
        const total = matching(from, ctx.query.search, ctx.query.postcode).length;
        ctx.body = { total_items: total, total_pages: pages, page_number: page, size, first_page: page === 1, last_page: page >= pages, empty: total === 0, contents: items };
      } else {
        const found = matching(from, ctx.query.text, ctx.query.postcode);
        const { items, page, size, pages } = pageOf(found, ctx.query);
        ctx.body = { totalElements: found.length, totalPages: pages, number: page, size, first: page === 1, last: page >= pages, content: items.map(toV1) };
      }
      return;
    }

    const catalogue = /^\/finder-catalogues\/([\w.-]+)$/.exec(ctx.path)?.[1];
    if (!catalogue) return next();
    ctx.set('Cache-Control', 'no-store');
    switch (catalogue) {
      case 'example.json':
        ctx.type = 'application/json';
        ctx.body = readFileSync(join(ROOT, 'examples/adult-social-care/catalogue.json'), 'utf8');
        return;
      case 'invalid-json':
        ctx.type = 'application/json';
        ctx.body = '{"version": 1, "name": "Broken", "entries": [';
        return;
      case 'wrong-shape':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ version: 1, name: 'Wrong', contact: { label: 'Call us' }, entries: [{ id: 'a', title: 'Fine', summary: 'Fine' }, { id: 'b', summary: 'No title' }] });
        return;
      case 'drop':
        // Ends the connection with no HTTP answer, as a network failure does. A few bytes that
        // are not HTTP go first, so Chromium does not silently retry on a fresh connection.
        ctx.req.socket.end('connection lost\r\n\r\n');
        ctx.status = 204;
        ctx.respond = false;
        return;
      default:
        ctx.status = 404;
        ctx.body = 'Not found';
    }
  };
}
