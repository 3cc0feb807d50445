// Calls for help in PostgreSQL: the calls, who was asked, and the fair order of the offers that
// fit (call-store.ts). Asking runs in one transaction that locks the offers it asks, so two
// collectors (or two tabs) asking at once cannot ask one person past the cap.
import { inTransaction } from './postgres-connection.js';
import { CURRENT_STATUSES } from './pledge-store.js';
import { SUMMARY_COLUMNS, toOfferSummary } from './pledge-rows.js';
import { toAsk, toCall, type AskRow, type CallRow } from './call-rows.js';
import type { CallForHelp, CallStore, Fairness } from './call-store.js';
import type { Pool } from 'pg';

/** Offers that fit the call's way, area and time; current, reachable, not asked for it, under the cap ($1–$8). */
const FITTING = `o.list_id = $1 AND o.contact IS NOT NULL AND o.status = ANY($2::text[])
  AND o.ways::jsonb ? $3 AND o.areas::jsonb ? $4 AND o.slots::jsonb ?| ARRAY[$5, 'now-and-then']
  AND NOT EXISTS (SELECT 1 FROM pledge_asks a WHERE a.call_id = $6 AND a.offer_id = o.id)
  AND (SELECT count(*) FROM pledge_asks a WHERE a.offer_id = o.id AND a.asked_at >= $7) < $8`;

const fitting = (call: CallForHelp, fairness: Fairness) => [call.listId, [...CURRENT_STATUSES], call.wayId, call.area, call.slot, call.id, fairness.since, fairness.cap];

export function postgresCalls(pool: Pool): CallStore {
  return {
    create: async (call) => {
      await pool.query(`INSERT INTO pledge_calls (id, list_id, site, way_id, area, slot, starts_at, ends_at, people_needed, details, status, created_by, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [call.id, call.listId, call.site, call.wayId, call.area, call.slot, call.startsAt, call.endsAt, call.peopleNeeded, call.details, call.status, call.createdBy, call.createdAt]);
    },
    get: async (id) => {
      const { rows: [row] } = await pool.query<CallRow>('SELECT * FROM pledge_calls WHERE id = $1', [id]);
      return row ? toCall(row) : undefined;
    },
    list: async (filter) => {
      const { rows } = await pool.query<CallRow & { asked: number, yes: number, hours: number }>(`SELECT c.*, count(a.offer_id)::int AS asked,
          (count(a.offer_id) FILTER (WHERE a.answer = 'yes'))::int AS yes, coalesce(sum(a.hours), 0)::float8 AS hours
        FROM pledge_calls c LEFT JOIN pledge_asks a ON a.call_id = c.id
        WHERE ($1::text IS NULL OR c.list_id = $1) AND ($2::text IS NULL OR c.status = $2) GROUP BY c.id ORDER BY c.starts_at, c.id`,
      [filter.listId ?? null, filter.status ?? null]);
      return rows.map((row) => ({ ...toCall(row), asked: row.asked, yes: row.yes, hours: row.hours }));
    },
    asks: async (callId) => (await pool.query<AskRow>('SELECT * FROM pledge_asks WHERE call_id = $1 ORDER BY asked_at, offer_id', [callId])).rows.map(toAsk),
    candidates: async (call, fairness, limit) => {
      const { rows } = await pool.query(`SELECT ${SUMMARY_COLUMNS},
          (SELECT max(a.asked_at) FROM pledge_asks a WHERE a.offer_id = o.id) AS last_asked_at,
          (SELECT count(*)::int FROM pledge_asks a WHERE a.offer_id = o.id AND a.asked_at >= $7) AS asks_since
        FROM pledge_offers o WHERE ${FITTING}
        ORDER BY last_asked_at NULLS FIRST, o.created_at, o.id LIMIT $9`, [...fitting(call, fairness), limit]);
      return rows.map((row) => ({ ...toOfferSummary(row), lastAskedAt: row.last_asked_at === null ? null : Number(row.last_asked_at), asksSince: row.asks_since }));
    },
    ask: (call, offerIds, by, at, fairness) =>
      inTransaction(pool, async (client) => {
        // Each offer locked in id order (no deadlock between two askers), then checked and asked.
        await client.query('SELECT id FROM pledge_offers WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [offerIds]);
        const asked: string[] = [];
        for (const offer of offerIds) {
          const { rowCount } = await client.query(`INSERT INTO pledge_asks (call_id, offer_id, asked_at, asked_by)
            SELECT $6, o.id, $10, $11 FROM pledge_offers o WHERE o.id = $9 AND ${FITTING}`, [...fitting(call, fairness), offer, at, by]);
          if (!rowCount) continue;
          await client.query(`UPDATE pledge_offers SET status = CASE status WHEN 'new' THEN 'contacted' ELSE status END,
            last_activity_at = greatest(last_activity_at, $2) WHERE id = $1`, [offer, at]);
          asked.push(offer);
        }
        return asked;
      }),
    answer: async (callId, offerId, change) =>
      (await pool.query('UPDATE pledge_asks SET answer = $3, hours = $4 WHERE call_id = $1 AND offer_id = $2', [callId, offerId, change.answer, change.hours])).rowCount === 1,
    setStatus: async (callId, status) => (await pool.query('UPDATE pledge_calls SET status = $2 WHERE id = $1', [callId, status])).rowCount === 1,
    hoursGiven: async (filter) => {
      const { rows: [row] } = await pool.query<{ hours: number, people: number }>(`SELECT coalesce(sum(a.hours), 0)::float8 AS hours,
          (count(DISTINCT a.offer_id) FILTER (WHERE a.hours > 0))::int AS people
        FROM pledge_asks a JOIN pledge_calls c ON c.id = a.call_id WHERE ($1::text IS NULL OR c.list_id = $1)`, [filter.listId ?? null]);
      return { hours: row?.hours ?? 0, people: row?.people ?? 0 };
    },
  };
}
