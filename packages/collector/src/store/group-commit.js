// Group commit: writes that arrive in the same turn of the event loop share one transaction,
// so one disk sync covers many answers. Each caller still hears back only after the commit
// (and, with `durable`, after the commit is on disk).

/**
 * @template Item, Result
 * @param {(items: Item[]) => Result[]} commit  Writes the items in one transaction (synchronously),
 *   returning one result per item; throwing fails the whole batch.
 * @param {{ maxBatch?: number, durable?: () => Promise<void> }} [options]
 *   durable: resolves once every commit made before the call is on disk (see wal-sync.js).
 */
export function groupCommit(commit, { maxBatch = 500, durable } = {}) {
  /** @type {{ item: Item, resolve: (result: Result) => void, reject: (error: unknown) => void }[]} */
  let queue = [];
  let scheduled = false;

  const run = () => {
    scheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length) schedule();
    if (!batch.length) return;
    let results;
    try {
      results = commit(batch.map((entry) => entry.item));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    const answer = () => batch.forEach((entry, i) => entry.resolve(/** @type {Result} */ (results[i])));
    if (!durable) return answer();
    durable().then(answer, (error) => {
      for (const entry of batch) entry.reject(error);
    });
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests already read join this batch.
    setImmediate(run);
  };

  return {
    /** @param {Item} item  @returns {Promise<Result>} */
    write(item) {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Commits everything queued now (used when closing); its syncs are awaited by the caller. */
    drain() {
      while (queue.length) run();
    },
  };
}
