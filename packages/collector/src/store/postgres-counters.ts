// Rate-limit counters in PostgreSQL: each call's keys in one transaction, the row lock on each
// key making concurrent calls (from any process) add up, each seeing its own total.
import { inTransaction, isRetryable } from './postgres-connection.js';
import type { CounterStore, HitsEntry, RateLimitHit } from './counter-store.js';
import type { Pool } from 'pg';

const ADD_HITS = `INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN rate_limits.window_start + $4 <= $2 THEN $3 ELSE rate_limits.hits + $3 END,
    window_start = CASE WHEN rate_limits.window_start + $4 <= $2 THEN $2 ELSE rate_limits.window_start END
  RETURNING hits, window_start`;

export function postgresCounters(pool: Pool): CounterStore {
  const addHits = (entries: HitsEntry[], now: number) =>
    inTransaction(pool, async (client) => {
      const totals: RateLimitHit[] = new Array(entries.length);
      // Keys locked in one order by every call, so two calls never wait on each other in a circle.
      const order = entries.map((_, i) => i).sort((a, b) => ((entries[a]?.key ?? '') < (entries[b]?.key ?? '') ? -1 : 1));
      for (const i of order) {
        const entry = entries[i] as HitsEntry;
        const { rows } = await client.query<{ hits: number, window_start: number }>(ADD_HITS, [entry.key, now, entry.hits, entry.windowMs]);
        const row = rows[0] as { hits: number, window_start: number };
        totals[i] = { hits: row.hits, resetAt: row.window_start + entry.windowMs };
      }
      return totals;
    });
  return {
    async addHits(entries, now) {
      if (!entries.length) return [];
      try {
        return await addHits(entries, now);
      } catch (error) {
        // Counters are shared with other processes; one undone by the database is tried once more.
        if (!isRetryable(error)) throw error;
        return addHits(entries, now);
      }
    },
  };
}
