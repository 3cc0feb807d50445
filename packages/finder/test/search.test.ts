import { expect } from '@esm-bundle/chai';
import type { Catalogue, CatalogueEntry } from '../src/catalogue.js';
import { FinderSearch } from '../src/search/engine.js';
import { analyse, fold, termOf, words } from '../src/search/normalise.js';
import { stem } from '../src/search/stem.js';
import MiniSearch from 'minisearch';
import { BulkMiniSearch } from '../src/search/bulk-index.js';
import { FIELDS, documentOf } from '../src/search/documents.js';
import { fieldTerms } from '../src/search/normalise.js';
import { editDistance } from '../src/search/edit-distance.js';
import example from '../../../examples/adult-social-care/catalogue.json';
import { orderCases, relevanceCases, welshOnEnglishCatalogue } from './relevance-cases.js';

const catalogue = example as unknown as Catalogue;
const english = new FinderSearch(catalogue);
const welsh = new FinderSearch(catalogue, { lang: 'cy' });
const ids = (engine: FinderSearch, query: string, limit = 3) => engine.search(query, limit).map((r) => r.entry.id);

function small(entries: Partial<CatalogueEntry>[], extra: Partial<Catalogue> = {}): Catalogue {
  return {
    version: 1,
    name: 'Test',
    contact: { label: 'Call us' },
    entries: entries.map((e, i) => ({ id: `e${i}`, title: `Entry ${i}`, summary: '', ...e })),
    ...extra,
  };
}

