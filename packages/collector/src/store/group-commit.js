// Group commit: answers that arrive while a batch is being committed wait, then go together in
// the next batch, so one transaction and one disk sync cover many answers when the collector is
// busy, and a quiet collector commits each answer as soon as its turn of the event loop ends.
// Each caller hears back only after the batch holding its item has committed.

/**
 * @template Item, Result
 * @param {(items: Item[]) => Promise<Result[]>} commit  Writes the items in one transaction,
 *   resolving with one result per item; a rejection fails the whole batch.
 * @param {{ maxBatch?: number }} [options]
 */
export function groupCommit(commit, { maxBatch = 500 } = {}) {
  /** @type {{ item: Item, resolve: (result: Result) => void, reject: (error: unknown) => void }[]} */
  let queue = [];
  /** @type {Promise<void> | null} */
  let inFlight = null;
  let scheduled = false;

  const next = () => {
    scheduled = false;
    if (inFlight || !queue.length) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    inFlight = commit(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, i) => entry.resolve(/** @type {Result} */ (results[i]))),
      (error) => batch.forEach((entry) => entry.reject(error)),
    );
    inFlight.finally(() => {
      inFlight = null;
      next();
    });
  };

  return {
    /** @param {Item} item  @returns {Promise<Result>} */
    write(item) {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (inFlight || scheduled) return;
        scheduled = true;
        // setImmediate runs after pending I/O callbacks, so requests already read join this batch.
        setImmediate(next);
      });
    },
    /** Resolves once everything queued so far has been committed (used when closing). */
    async drain() {
      while (inFlight || queue.length) {
        next();
        await inFlight;
      }
    },
  };
}
