import { expect } from '@esm-bundle/chai';
import { checkCatalogue } from '../src/catalogue-check.js';
import { CatalogueError, loadCatalogue } from '../src/sources/static.js';
import { OpenReferralClient, searchServices } from '../src/sources/open-referral.js';
import { entryOfService, firstSentence } from '../src/sources/open-referral-map.js';

const base = `${location.origin}/oruk`;
const V3 = `${base}/v3`;
const V1 = `${base}/v1/openreferral/v1`;
// The standard's own example record (served by test/support/oruk-server.mjs).
const EXAMPLE_ID = 'ac148810-d857-441c-9679-408f346de14b';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const hits = async () => (await (await fetch(`${base}/hits`)).json()) as Record<string, number>;
const resetHits = () => fetch(`${base}/hits`, { method: 'DELETE' });

describe('loadCatalogue', () => {
  it('loads and checks the adult social care example', async () => {
    const catalogue = await loadCatalogue('/finder-catalogues/example.json');
    expect(catalogue.entries.length).to.be.at.least(60);
    expect(catalogue.contact.phone).to.equal('01632 960 000');
    expect(catalogue.entries.filter((e) => e.cy?.title && e.cy.summary).length).to.be.at.least(15);
  });

  it('names invalid JSON', async () => {
    const error = await rejection(loadCatalogue('/finder-catalogues/invalid-json'));
    expect(error).to.be.instanceOf(CatalogueError);
    expect((error as CatalogueError).kind).to.equal('invalid-json');
    expect((error as CatalogueError).message).to.include('/finder-catalogues/invalid-json').and.include('not valid JSON');
  });

  it('names the field of a wrong shape', async () => {
    const error = (await rejection(loadCatalogue('/finder-catalogues/wrong-shape'))) as CatalogueError;
    expect(error.kind).to.equal('invalid-shape');
    expect(error.field).to.equal('entries[1].title');
    expect(error.message).to.include('entries[1].title must be text');
  });

  it('says when the catalogue is not there', async () => {
    const error = (await rejection(loadCatalogue('/finder-catalogues/missing'))) as CatalogueError;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.message).to.include('404');
  });

  it('says when the network fails', async () => {
    const error = (await rejection(loadCatalogue('/finder-catalogues/drop'))) as CatalogueError;
    expect(error).to.be.instanceOf(CatalogueError);
    expect(error.kind).to.equal('unreachable');
  });

  it('stays an AbortError when the caller gives up', async () => {
    const controller = new AbortController();
    const loading = loadCatalogue('/finder-catalogues/example.json', { signal: controller.signal });
    controller.abort();
    const error = (await rejection(loading)) as Error;
    expect(error.name).to.equal('AbortError');
  });
});

describe('checkCatalogue', () => {
  const good = () => ({
    version: 1,
    name: 'Test',
    contact: { label: 'Call us', phone: '01632 960 000' },
    entries: [{ id: 'a', title: 'A', summary: 'About A', needs: ['a need'], url: '/a', cy: { title: 'A yn Gymraeg' } }],
    synonyms: [['mum', 'mother']],
    pins: { 'a need': 'a' },
  });
  const fieldOf = (value: unknown) => {
    try {
      checkCatalogue(value);
    } catch (error) {
      return (error as CatalogueError).field;
    }
    return 'valid';
  };

  it('accepts a good catalogue', () => expect(fieldOf(good())).to.equal('valid'));

  const cases: [string, (c: ReturnType<typeof good>) => unknown, string][] = [
    ['not an object', () => [], '(top level)'],
    ['a version other than 1', (c) => ({ ...c, version: 2 }), 'version'],
    ['no entries', (c) => ({ ...c, entries: 'none' }), 'entries'],
    ['an entry with no id', (c) => ({ ...c, entries: [{ title: 'A', summary: 'S' }] }), 'entries[0].id'],
    ['a repeated id', (c) => ({ ...c, entries: [...c.entries, { id: 'a', title: 'B', summary: 'S' }] }), 'entries[1].id'],
    ['needs that are not text', (c) => ({ ...c, entries: [{ ...c.entries[0], needs: ['ok', 3] }] }), 'entries[0].needs[1]'],
    ['a script address', (c) => ({ ...c, entries: [{ ...c.entries[0], url: 'javascript:alert(1)' }] }), 'entries[0].url'],
    ['Welsh text that is not text', (c) => ({ ...c, entries: [{ ...c.entries[0], cy: { summary: 5 } }] }), 'entries[0].cy.summary'],
    ['no contact route', (c) => ({ ...c, contact: undefined }), 'contact'],
    ['synonyms that are not lists', (c) => ({ ...c, synonyms: ['mum'] }), 'synonyms[0]'],
    ['a pin to no entry', (c) => ({ ...c, pins: { help: 'nowhere' } }), 'pins["help"]'],
  ];
  for (const [name, change, field] of cases) {
    it(`names ${field} for ${name}`, () => expect(fieldOf(change(good()))).to.equal(field));
  }
});

