// The pledges' SQL for the SQLite store: ways to help lists, and offers of help read by staff,
// moved on by staff and withdrawn by residents. Synchronous; sqlite.ts makes them async and
// sends the writes to the writer thread. An offer's insert is in sqlite-submission-writes.ts,
// in its answer's transaction.
import { OFFER_COLUMNS, offerValues, SUMMARY_COLUMNS, toOfferRecord, toOfferSummary, toPledgeList, type OfferRow } from './pledge-rows.js';
import { CURRENT_STATUSES } from './pledge-store.js';
import type { OfferFilter, OfferStatus, PledgeList, SubmissionRecord } from './store.js';
import type { Database } from 'better-sqlite3';

const MATCHING = `(@site IS NULL OR o.site = @site) AND (@listId IS NULL OR o.list_id = @listId)
  AND (@status IS NULL OR o.status = @status OR (@status = 'current' AND o.status IN (SELECT value FROM json_each(@current))))
  AND (@ways IS NULL OR EXISTS (SELECT 1 FROM json_each(o.ways) WHERE value IN (SELECT value FROM json_each(@ways))))
  AND (@area IS NULL OR EXISTS (SELECT 1 FROM json_each(o.areas) WHERE value = @area))
  AND (@slot IS NULL OR EXISTS (SELECT 1 FROM json_each(o.slots) WHERE value = @slot))
  AND (@before IS NULL OR o.created_at < @before)`;

const filterParams = (filter: OfferFilter) => ({
  site: filter.site ?? null, listId: filter.listId ?? null, status: filter.status ?? null, current: JSON.stringify(CURRENT_STATUSES),
  ways: filter.ways ? JSON.stringify(filter.ways) : null, area: filter.area ?? null, slot: filter.slot ?? null, before: filter.receivedBefore ?? null,
});

/** Offers counted by the values of one or two of their JSON lists (an offer names each value once). */
const countedBy = (lists: string[]) => `SELECT ${lists.map((_, i) => `j${i}.value`).join(', ')}, count(*) AS offers
  FROM pledge_offers o, ${lists.map((list, i) => `json_each(o.${list}) j${i}`).join(', ')} WHERE ${MATCHING} GROUP BY ${lists.map((_, i) => i + 1).join(', ')}`;

export function pledgeQueries(db: Database) {
  const upsertFileList = db.prepare(`INSERT INTO pledge_lists (id, site, definition, source, updated_at) VALUES (@id, @site, @definition, 'file', @now)
    ON CONFLICT (id) DO UPDATE SET site = excluded.site, definition = excluded.definition, source = 'file',
      updated_at = CASE WHEN pledge_lists.definition = excluded.definition THEN pledge_lists.updated_at ELSE excluded.updated_at END`);
  const releaseFileLists = db.prepare(`UPDATE pledge_lists SET source = 'dashboard' WHERE source = 'file' AND id NOT IN (SELECT value FROM json_each(?))`);
  const selectList = db.prepare('SELECT definition FROM pledge_lists WHERE id = ?');
  const allLists = db.prepare('SELECT definition FROM pledge_lists WHERE (@site IS NULL OR site = @site) ORDER BY id');

  const selectOffer = db.prepare('SELECT * FROM pledge_offers WHERE id = ?');
  const offersPage = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM pledge_offers o WHERE ${MATCHING} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`);
  const countOffers = db.prepare(`SELECT count(*) FROM pledge_offers o WHERE ${MATCHING}`).pluck();
  const byWay = db.prepare(countedBy(['ways'])).raw();
  const byWayAndArea = db.prepare(countedBy(['ways', 'areas'])).raw();
  const byWayAndSlot = db.prepare(countedBy(['ways', 'slots'])).raw();
  const sealedContacts = db.prepare('SELECT id, contact FROM pledge_offers WHERE contact IS NOT NULL AND id IN (SELECT value FROM json_each(?))').raw();
  const setStatus = db.prepare(`UPDATE pledge_offers SET status = @status, notes = coalesce(@notes, notes), status_changed_by = @by, status_changed_at = @at,
    last_activity_at = max(last_activity_at, @at) WHERE id = @id AND status <> 'withdrawn'`);
  const withdraw = db.prepare(`UPDATE pledge_offers SET contact = NULL, status = 'withdrawn', status_changed_by = NULL, status_changed_at = @at,
    last_activity_at = max(last_activity_at, @at) WHERE reference = @reference AND contact IS NOT NULL`);
  const forgetContactsBefore = db.prepare('UPDATE pledge_offers SET contact = NULL WHERE contact IS NOT NULL AND last_activity_at < ?');

  return {
    syncFileLists: db.transaction((lists: PledgeList[], now: number) => {
      for (const list of lists) upsertFileList.run({ id: list.id, site: list.site, definition: JSON.stringify(list), now });
      releaseFileLists.run(JSON.stringify(lists.map((list) => list.id)));
    }),
    getList: (id: string) => {
      const row = selectList.get(id) as { definition: string } | undefined;
      return row ? toPledgeList(row) : undefined;
    },
    listLists: (site?: string) => allLists.all({ site: site ?? null }).map((row) => toPledgeList(row as { definition: string })),
    getOffer: (id: string) => {
      const row = selectOffer.get(id) as OfferRow | undefined;
      return row ? toOfferRecord(row) : undefined;
    },
    listOffers: db.transaction((filter: OfferFilter, page: { limit: number, offset: number }) => ({
      rows: offersPage.all({ ...filterParams(filter), ...page }).map((row) => toOfferSummary(row as Parameters<typeof toOfferSummary>[0])),
      total: countOffers.get(filterParams(filter)) as number,
    })),
    countOffers: db.transaction((filter: OfferFilter) => {
      const params = filterParams(filter);
      return {
        byWay: (byWay.all(params) as [string, number][]).map(([way, offers]) => ({ way, offers })),
        byWayAndArea: (byWayAndArea.all(params) as [string, string, number][]).map(([way, area, offers]) => ({ way, area, offers })),
        byWayAndSlot: (byWayAndSlot.all(params) as [string, string, number][]).map(([way, slot, offers]) => ({ way, slot, offers })),
      };
    }),
    sealedContacts: (ids: string[]) => new Map(sealedContacts.all(JSON.stringify(ids)) as [string, string][]),
    setOfferStatus: (id: string, change: { status: Exclude<OfferStatus, 'withdrawn'>, notes?: string, by: string, at: number }) =>
      setStatus.run({ id, status: change.status, notes: change.notes ?? null, by: change.by, at: change.at }).changes === 1,
    withdrawOffer: (reference: string, at: number) => withdraw.run({ reference, at }).changes > 0,
    /** Past retention, an offer keeps what was offered, not who offered it. */
    forgetContactsBefore: (before: number) => forgetContactsBefore.run(before).changes,
  };
}

/** The offer's insert, made in its answer's transaction (sqlite-submission-writes.ts). */
export function offerInsert(db: Database) {
  const insert = db.prepare(`INSERT INTO pledge_offers (${OFFER_COLUMNS.join(', ')}) VALUES (${OFFER_COLUMNS.map(() => '?').join(', ')})`);
  return (record: SubmissionRecord) => {
    if (record.offer && !record.quarantine) insert.run(offerValues({ ...record, offer: record.offer }));
  };
}
