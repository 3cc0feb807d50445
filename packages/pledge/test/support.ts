import { mountPage } from '../../../test/support/page.js';
export { eventually } from '../../../test/support/eventually.js';
export { axFullTree, axNode, axTree, flatten, type AxNode } from '../../../test/support/accessibility-tree.js';
import { PledgeHarness } from './harness.js';
import '../src/define.js';

export const SITE = 'adult-social-care';
export const LIST = 'help-your-neighbourhood';

/** A fresh scenario on the test collector, so tests never see each other's offers. */
export const scenario = () => `pledge-${crypto.randomUUID().slice(0, 8)}`;

export interface StoredOffer {
  id: string;
  widget: string;
  instance: string;
  site: string;
  answers: Record<string, unknown>;
  contact?: Record<string, unknown>;
}

export interface Received {
  stored: Record<string, StoredOffer>;
  accepted: Record<string, number>;
  attempts: number;
  withdrawn: string[];
}

export async function received(name: string): Promise<Received> {
  return (await fetch(`/collector/${name}/received`)).json();
}

/** Steps for the next offers (`script`) or list fetches (`poll-script`), as test/support/test-collector.mjs reads them. */
export async function script(name: string, steps: unknown[], which: 'script' | 'poll-script' = 'script'): Promise<void> {
  await fetch(`/collector/${name}/${which}`, { method: 'PUT', body: JSON.stringify(steps) });
}

/** A council page with the ways to help on it, pointed at a scenario of the test collector. */
export async function mountPledge(name: string, { attributes = '', lang = 'en', dir = 'ltr' } = {}): Promise<PledgeHarness> {
  mountPage(`<tandem-pledge list="${LIST}" site="${SITE}" endpoint="/collector/${name}" ${attributes}></tandem-pledge>`, { lang, dir });
  return new PledgeHarness(document.querySelector('tandem-pledge')!).ready();
}