describe('FinderSearch', () => {
  describe('relevance on the adult social care catalogue', () => {
    it('has at least 50 phrasings, in English and Welsh', () => {
      expect(relevanceCases.length).to.be.at.least(50);
      expect(relevanceCases.filter((c) => c.lang === 'cy').length).to.be.at.least(5);
      const known = new Set(catalogue.entries.map((e) => e.id));
      for (const c of relevanceCases) expect(known.has(c.expect), c.expect).to.equal(true);
    });

    for (const { query, expect: id, lang } of relevanceCases) {
      it(`${lang === 'cy' ? '[cy] ' : ''}"${query}" has ${id} in its top three`, () => {
        const found = ids(lang === 'cy' ? welsh : english, query);
        expect(found, `got ${found.join(', ')}`).to.include(id);
      });
    }

    for (const { query, above, below, lang } of orderCases) {
      it(`${lang === 'cy' ? '[cy] ' : ''}"${query}" ranks ${above} above ${below}`, () => {
        const found = ids(lang === 'cy' ? welsh : english, query, 10);
        expect(found, `got ${found.join(', ')}`).to.include(above);
        expect(found.indexOf(below) === -1 || found.indexOf(above) < found.indexOf(below), `got ${found.join(', ')}`).to.equal(true);
      });
    }

    const englishOnly = new FinderSearch({ ...catalogue, entries: catalogue.entries.map(({ cy: _cy, ...entry }) => entry) }, { lang: 'cy' });
    for (const { query, expect: id } of welshOnEnglishCatalogue) {
      it(`[cy, no Welsh in the catalogue] "${query}" has ${id} in its top three`, () => {
        const found = ids(englishOnly, query);
        expect(found, `got ${found.join(', ')}`).to.include(id);
      });
    }

    it('drops Welsh stopwords on Welsh pages only', () => {
      expect(analyse('mae mam wedi cwympo', true)).to.deep.equal(analyse('mam wedi cwympo', true));
      expect(analyse('mae', false)).to.have.length(1);
    });
  });

  describe('normaliser', () => {
    const cases: [string, string][] = [
      ['falls', 'fall'], ['fallen', 'fall'], ['falling', 'fall'], ['fell', 'fall'], ['washing', 'wash'],
      ['washed', 'wash'], ['washes', 'wash'], ['benefits', 'benefit'], ['carers', 'carer'], ['caring', 'care'],
      ['getting', 'get'], ['disabilities', 'disability'], ['disabled', 'disable'], ['meals', 'meal'],
      ['houses', 'house'], ['glasses', 'glass'], ['struggling', 'struggle'], ['coping', 'cope'], ['visiting', 'visit'],
      ['children', 'child'], ['bus', 'bus'], ['dementia', 'dementia'],
    ];
    for (const [word, want] of cases) it(`stems ${word} → ${want}`, () => expect(stem(word)).to.equal(want));

    it('folds case, accents and apostrophes of every kind', () => {
      expect(fold('Can’t')).to.equal('cant');
      expect(fold("Carer's")).to.equal('carers');
      expect(fold('Gwasanaethau ŵyr â')).to.equal('gwasanaethau wyr a');
    });

    it('splits on punctuation and drops words that carry no meaning', () => {
      expect(words('meals-on-wheels, please!')).to.deep.equal(['meals', 'on', 'wheels', 'please']);
      expect(analyse("I can't cope with my mum's falls")).to.deep.equal(['cant', 'cope', 'mum', 'fall']);
    });

    it('counts a swap of two letters as one slip', () => {
      expect(editDistance('wahs', 'wash', 2)).to.equal(1);
      expect(editDistance('benifit', 'benefit', 2)).to.equal(1);
      expect(editDistance('care', 'home', 1)).to.equal(2);
    });
  });

  describe('matching', () => {
    const engine = new FinderSearch(
      small([
        { id: 'dementia', title: 'Dementia support', summary: 'Help for families.' },
        { id: 'meals', title: 'Meal delivery', summary: 'Hot food to your door.' },
        { id: 'parents', title: 'Support for older parents', summary: 'Advice for families.' },
        { id: 'rain', title: 'Umbrella loan', summary: 'Borrow one.' },
        { id: 'garden', title: 'Garden help', summary: 'Volunteers tidy gardens.', description: 'Umbrella trees pruned.' },
      ], { synonyms: [['brolly', 'umbrella']] }),
    );

    it('completes the word being typed, at every length from two letters', () => {
      for (let n = 2; n <= 'dementia'.length; n++) expect(ids(engine, 'dementia'.slice(0, n), 5), 'dementia'.slice(0, n)).to.include('dementia');
    });

    it('completes only the last word: earlier words are whole words', () => {
      expect(ids(engine, 'meal deliv')[0]).to.equal('meals');
      // "dem" followed by a space is finished, and no entry has the word "dem".
      expect(ids(engine, 'dem ')).to.deep.equal([]);
    });

    it('matches words in any order', () => {
      expect(ids(engine, 'delivery meal')[0]).to.equal('meals');
      expect(ids(engine, 'support dementia')[0]).to.equal('dementia');
    });

    it('forgives a slip in longer words, but not in short ones', () => {
      expect(ids(engine, 'demetnia')[0]).to.equal('dementia');
      expect(ids(engine, 'delivry')[0]).to.equal('meals');
      expect(ids(engine, 'mel ')).to.deep.equal([]);
    });

    it('uses the default synonyms, both ways, and multi-word ones', () => {
      expect(ids(engine, 'meals on wheels')[0]).to.equal('meals');
      expect(ids(engine, 'mum')[0]).to.equal('parents');
    });

    it("adds the catalogue's own synonyms", () => {
      expect(ids(engine, 'brolly')[0]).to.equal('rain');
    });

    it('ranks titles above descriptions', () => {
      expect(ids(engine, 'umbrella', 2)).to.deep.equal(['rain', 'garden']);
    });

    it('returns no more than the limit, and nothing for a limit of 0', () => {
      expect(engine.search('help', 1)).to.have.length(1);
      expect(engine.search('help', 0)).to.deep.equal([]);
    });
  });

  describe('pins', () => {
    it("puts a council's pinned entry first for its need, however it is typed", () => {
      const pinned = new FinderSearch(
        small([
          { id: 'home-care', title: 'Help at home', summary: 'Carers visit.' },
          { id: 'assessment', title: 'Care needs assessment', summary: 'Ask us.' },
        ], { pins: { 'help at home': 'assessment' } }),
      );
      expect(ids(pinned, 'help at home')[0]).to.equal('assessment');
      expect(ids(pinned, 'Help at HOME!')[0]).to.equal('assessment');
      expect(ids(pinned, 'home')[0]).to.equal('home-care');
    });

    it('ignores a pin naming no entry', () => {
      const engine = new FinderSearch(small([{ id: 'a', title: 'Help at home' }], { pins: { help: 'nowhere' } }));
      expect(ids(engine, 'help')).to.deep.equal(['a']);
    });

    it('honours the example catalogue’s pins', () => {
      expect(ids(english, 'I cant cope', 1)).to.deep.equal(['mental-health-crisis']);
      expect(ids(english, 'help', 1)).to.deep.equal(['care-needs-assessment']);
    });
  });

  describe('the index, built in bulk', () => {
    it('is the index MiniSearch’s own addAll builds: same terms, same scores', () => {
      const fields = [...FIELDS];
      const docs = catalogue.entries.map((entry, i) => documentOf(entry, i, true));
      const same = (term: string) => term;
      const byWhitespace = (text: string) => text.split(' ');
      const own = new MiniSearch({ fields, processTerm: same, tokenize: (text) => fieldTerms(text, true) });
      own.addAll(docs);
      const bulk = new BulkMiniSearch({ fields, processTerm: same, tokenize: byWhitespace });
      bulk.addAllInBulk(docs.length, fields, (doc, field) => fieldTerms(docs[doc]![fields[field]!], true));
      expect(bulk.documentCount).to.equal(own.documentCount);
      const ownJs = own.toJSON();
      const bulkJs = bulk.toJSON();
      expect(bulkJs.index).to.deep.equal(ownJs.index);
      expect(bulkJs.fieldLength).to.deep.equal(ownJs.fieldLength);
      bulkJs.averageFieldLength.forEach((average, i) => expect(average).to.be.closeTo(ownJs.averageFieldLength[i]!, 1e-9));
      const terms = ownJs.index.map(([term]) => term);
      expect(terms.length).to.be.above(500);
      for (const term of terms) {
        const a = own.search(term, { tokenize: byWhitespace, processTerm: same });
        const b = bulk.search(term, { tokenize: byWhitespace, processTerm: same });
        expect(b.map((r) => r.id)).to.deep.equal(a.map((r) => r.id));
        b.forEach((r, i) => expect(r.score).to.be.closeTo(a[i]!.score, 1e-9));
      }
    });
  });

  describe('Welsh', () => {
    it("shows and searches an entry's Welsh text, falling back to English", () => {
      const [badge] = welsh.search('bathodyn glas', 1);
      expect(badge!.entry.title).to.equal('Bathodyn Glas');
      const [stroke] = welsh.search('stroke', 1);
      expect(stroke!.entry.id).to.equal('stroke');
      expect(stroke!.entry.title).to.equal('Life after a stroke');
    });

    it('matches Welsh letters typed without their accents', () => {
      const engine = new FinderSearch(small([{ id: 'cy', title: 'Gofal', summary: '', cy: { title: 'Gwasanaeth ŵyr' } }]), { lang: 'cy' });
      expect(ids(engine, 'wyr')).to.deep.equal(['cy']);
    });

    it('brings Welsh mutations and plurals together on Welsh pages only', () => {
      const key = (word: string) => termOf(word, true);
      const same = (...forms: string[]) => expect(new Set(forms.map(key)).size, forms.join(' / ')).to.equal(1);
      same('gofalwr', 'ofalwr', 'gofalwyr', 'ofalwyr', 'ngofalwyr'); // soft g→(gone), nasal g→ng, -wyr
      same('mam', 'fam'); // soft m→f
      same('cartref', 'gartref', 'nghartref', 'chartref'); // soft, nasal, aspirate c
      same('taliad', 'daliad', 'nhaliad', 'thaliad', 'taliadau'); // soft, nasal, aspirate t; -au
      same('pryd', 'bryd', 'mhryd', 'phryd', 'prydau'); // soft, nasal, aspirate p; -au
      same('llety', 'lety');
      same('swyddog', 'swyddogion'); // -ion
      same('preswyl', 'preswyliaid'); // -iaid
      same('ardal', 'ardaloedd'); // -oedd
      // Not plurals: English -tion/-sion words on Welsh pages, and words too short to tell.
      expect(key('station')).to.equal(key('stations'));
      expect(key('session')).to.contain('sion');
      expect(['da', 'ti', 'te'].map(key)).to.deep.equal(['da', 'ti', 'te']);
      // Welsh's little words ("yn", "ei", "eu") are stopwords on Welsh pages.
      expect(['yn', 'ei', 'eu'].map(key)).to.deep.equal([null, null, null]);
      // English pages never see any of it.
      expect(termOf('ofalwyr')).to.equal('ofalwyr');
      expect(termOf('fam')).to.equal('fam');
      expect(ids(english, 'ffrâm gerdded')).to.deep.equal([]);
    });

    it('keeps English search in English for entries with Welsh text', () => {
      expect(english.search('blue badge', 1)[0]!.entry.title).to.equal('Blue Badge');
    });
  });

  describe('suggestions', () => {
    it('offers near titles and needs when a search finds nothing', () => {
      expect(english.search('demantia xylophone zebra')).to.deep.equal([]);
      const offered = english.suggestions('demantia xylophone zebra');
      expect(offered.length).to.be.within(1, 3);
      expect(offered.join(' ').toLowerCase()).to.include('dementia');
    });

    it('offers nothing for nonsense, and never the query itself', () => {
      expect(english.suggestions('qqqqq zzzz')).to.deep.equal([]);
      expect(english.suggestions('I cant cope').map((s) => s.toLowerCase())).not.to.include('i cant cope');
    });
  });

  describe('whatever is typed', () => {
    const awkward = ['', ' ', '!!!', "'", '’’', '-', '😀', '👩‍🦳 help', 'x'.repeat(2000), 'care '.repeat(400), '\u0000\u0001', 'مساعدة في المنزل', '<script>alert(1)</script>', '%%%', '__proto__', 'constructor'];
    for (const query of awkward) {
      it(`does not throw on ${JSON.stringify(query.slice(0, 20))}${query.length > 20 ? '…' : ''}`, () => {
        expect(() => english.search(query)).not.to.throw();
        expect(() => english.suggestions(query)).not.to.throw();
        expect(() => welsh.search(query)).not.to.throw();
      });
    }

    it('finds nothing for empty or punctuation-only text', () => {
      for (const query of ['', '   ', '!!!', '😀']) expect(english.search(query)).to.deep.equal([]);
    });

    it('copes with a catalogue with no entries', () => {
      const empty = new FinderSearch(small([]));
      expect(empty.search('help')).to.deep.equal([]);
      expect(empty.suggestions('help')).to.deep.equal([]);
    });
  });

  it('builds its index on the first search, not when made', () => {
    let reads = 0;
    const base = small([{ id: 'a', title: 'Help at home' }]);
    const watched = { ...base, get entries() { reads++; return base.entries; } } as Catalogue;
    const engine = new FinderSearch(watched);
    expect(reads).to.equal(0);
    expect(ids(engine, 'home')).to.deep.equal(['a']);
    expect(reads).to.be.greaterThan(0);
  });
});
