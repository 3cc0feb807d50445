// assertStore: a store lacking part of the interface fails at start, naming what is missing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertStore, STORE_METHODS } from '../src/store/store.js';

/** A store with every method, doing nothing. */
function completeStore() {
  const part = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, async () => {}]));
  return {
    ...Object.fromEntries(Object.entries(STORE_METHODS).map(([name, methods]) => [name, part(methods)])),
    purgeBefore: async () => 0,
    check: async () => {},
    checkWrite: async () => {},
    close: async () => {},
  };
}

describe('assertStore', () => {
  it('takes a store with every part and method', () => {
    const store = completeStore();
    assert.equal(assertStore(store), store);
  });

  it('names each missing method by its part', () => {
    const store = completeStore() as Record<string, unknown>;
    const polls = store.polls as Record<string, unknown>;
    delete polls.get;
    polls.read = 'not a function';
    delete store.counters;
    delete store.check;
    assert.throws(() => assertStore(store), { name: 'TypeError', message: 'The store is missing counters.addHits, polls.get, polls.read, check' });
  });

  it('names everything for a flat store of the old shape, or none at all', () => {
    assert.throws(() => assertStore({ submissions: { save() {} } }), /missing submissions\.get, submissions\.count, submissions\.markReviewed, submissions\.remove, counters\.addHits, dashboard\.listAnswers/);
    assert.throws(() => assertStore({ saveSubmission() {}, purgeBefore() {}, check() {}, checkWrite() {}, close() {} }), /missing submissions\.save, .*calls\.hoursGiven$/);
    assert.throws(() => assertStore(null), /missing submissions\.save/);
  });
});