describe('Open Referral UK', () => {
  beforeEach(() => resetHits());

  it('reads the standard’s example record into an entry', async () => {
    const { entries, total, version } = await new OpenReferralClient(V3).search('counselling');
    expect(version).to.equal('v3');
    expect(total).to.equal(2);
    const example = entries.find((e) => e.id === EXAMPLE_ID)!;
    expect(example.title).to.equal('Community Counselling');
    expect(example.summary).to.equal('Counselling Services provided by trained professionals.');
    expect(example.url).to.equal('http://example.com/counselling');
    expect(example.hours).to.include('10 am to 6pm');
    expect(example.cost).to.equal('£35 per 1 hour session (Under 18s and Over 60s)');
    expect(example.eligibility).to.equal('Ages 12 to 100');
  });

  it('takes the phone number from the service’s contacts', async () => {
    const { entries } = await new OpenReferralClient(V3).search('befriending');
    expect(entries.map((e) => [e.title, e.phone])).to.deep.equal([['Befriending Visits', '01632 960 202']]);
  });

  it('pages through v3 results', async () => {
    const client = new OpenReferralClient(V3);
    const first = await client.search('', { perPage: 4 });
    const second = await client.search('', { perPage: 4, page: 2 });
    expect(first.total).to.equal(6);
    expect(first.entries).to.have.length(4);
    expect(second.entries).to.have.length(2);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).to.equal(6);
  });

  it('filters by postcode', async () => {
    const { entries } = await new OpenReferralClient(V3).search('', { postcode: 'ns2 9zz' });
    expect(entries.map((e) => e.title).sort()).to.deep.equal(['Falls Prevention Classes', 'Memory Cafe']);
  });

  it('speaks v1 (text, content, totalElements) to a v1 directory', async () => {
    const { entries, total, version } = await new OpenReferralClient(V1).search('meals');
    expect(version).to.equal('v1');
    expect(total).to.equal(1);
    expect(entries[0]).to.include({ title: 'Meals at Home', phone: '01632 960 205', eligibility: 'adult. Ages 12 to 100' });
    expect(entries[0]!.hours).to.equal('Thursday, Friday, 10:00 to 18:00');
    const asked = Object.keys(await hits());
    expect(asked.every((url) => url.includes('text=meals'))).to.equal(true);
  });

  it('finds out a directory speaks v1 when its path does not say so', async () => {
    const client = new OpenReferralClient(`${base}/legacy`);
    // Asked in v3's words, it lists everything in v1's shape: the client asks again in v1's.
    const { version, entries } = await client.search('memory');
    expect(version).to.equal('v1');
    expect(entries.map((e) => e.title)).to.deep.equal(['Memory Cafe']);
    expect(Object.keys(await hits()).map((url) => url.replace(/^.*\?/, '').split('&')[0])).to.deep.equal(['search=memory', 'text=memory']);
    // And remembers: the next search goes straight to v1.
    await client.search('falls');
    expect(Object.keys(await hits())).to.have.length(3);
  });

  it('answers a repeated search from its cache', async () => {
    const client = new OpenReferralClient(V3);
    await client.search('memory');
    await client.search('memory');
    await client.search('Memory ');
    const counted = await hits();
    expect(Object.values(counted)).to.deep.equal([1]);
  });

  it('cancels a stale search when a newer one starts', async () => {
    const client = new OpenReferralClient(`${base}/slow/v3`);
    const stale = client.search('counselling');
    const fresh = client.search('memory');
    const error = (await rejection(stale)) as Error;
    expect(error.name).to.equal('AbortError');
    expect((await fresh).entries.map((e) => e.title)).to.deep.equal(['Memory Cafe']);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const searching = searchServices(`${base}/slow/v3`, 'falls', { signal: controller.signal });
    controller.abort();
    expect(((await rejection(searching)) as Error).name).to.equal('AbortError');
  });

  it('gives a CatalogueError when the directory fails, and asks again next time', async () => {
    const client = new OpenReferralClient(`${base}/broken/v3`);
    const error = (await rejection(client.search('x'))) as CatalogueError;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    await rejection(client.search('x'));
    expect(Object.values(await hits())).to.deep.equal([2]);
  });

  it('leaves out what a record lacks, and skips records with no name', () => {
    expect(entryOfService({ id: 'x', name: 'Bare' })).to.deep.equal({ id: 'x', title: 'Bare', summary: 'Bare' });
    expect(entryOfService({ id: 'x' })).to.equal(undefined);
    expect(entryOfService('nonsense')).to.equal(undefined);
    expect(entryOfService({ id: 'x', name: 'Bad link', url: 'javascript:alert(1)' })!.url).to.equal(undefined);
  });

  it('cuts a description to its first sentence', () => {
    expect(firstSentence('One. Two.')).to.equal('One.');
    expect(firstSentence('No full stop')).to.equal('No full stop');
    expect(firstSentence('x'.repeat(300))).to.have.length(200);
  });
});
