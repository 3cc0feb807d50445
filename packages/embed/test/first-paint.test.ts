import { expect } from '@esm-bundle/chai';
import feedbackCy from '../../feedback/src/locales/cy.json';
import feedbackEn from '../../feedback/src/locales/en.json';
import finderCy from '../../finder/src/locales/cy.json';
import finderEn from '../../finder/src/locales/en.json';
import pollCy from '../../poll/src/locales/cy.json';
import pollEn from '../../poll/src/locales/en.json';
import pledgeCy from '../../pledge/src/locales/cy.json';
import pledgeEn from '../../pledge/src/locales/en.json';
import { failures, open, until, type Frame } from './host-page.js';

/**
 * What a resident sees from the first paint, with the built bundle served under a rule
 * (test/support/fixture-pages.mjs): the Welsh strings late or missing, a widget's code missing.
 * test/fixtures/paint-record.js samples each widget's shadow root from before its first render
 * and after every change, so every state a frame could paint is checked.
 */

interface Sample {
  tag: string;
  lang: string;
  text: string;
}

type PaintWindow = Frame['win'] & { __samples: Sample[] };

const WIDGETS = {
  'tandem-feedback': [feedbackEn, feedbackCy],
  'tandem-finder': [finderEn, finderCy],
  'tandem-poll': [pollEn, pollCy],
  'tandem-pledge': [pledgeEn, pledgeCy],
} as const;

/** A catalogue's strings as a flat list, without the parts filled in at run time. */
function texts(strings: object): string[] {
  return Object.values(strings).flatMap((value) => (typeof value === 'string' ? value.split(/\{\{[^}]*\}\}/) : texts(value)));
}

/** The phrases only one of two languages has (long enough to mean something), to spot in a sample. */
function onlyIn(mine: object, other: object): string[] {
  const theirs = new Set(texts(other).map((text) => text.trim()));
  return [...new Set(texts(mine).map((text) => text.trim()))].filter((text) => text.length >= 8 && !theirs.has(text));
}

const samples = (frame: Frame, tag: string) => (frame.win as PaintWindow).__samples.filter((sample) => sample.tag === tag);

/** Waits until every widget shows something, and a poll its questions. */
async function drawn(frame: Frame): Promise<void> {
  for (const tag of Object.keys(WIDGETS)) {
    await until(`${tag} to draw`, () => frame.doc.querySelector(tag)?.matches(':state(drawn)'), 8000);
  }
}

describe('Welsh from the first paint', () => {
  it('draws each widget once in Welsh, nothing before, when the Welsh strings arrive 600 ms late', async () => {
    const frame = await open('first-paint-cy.html?cdn=cy~600&scenario=first-paint-late');
    await drawn(frame);
    for (const [tag, [en, cy]] of Object.entries(WIDGETS)) {
      const seen = samples(frame, tag);
      const english = onlyIn(en, cy);
      expect(english.length, `${tag}: English-only phrases to look for`).to.be.above(3);
      expect(seen.length, `${tag} samples`).to.be.above(1);
      for (const sample of seen) {
        if (!sample.text) continue;
        expect(sample.lang, `${tag} drew "${sample.text.slice(0, 60)}"`).to.equal('cy');
        const wrong = english.filter((phrase) => sample.text.includes(phrase));
        expect(wrong, `${tag} showed English`).to.deep.equal([]);
      }
      // It was there while the Welsh strings were on their way, showing nothing.
      expect(seen[0]!.text, `${tag} first sample`).to.equal('');
      const welsh = onlyIn(cy, en);
      expect(welsh.some((phrase) => seen.at(-1)!.text.includes(phrase)), `${tag} ends in Welsh`).to.equal(true);
    }
    expect(failures(frame)).to.deep.equal([]);
  });

  it('falls back to English marked lang="en", never mixed, and says so, when the Welsh strings cannot load', async () => {
    const frame = await open('first-paint-cy.html?cdn=cy~fail&scenario=first-paint-failed');
    await drawn(frame);
    for (const [tag, [en, cy]] of Object.entries(WIDGETS)) {
      const welsh = onlyIn(cy, en);
      const seen = samples(frame, tag).filter((sample) => sample.text);
      expect(seen.length, `${tag} drew`).to.be.above(0);
      for (const sample of seen) {
        expect(sample.lang, `${tag} drew "${sample.text.slice(0, 60)}"`).to.equal('en');
        expect(welsh.filter((phrase) => sample.text.includes(phrase)), `${tag} showed Welsh strings`).to.deep.equal([]);
      }
      // A working widget, not an error notice.
      expect(frame.doc.querySelector(tag)!.shadowRoot!.querySelector('.notice'), `${tag} notice`).to.equal(null);
      const warned = frame.events.filter((event) => event.type === 'console.warn' && event.message.includes(`<${tag}>: no "cy" strings`));
      expect(warned.length, `${tag} console warning`).to.be.above(0);
    }
    expect(failures(frame)).to.deep.equal([]);
  });
});

describe('a widget whose code cannot be fetched', () => {
  it('leaves nothing in its place, gives its space back, logs the address, and the page and other widgets go on', async () => {
    const frame = await open('chunk-fail.html?cdn=feedback~fail&scenario=chunk-fail');
    await until('the poll to draw', () => frame.doc.querySelector('tandem-poll')?.shadowRoot?.querySelector('#title'), 8000);
    const logged = await until('the console message', () =>
      frame.events.find((event) => event.type === 'console.error' && event.message.includes('Could not load <tandem-feedback>')),
    );
    expect(logged.message).to.match(/from http:\/\/[^ ]+\/test\/cdn\/feedback~fail\/chunks\/feedback-[\w-]+\.js: serve chunks\/ beside tandem\.js\./);
    const element = frame.doc.querySelector('tandem-feedback')!;
    expect(frame.win.customElements.get('tandem-feedback')).to.equal(undefined);
    expect(element.shadowRoot).to.equal(null);
    expect(element.getBoundingClientRect().height, 'space held for the feedback').to.equal(0);
    expect(failures(frame)).to.deep.equal([]);
  });
});
