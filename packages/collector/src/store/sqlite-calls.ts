// Calls for help in SQLite: the calls, who was asked, and the fair order of the offers that fit
// (call-store.ts). Synchronous; sqlite.ts makes them async and sends the writes to the writer
// thread.
import { CURRENT_STATUSES } from './pledge-store.js';
import { SUMMARY_COLUMNS, toOfferSummary } from './pledge-rows.js';
import { toAsk, toCall, type AskRow, type CallRow } from './call-rows.js';
import type { Candidate, CallForHelp, CallStatus, Fairness } from './call-store.js';
import type { Database } from 'better-sqlite3';

/** Offers that fit @call's way, area and time; current, reachable, not asked for it, under the cap. */
const FITTING = `o.list_id = @listId AND o.contact IS NOT NULL AND o.status IN (SELECT value FROM json_each(@current))
  AND EXISTS (SELECT 1 FROM json_each(o.ways) WHERE value = @way)
  AND EXISTS (SELECT 1 FROM json_each(o.areas) WHERE value = @area)
  AND EXISTS (SELECT 1 FROM json_each(o.slots) WHERE value IN (@slot, 'now-and-then'))
  AND NOT EXISTS (SELECT 1 FROM pledge_asks a WHERE a.call_id = @call AND a.offer_id = o.id)
  AND (SELECT count(*) FROM pledge_asks a WHERE a.offer_id = o.id AND a.asked_at >= @since) < @cap`;

const fitting = (call: CallForHelp, fairness: Fairness) => ({
  listId: call.listId, current: JSON.stringify(CURRENT_STATUSES), way: call.wayId, area: call.area, slot: call.slot, call: call.id, since: fairness.since, cap: fairness.cap,
});

export function callQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO pledge_calls (id, list_id, site, way_id, area, slot, starts_at, ends_at, people_needed, details, status, created_by, created_at)
    VALUES (@id, @listId, @site, @wayId, @area, @slot, @startsAt, @endsAt, @peopleNeeded, @details, @status, @createdBy, @createdAt)`);
  const select = db.prepare('SELECT * FROM pledge_calls WHERE id = ?');
  const all = db.prepare(`SELECT c.*, count(a.offer_id) AS asked, count(a.offer_id) FILTER (WHERE a.answer = 'yes') AS yes, coalesce(sum(a.hours), 0) AS hours
    FROM pledge_calls c LEFT JOIN pledge_asks a ON a.call_id = c.id
    WHERE (@listId IS NULL OR c.list_id = @listId) AND (@status IS NULL OR c.status = @status) GROUP BY c.id ORDER BY c.starts_at, c.id`);
  const asks = db.prepare('SELECT * FROM pledge_asks WHERE call_id = ? ORDER BY asked_at, offer_id');
  const candidates = db.prepare(`SELECT ${SUMMARY_COLUMNS},
      (SELECT max(a.asked_at) FROM pledge_asks a WHERE a.offer_id = o.id) AS last_asked_at,
      (SELECT count(*) FROM pledge_asks a WHERE a.offer_id = o.id AND a.asked_at >= @since) AS asks_since
    FROM pledge_offers o WHERE ${FITTING}
    ORDER BY last_asked_at IS NOT NULL, last_asked_at, o.created_at, o.id LIMIT @limit`);
  const askOne = db.prepare(`INSERT INTO pledge_asks (call_id, offer_id, asked_at, asked_by)
    SELECT @call, o.id, @at, @by FROM pledge_offers o WHERE o.id = @offer AND ${FITTING}`);
  const contacted = db.prepare(`UPDATE pledge_offers SET status = CASE status WHEN 'new' THEN 'contacted' ELSE status END,
    last_activity_at = max(last_activity_at, @at) WHERE id = @offer`);
  const answer = db.prepare('UPDATE pledge_asks SET answer = @answer, hours = @hours WHERE call_id = @call AND offer_id = @offer');
  const setStatus = db.prepare('UPDATE pledge_calls SET status = ? WHERE id = ?');
  const hoursGiven = db.prepare(`SELECT coalesce(sum(a.hours), 0) AS hours, count(DISTINCT a.offer_id) FILTER (WHERE a.hours > 0) AS people
    FROM pledge_asks a JOIN pledge_calls c ON c.id = a.call_id WHERE (@listId IS NULL OR c.list_id = @listId)`);

  return {
    createCall: (call: CallForHelp) => void insert.run(call),
    getCall: (id: string) => {
      const row = select.get(id) as CallRow | undefined;
      return row ? toCall(row) : undefined;
    },
    listCalls: (filter: { listId?: string, status?: CallStatus }) =>
      (all.all({ listId: filter.listId ?? null, status: filter.status ?? null }) as (CallRow & { asked: number, yes: number, hours: number })[])
        .map((row) => ({ ...toCall(row), asked: row.asked, yes: row.yes, hours: row.hours })),
    asks: (callId: string) => (asks.all(callId) as AskRow[]).map(toAsk),
    candidates: (call: CallForHelp, fairness: Fairness, limit: number): Candidate[] =>
      (candidates.all({ ...fitting(call, fairness), limit }) as (Parameters<typeof toOfferSummary>[0] & { last_asked_at: number | null, asks_since: number })[])
        .map((row) => ({ ...toOfferSummary(row), lastAskedAt: row.last_asked_at, asksSince: row.asks_since })),
    ask: db.transaction((call: CallForHelp, offerIds: string[], by: string, at: number, fairness: Fairness) =>
      offerIds.filter((offer) => {
        if (askOne.run({ ...fitting(call, fairness), offer, at, by }).changes === 0) return false;
        contacted.run({ offer, at });
        return true;
      })),
    answerAsk: (callId: string, offerId: string, change: { answer: string, hours: number | null }) =>
      answer.run({ call: callId, offer: offerId, answer: change.answer, hours: change.hours }).changes === 1,
    setCallStatus: (callId: string, status: CallStatus) => setStatus.run(status, callId).changes === 1,
    hoursGiven: (filter: { listId?: string }) => hoursGiven.get({ listId: filter.listId ?? null }) as { hours: number, people: number },
  };
}
