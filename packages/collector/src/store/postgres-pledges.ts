// The pledges part of the PostgreSQL store: ways to help lists, and offers of help read and
// moved on by staff and withdrawn by residents. An offer's insert is in postgres-submissions.ts,
// in its answer's transaction; the purge of contact details past retention, in purgeBefore's.
import { inTransaction } from './postgres-connection.js';
import { OFFER_COLUMNS, offerValues, SUMMARY_COLUMNS, toOfferRecord, toOfferSummary, toPledgeList, type OfferRow } from './pledge-rows.js';
import { CURRENT_STATUSES } from './pledge-store.js';
import type { OfferFilter, PledgeStore, SubmissionRecord } from './store.js';
import type { Pool, PoolClient } from 'pg';

/** The WHERE clause of a filter, its parameters numbered from $1. */
function matching(filter: OfferFilter) {
  const params = [filter.site ?? null, filter.listId ?? null, filter.status ?? null, [...CURRENT_STATUSES], filter.ways ?? null, filter.area ?? null, filter.slot ?? null, filter.receivedBefore ?? null];
  const where = `($1::text IS NULL OR o.site = $1) AND ($2::text IS NULL OR o.list_id = $2)
    AND ($3::text IS NULL OR o.status = $3 OR ($3 = 'current' AND o.status = ANY($4::text[])))
    AND ($5::text[] IS NULL OR o.ways::jsonb ?| $5) AND ($6::text IS NULL OR o.areas::jsonb ? $6) AND ($7::text IS NULL OR o.slots::jsonb ? $7)
    AND ($8::bigint IS NULL OR o.created_at < $8)`;
  return { where, params };
}

/** Offers counted by the values of one or two of their JSON lists (an offer names each value once). */
const countedBy = (lists: string[], where: string) => `SELECT ${lists.map((_, i) => `j${i}`).join(', ')}, count(*)::int AS offers
  FROM pledge_offers o ${lists.map((list, i) => `CROSS JOIN LATERAL jsonb_array_elements_text(o.${list}::jsonb) j${i}`).join(' ')}
  WHERE ${where} GROUP BY ${lists.map((_, i) => i + 1).join(', ')}`;

export function postgresPledges(pool: Pool): PledgeStore & { forgetContactsBefore: (client: PoolClient, before: number) => Promise<void> } {
  return {
    syncFiles: (lists, now) =>
      inTransaction(pool, async (client) => {
        for (const list of lists) {
          await client.query(`INSERT INTO pledge_lists (id, site, definition, source, updated_at) VALUES ($1, $2, $3, 'file', $4)
            ON CONFLICT (id) DO UPDATE SET site = excluded.site, definition = excluded.definition, source = 'file',
              updated_at = CASE WHEN pledge_lists.definition = excluded.definition THEN pledge_lists.updated_at ELSE excluded.updated_at END`,
          [list.id, list.site, JSON.stringify(list), now]);
        }
        await client.query(`UPDATE pledge_lists SET source = 'dashboard' WHERE source = 'file' AND id <> ALL($1::text[])`, [lists.map((list) => list.id)]);
      }),
    getList: async (id) => {
      const { rows: [row] } = await pool.query<{ definition: string }>('SELECT definition FROM pledge_lists WHERE id = $1', [id]);
      return row ? toPledgeList(row) : undefined;
    },
    listLists: async (site) =>
      (await pool.query<{ definition: string }>('SELECT definition FROM pledge_lists WHERE ($1::text IS NULL OR site = $1) ORDER BY id', [site ?? null])).rows.map(toPledgeList),
    getOffer: async (id) => {
      const { rows: [row] } = await pool.query<OfferRow>('SELECT * FROM pledge_offers WHERE id = $1', [id]);
      return row ? toOfferRecord(row) : undefined;
    },
    listOffers: (filter, page) =>
      inTransaction(pool, async (client) => {
        const { where, params } = matching(filter);
        const { rows } = await client.query(`SELECT ${SUMMARY_COLUMNS} FROM pledge_offers o WHERE ${where}
          ORDER BY created_at DESC, id DESC LIMIT $9 OFFSET $10`, [...params, page.limit, page.offset]);
        const { rows: [counted] } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM pledge_offers o WHERE ${where}`, params);
        return { rows: rows.map(toOfferSummary), total: counted?.n ?? 0 };
      }),
    countOffers: (filter) =>
      inTransaction(pool, async (client) => {
        const { where, params } = matching(filter);
        const counted = (lists: string[]) => client.query({ text: countedBy(lists, where), values: params, rowMode: 'array' }).then(({ rows }) => rows as [string, ...unknown[]][]);
        const [byWay, byWayAndArea, byWayAndSlot] = [await counted(['ways']), await counted(['ways', 'areas']), await counted(['ways', 'slots'])];
        return {
          byWay: byWay.map(([way, offers]) => ({ way, offers: Number(offers) })),
          byWayAndArea: byWayAndArea.map(([way, area, offers]) => ({ way, area: String(area), offers: Number(offers) })),
          byWayAndSlot: byWayAndSlot.map(([way, slot, offers]) => ({ way, slot: String(slot), offers: Number(offers) })),
        };
      }),
    sealedContacts: async (ids) =>
      new Map((await pool.query<[string, string]>({ text: 'SELECT id, contact FROM pledge_offers WHERE contact IS NOT NULL AND id = ANY($1::text[])', values: [ids], rowMode: 'array' })).rows),
    setOfferStatus: async (id, change) =>
      (await pool.query(`UPDATE pledge_offers SET status = $2, notes = coalesce($3, notes), status_changed_by = $4, status_changed_at = $5,
        last_activity_at = greatest(last_activity_at, $5) WHERE id = $1 AND status <> 'withdrawn'`,
      [id, change.status, change.notes ?? null, change.by, change.at])).rowCount === 1,
    withdraw: async (reference, at) =>
      ((await pool.query(`UPDATE pledge_offers SET contact = NULL, status = 'withdrawn', status_changed_by = NULL, status_changed_at = $2,
        last_activity_at = greatest(last_activity_at, $2) WHERE reference = $1 AND contact IS NOT NULL`, [reference, at])).rowCount ?? 0) > 0,
    /** Past retention, an offer keeps what was offered, not who offered it. */
    async forgetContactsBefore(client, before) {
      await client.query('UPDATE pledge_offers SET contact = NULL WHERE contact IS NOT NULL AND last_activity_at < $1', [before]);
    },
  };
}

const INSERT_OFFER = `INSERT INTO pledge_offers (${OFFER_COLUMNS.join(', ')}) VALUES (${OFFER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/** The offer's insert, made in its answer's transaction. Quarantined offers keep no contact details. */
export async function insertOffer(client: PoolClient, record: SubmissionRecord) {
  if (record.offer && !record.quarantine) await client.query(INSERT_OFFER, offerValues({ ...record, offer: record.offer }));
}
