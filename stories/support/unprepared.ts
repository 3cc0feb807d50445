import type { DeliveryResult } from '@tandem/core';

/**
 * Makes one widget's deliveries end as they do when the code that prepares an answer (its own
 * chunk, fetched when the page is idle) could not load: `unprepared`, nothing sent or stored.
 * Story-only: the real cause, a chunk that fails to load, cannot be repeated in a page that has
 * loaded it once, as Storybook's has. Only this element changes; the widget's reaction is its own.
 */
export function withoutPreparer(element: HTMLElement): void {
  const unprepared = (): Promise<DeliveryResult> => Promise.resolve({ outcome: 'unprepared' });
  // An own property shadows TandemElement's protected deliver() for this element alone.
  Object.defineProperty(element, 'deliver', { value: unprepared, configurable: true });
}
