// The code that prepares an answer cannot be fetched (offline before it loaded): the search
// log is ours, not the resident's, and their search works without it, so nothing is said; the
// entry stays unsent and goes at the next settle once the code loads.
// This file has a page of its own, where the chunk has never loaded.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TandemSubmittedEvent } from '@tandem/core';
import '../src/define.js';
import type { Catalogue } from '../src/catalogue.js';
import { ANNOUNCE_DELAY_MS } from '../src/finder.js';
import { fixtureCatalogue } from './fixture-catalogue.js';
import { FinderHarness } from './harness.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { mountPage } from '../../../test/support/page.js';
import { sleep } from '../../../test/support/widget-harness.js';

const PREPARE = ['*/core/src/prepare.ts*', '*/chunks/prepare-*'];

async function until(condition: () => boolean, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

describe('<tandem-finder>: the code that prepares answers cannot be fetched', () => {
  const submitted: TandemSubmittedEvent['detail'][] = [];
  const record = (event: Event) => submitted.push((event as TandemSubmittedEvent).detail);
  const warnings: unknown[][] = [];
  const warn = console.warn;
  before(() => executeServerCommand('block-urls', { urls: PREPARE }));
  beforeEach(() => {
    document.addEventListener('tandem-submitted', record);
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
    document.removeEventListener('tandem-submitted', record);
  });
  after(() => executeServerCommand('block-urls', { urls: [] }));

  it('says nothing to the resident, and sends the search at its next settle once the code loads', async () => {
    mountPage('<tandem-finder site="adult-social-care" transport="events"></tandem-finder>');
    const element = document.querySelector('tandem-finder')!;
    element.catalogueData = fixtureCatalogue as Catalogue;
    const finder = (await new FinderHarness(element).ready()).useFakeClock();
    await finder.type('help with washing');
    await finder.pause(ANNOUNCE_DELAY_MS);
    const announcement = finder.announcement;
    expect(announcement).to.not.equal('');
    await finder.key('Enter');
    await until(() => warnings.some(([message]) => String(message).includes('answer not sent')));
    await finder.settle();
    expect(submitted, 'nothing could be prepared').to.have.length(0);
    expect(finder.announcement, 'the search is still what is announced').to.equal(announcement);
    expect(finder.query('[part=error]'), 'no notice: the search works').to.equal(null);
    expect(finder.results.length).to.be.greaterThan(0);
    await expectNoAxeViolations();

    await executeServerCommand('block-urls', { urls: [] });
    await finder.key('Enter');
    await until(() => submitted.length === 1);
    expect(submitted[0]!.submission.answers).to.deep.equal({ query: 'help with washing', results: finder.results.length });
    await executeServerCommand('block-urls', { urls: PREPARE });
  });
});
