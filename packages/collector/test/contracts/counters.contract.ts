// The counters part's contract: rate-limit hits in fixed windows, many keys in one call.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MINUTE, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { CounterStore } from '../../src/store/store.js';

export function countersContract(name: string, open: OpenStore<{ counters: CounterStore }>) {
  describe(`${name}: counters`, () => {
    it('adds hits to fixed windows, many keys in one call, each total in the order given', () =>
      withStore(open, async ({ counters }) => {
        const t = NOW;
        assert.deepEqual(await counters.addHits([{ key: 'ip:1', hits: 3, windowMs: MINUTE }, { key: 'ip:2', hits: 1, windowMs: MINUTE }], t), [
          { hits: 3, resetAt: t + MINUTE },
          { hits: 1, resetAt: t + MINUTE },
        ]);
        // Later in the same window: added to it, which still ends when it began + windowMs.
        assert.deepEqual(await counters.addHits([{ key: 'ip:2', hits: 1, windowMs: MINUTE }, { key: 'ip:1', hits: 2, windowMs: MINUTE }], t + MINUTE - 1), [
          { hits: 2, resetAt: t + MINUTE },
          { hits: 5, resetAt: t + MINUTE },
        ]);
        // The window has ended: the count starts again from these hits.
        assert.deepEqual(await counters.addHits([{ key: 'ip:1', hits: 4, windowMs: MINUTE }], t + MINUTE), [{ hits: 4, resetAt: t + 2 * MINUTE }]);
      }));

    it('starts a key it has never seen at its hits, and keeps keys apart', () =>
      withStore(open, async ({ counters }) => {
        assert.deepEqual(await counters.addHits([], NOW), []);
        assert.deepEqual(await counters.addHits([{ key: 'site:a', hits: 1, windowMs: MINUTE }], NOW), [{ hits: 1, resetAt: NOW + MINUTE }]);
        assert.deepEqual(await counters.addHits([{ key: 'site:b', hits: 7, windowMs: 10 * MINUTE }], NOW + 30000), [{ hits: 7, resetAt: NOW + 30000 + 10 * MINUTE }]);
        assert.deepEqual(await counters.addHits([{ key: 'site:a', hits: 1, windowMs: MINUTE }], NOW + 30000), [{ hits: 2, resetAt: NOW + MINUTE }]);
      }));

    it('gives every call its own totals when many come at once', () =>
      withStore(open, async ({ counters }) => {
        const totals = await Promise.all(Array.from({ length: 50 }, () => counters.addHits([{ key: 'participant:p', hits: 1, windowMs: MINUTE }], NOW)));
        assert.deepEqual(totals.map(([total]) => total?.hits).sort((a = 0, b = 0) => a - b), Array.from({ length: 50 }, (_, i) => i + 1));
      }));
  });
}
