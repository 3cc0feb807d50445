import { expect } from '@esm-bundle/chai';
import { tandemGlobal } from '../src/global.js';
import { applyHostStrings, hasStrings, loadStrings, registerNamespace, resolveLanguage, setElementStrings, translator } from '../src/i18n.js';

// Each test takes a namespace of its own: the translator's strings live as long as the page.
let count = 0;
const namespace = () => `i18n-test-${++count}`;

const EN = {
  chars_one: '{{count}} character',
  chars_other: '{{count}} characters',
  none_zero: 'Nothing left',
  none_other: '{{count}} left',
  greeting: 'Hello {{name}}, from {{place}}',
  notice: { broken: 'Broken' },
  only: 'Only in English',
  question: 'Is this page useful?',
};
const CY = {
  chars_zero: '{{count}} nod (dim)',
  chars_one: '{{count}} nod (un)',
  chars_two: '{{count}} nod (dau)',
  chars_few: '{{count}} nod (tri)',
  chars_many: '{{count}} nod (chwech)',
  chars_other: '{{count}} nod',
  notice: { broken: 'Wedi torri' },
  question: 'Ydy’r dudalen hon yn ddefnyddiol?',
};

async function ready(cy: object | (() => Promise<{ default: object }>) = CY) {
  const ns = namespace();
  registerNamespace(ns, { en: EN, cy: cy as never });
  await loadStrings(ns, 'cy');
  return ns;
}

describe('translator', () => {
  it('chooses plural forms by the language’s own rules, Welsh’s six included', async () => {
    const ns = await ready();
    const en = translator(ns, 'en', `${ns}-el`);
    expect([1, 2, 0].map((n) => en('chars', { count: n }))).to.deep.equal(['1 character', '2 characters', '0 characters']);
    const cy = translator(ns, 'cy', `${ns}-el`);
    expect([0, 1, 2, 3, 6, 7].map((n) => cy('chars', { count: n }))).to.deep.equal([
      '0 nod (dim)', '1 nod (un)', '2 nod (dau)', '3 nod (tri)', '6 nod (chwech)', '7 nod',
    ]);
  });

  it('uses key_zero for none in any language that has it', async () => {
    const ns = await ready();
    const en = translator(ns, 'en', `${ns}-el`);
    expect([en('none', { count: 0 }), en('none', { count: 3 })]).to.deep.equal(['Nothing left', '3 left']);
  });

  it('fills {{name}} places, leaving nothing for a value not given', async () => {
    const t = translator(await ready(), 'en', 'none');
    expect(t('greeting', { name: 'Siân', place: 'Caerdydd' })).to.equal('Hello Siân, from Caerdydd');
    expect(t('greeting', { name: 'Siân' })).to.equal('Hello Siân, from ');
  });

  it('finds nested keys, falls back to English, and returns an unknown key as it is', async () => {
    const ns = await ready();
    const cy = translator(ns, 'cy', `${ns}-el`);
    expect(cy('notice.broken')).to.equal('Wedi torri');
    expect(cy('only')).to.equal('Only in English');
    expect(cy('missing.key')).to.equal('missing.key');
    expect(cy('constructor')).to.equal('constructor');
    expect(cy('notice.toString')).to.equal('notice.toString');
  });

  it('puts the element’s own strings before the host’s, and the host’s before Tandem’s, in the page’s language first', async () => {
    const ns = await ready();
    tandemGlobal().tandem.configure({ strings: { en: { [ns]: { only: 'Host English', greeting: 'Host hello', question: 'Was this page helpful?' } }, cy: { [ns]: { greeting: 'Helo gan y safle' } } } });
    applyHostStrings(ns);
    const element = `${ns}-el`;
    setElementStrings(element, 'cy', { greeting: 'Helo gan yr elfen' });
    const cy = translator(ns, 'cy', element);
    expect(cy('greeting')).to.equal('Helo gan yr elfen');
    expect(cy('only'), 'no Welsh anywhere: the host’s English').to.equal('Host English');
    expect(translator(ns, 'cy', `${ns}-other`)('greeting')).to.equal('Helo gan y safle');
    // A host's English override never hides Tandem's Welsh on a Welsh page.
    expect(cy('question')).to.equal('Ydy’r dudalen hon yn ddefnyddiol?');
    expect(translator(ns, 'en', element)('question')).to.equal('Was this page helpful?');
    // An element's strings replace its earlier ones.
    setElementStrings(element, 'cy', {});
    expect(translator(ns, 'cy', element)('greeting')).to.equal('Helo gan y safle');
  });

  it('has a language once its strings are loaded, and loads a failed language again when asked', async () => {
    const ns = namespace();
    let attempts = 0;
    registerNamespace(ns, {
      en: EN,
      cy: () => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ default: CY })),
    });
    expect(resolveLanguage(ns, 'cy-GB')).to.equal('cy');
    expect(resolveLanguage(ns, 'fr')).to.equal('en');
    expect(hasStrings(ns, 'cy')).to.equal(false);
    let failed = false;
    await loadStrings(ns, 'cy').catch(() => (failed = true));
    expect([failed, hasStrings(ns, 'en'), hasStrings(ns, 'cy')]).to.deep.equal([true, true, false]);
    await loadStrings(ns, 'cy');
    expect([hasStrings(ns, 'cy'), attempts]).to.deep.equal([true, 2]);
    expect(translator(ns, 'cy', 'none')('chars', { count: 2 })).to.equal('2 nod (dau)');
  });
});
