import { expect } from '@esm-bundle/chai';
import { MAX_FILL_MS, MAX_PAGE_TITLE, MAX_TEXT } from '../src/limits.js';
import { prepareSubmission } from '../src/prepare.js';
import type { Submission } from '../src/schema.js';

const draft = (answers: Submission['answers'], url = 'https://www.example.gov.uk/adult-social-care/help-at-home'): Submission => ({
  id: '0b6a2f7e-3c1d-4e5f-8a9b-0c1d2e3f4a5b',
  site: 'adult-social-care',
  widget: 'finder',
  instance: 'finder',
  page: { url, title: 'Help at home' },
  lang: 'en',
  answers,
  signals: { honeypot: false, fillMs: 4000 },
  clientTime: '2026-11-26T09:00:00.000Z',
  sdkVersion: '0.1.0',
});

describe('prepareSubmission: the last step before an answer leaves the widget', () => {
  it('redacts every free-text answer and every text in a list, and leaves other values alone', () => {
    const prepared = prepareSubmission(draft({ query: 'call me on 07700 900123', tags: ['jane@example.com', 'care'], results: 3, helped: false }));
    expect(prepared.answers).to.deep.equal({ query: 'call me on [phone]', tags: ['[email]', 'care'], results: 3, helped: false });
  });

  it('redacts the page path', () => {
    const prepared = prepareSubmission(draft({ useful: true }, 'https://www.example.gov.uk/residents/jane.doe@example.com/profile'));
    expect(prepared.page.url).to.equal('https://www.example.gov.uk/residents/%5Bemail%5D/profile');
  });

  it('redacts the page title, which can hold a name or a reference, and keeps it within its limit', () => {
    const title = (text: string) => prepareSubmission({ ...draft({ useful: true }), page: { url: 'https://www.example.gov.uk/cases', title: text } }).page.title;
    expect(title('Case AB123456C for jo@example.com – My account')).to.equal('Case [ni-number] for [email] – My account');
    // Each five-character postcode becomes a ten-character placeholder: cut after, as answers are.
    expect(title('M11AE '.repeat(50))).to.have.length(MAX_PAGE_TITLE);
  });

  it('gives every answer from this page load one sender id, and keeps one already given', () => {
    const [a, b] = [prepareSubmission(draft({ useful: true })), prepareSubmission(draft({ useful: false }))];
    expect(a.signals.sender).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.signals.sender).to.equal(a.signals.sender);
    const given = '1b6a2f7e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(prepareSubmission({ ...draft({ useful: true }), signals: { honeypot: false, fillMs: 10, sender: given } }).signals.sender).to.equal(given);
  });

  it('redacts before it shortens, so no half of an identifier is left behind', () => {
    const text = `${'x'.repeat(MAX_TEXT - 10)} jane.doe@example.com`;
    const prepared = prepareSubmission(draft({ need: text }));
    expect(prepared.answers.need).to.equal(`${'x'.repeat(MAX_TEXT - 10)} [email]`.slice(0, MAX_TEXT));
    expect(String(prepared.answers.need)).not.to.contain('jane');
  });

  it('counts a form left open for days as a day, so its answer is still sent', () => {
    const prepared = prepareSubmission({ ...draft({ need: 'help' }), signals: { honeypot: false, fillMs: 3 * MAX_FILL_MS } });
    expect(prepared.signals.fillMs).to.equal(MAX_FILL_MS);
  });

  it('refuses what the collector would refuse, naming the field', () => {
    expect(() => prepareSubmission({ ...draft({ useful: true }), site: 'Not A Slug' })).to.throw(/site/);
  });
});
