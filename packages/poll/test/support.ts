import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import '../src/define.js';
import { participantKey } from '../src/participant.js';
import { PollHarness } from './harness.js';
import { mountPage } from '../../../test/support/page.js';

export const POLL = 'day-centres-2026';
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

/** Sets a poll's state at the test collector (status, counts, votes, statements…). */
export async function setPoll(name: string, state: Record<string, unknown>, id = POLL): Promise<void> {
  await fetch(`/collector/${name}/polls/${id}`, { method: 'PUT', body: JSON.stringify(state) });
}

export async function script(name: string, steps: unknown[], which: 'script' | 'poll-script' = 'script'): Promise<void> {
  await fetch(`/collector/${name}/${which}`, { method: 'PUT', body: JSON.stringify(steps) });
}

/** A council page with a poll on it, pointed at a scenario of the test collector. */
export async function mountPoll(name: string, { attributes = '', lang = 'en', dir = 'ltr' } = {}): Promise<PollHarness> {
  mountPage(`<tandem-poll poll="${POLL}" site="${SITE}" endpoint="/collector/${name}" ${attributes}></tandem-poll>`, { lang, dir });
  return new PollHarness(document.querySelector('tandem-poll')!).ready();
}

/** Forgets this device's participant id, as a new visitor would have none. */
export function forgetParticipant(): void {
  localStorage.removeItem(participantKey(POLL));
}

export function storedParticipant(): string | null {
  return localStorage.getItem(participantKey(POLL));
}

export type AxNode = { name?: string; role?: string; level?: number; checked?: boolean | string; focused?: boolean; value?: string; children?: AxNode[] };

export async function axTree(): Promise<AxNode> {
  return (await a11ySnapshot({})) as unknown as AxNode;
}

export async function axNode(predicate: (node: AxNode) => boolean): Promise<AxNode | null> {
  return findAccessibilityNode((await axTree()) as never, predicate as never) as AxNode | null;
}

/** Every node of an accessibility subtree, depth first. */
export function flatten(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(flatten)];
}

export async function eventually(assertion: () => void | Promise<void>, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
