import '../src/define.js';
import { participantKey } from '../src/participant.js';
import { PollHarness } from './harness.js';
import dayCentres from './fixtures/day-centres-2026.json';
import { mountPage } from '../../../test/support/page.js';

export const SITE = 'adult-social-care';

/** A fresh scenario on the test collector, so tests never see each other's votes. */
export const scenario = () => `poll-${crypto.randomUUID().slice(0, 8)}`;

export type Received = {
  stored: Record<string, { answers: Record<string, unknown>; participant?: string; instance: string; widget: string }>;
  accepted: Record<string, number>;
  attempts: number;
  pollRequests: { query: string; site: string | null; participant: string | null; step: unknown }[];
};

export async function received(name: string): Promise<Received> {
  return (await fetch(`/collector/${name}/received`)).json();
}


export async function script(name: string, steps: unknown[], which: 'script' | 'poll-script' = 'script'): Promise<void> {
  await fetch(`/collector/${name}/${which}`, { method: 'PUT', body: JSON.stringify(steps) });
}

/**
 * Helpers for one test file's own copy of the day centres poll. Each file has its own poll id
 * because test files run side by side in pages of one origin, which share localStorage and so
 * the participant id each poll keeps.
 */
export function pollTests(id: string) {
  const definition = { ...dayCentres, id };
  const defined = new Set<string>();

  /** Sets the poll's state at the test collector (status, counts, votes, statements…). */
  async function setPoll(name: string, state: Record<string, unknown> = {}): Promise<void> {
    defined.add(name);
    await fetch(`/collector/${name}/polls/${id}`, { method: 'PUT', body: JSON.stringify({ definition, ...state }) });
  }

  /** A council page with the poll on it, pointed at a scenario of the test collector. */
  async function mountPoll(name: string, { attributes = '', lang = 'en', dir = 'ltr' } = {}): Promise<PollHarness> {
    if (!defined.has(name)) await setPoll(name);
    mountPage(`<tandem-poll poll="${id}" site="${SITE}" endpoint="/collector/${name}" ${attributes}></tandem-poll>`, { lang, dir });
    return new PollHarness(document.querySelector('tandem-poll')!).ready();
  }

  return {
    POLL: id,
    setPoll,
    mountPoll,
    /** Forgets this device's participant id, as a new visitor would have none. */
    forgetParticipant: () => localStorage.removeItem(participantKey(id)),
    storedParticipant: () => localStorage.getItem(participantKey(id)),
  };
}

export { axFullTree, axNode, axTree, flatten, type AxNode } from '../../../test/support/accessibility-tree.js';
export { eventually } from '../../../test/support/eventually.js';

/**
 * The page shown again, as when a person comes back to its tab. Test pages run side by side
 * and one may be a background tab, so the page says it is visible while the event fires.
 */
export function showAgain(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  try {
    document.dispatchEvent(new Event('visibilitychange'));
  } finally {
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
}
