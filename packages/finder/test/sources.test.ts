// The static catalogue's loader and checker. (The Open Referral UK client's tests are in
// directory.test.ts: they share the stand-in directory's request counter with its tests, so
// they must not run at the same time as them.)
import { expect } from '@esm-bundle/chai';
import { checkCatalogue } from '../src/catalogue-check.js';
import { CatalogueError, loadCatalogue } from '../src/sources/static.js';
import { rejection } from './harness.js';

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
