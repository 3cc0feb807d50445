// Rate-limit counters in SQLite, batched by rate-limit.js. They run in the writer thread, which
// makes every write on the path of an answer: on the event loop, each counters write waited for
// the write lock while the writer thread committed, and SQLite waits by sleeping (1–8 ms, ten
// times a second, with the event loop stopped: bench/ingest).
//
// Their own connection skips the disk sync (a counter lost in a crash is harmless) and never
// checkpoints: only connections that sync do, so the database file is synced whenever the WAL
// is recycled.
import { connect } from './sqlite-connection.js';
import type { HitsEntry } from './counter-store.js';

export type { HitsEntry } from './counter-store.js';

export function rateLimitCounters(file: string, busyTimeoutMs: number) {
  const counters = connect(file, busyTimeoutMs);
  counters.pragma('synchronous = OFF');
  counters.pragma('wal_autocheckpoint = 0');
  const addHits = counters.prepare(`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (@key, @now, @hits)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN window_start + @windowMs <= @now THEN @hits ELSE hits + @hits END,
      window_start = CASE WHEN window_start + @windowMs <= @now THEN @now ELSE window_start END
    RETURNING hits, window_start AS windowStart`);
  const addHitsBatch = counters.transaction((entries: HitsEntry[], now: number) =>
    entries.map((entry) => {
      const row = addHits.get({ ...entry, now }) as { hits: number, windowStart: number };
      return { hits: row.hits, resetAt: row.windowStart + entry.windowMs };
    }),
  );
  return {
    /** Adds each key's hits in one transaction; each key's total in its window. */
    addHits: (entries: HitsEntry[], now: number) => addHitsBatch.immediate(entries, now),
    close: () => counters.close(),
  };
}
