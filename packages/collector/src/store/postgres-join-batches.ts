// Group commit, second stage, for PostgreSQL (what the writer thread does for SQLite): one
// transaction of answers at a time per process, and the batches that arrive while it commits
// are joined into the next. One at a time keeps each process's answers in the order they
// came (a retry never overtakes the answer it repeats), and joining keeps one COMMIT for many.

/** Answers in one transaction at most, so that none holds its locks for long. */
const MAX_JOINED = 5000;

export function joinBatches<Item, Result>(commit: (items: Item[]) => Promise<Result[]>) {
  let waiting: { items: Item[], resolve: (results: Result[]) => void, reject: (error: unknown) => void }[] = [];
  let running = false;

  const next = async () => {
    running = true;
    while (waiting.length) {
      const taken: typeof waiting = [];
      let count = 0;
      while (waiting.length && (count === 0 || count + (waiting[0]?.items.length ?? 0) <= MAX_JOINED)) {
        const batch = waiting.shift() as (typeof waiting)[number];
        taken.push(batch);
        count += batch.items.length;
      }
      try {
        const results = await commit(taken.flatMap((batch) => batch.items));
        let start = 0;
        for (const batch of taken) batch.resolve(results.slice(start, (start += batch.items.length)));
      } catch (error) {
        for (const batch of taken) batch.reject(error);
      }
    }
    running = false;
  };

  return (items: Item[]): Promise<Result[]> =>
    new Promise((resolve, reject) => {
      waiting.push({ items, resolve, reject });
      if (!running) void next();
    });
}
