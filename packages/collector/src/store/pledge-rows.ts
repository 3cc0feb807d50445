// The pledges tables as both stores lay them out (SQLite and PostgreSQL use the same columns):
// the offer's columns in the order both insert them, and their rows as OfferSummary and
// OfferRecord objects. PostgreSQL gives bigint columns as text, so times pass through Number.
import type { OfferRecord, OfferStatus, OfferSummary, PledgeList, SubmissionRecord } from './store.js';

/** The columns an offer is inserted with, in order. */
export const OFFER_COLUMNS = ['id', 'list_id', 'site', 'reference', 'ways', 'areas', 'slots', 'often', 'age', 'note', 'prefer', 'contact', 'created_at', 'last_activity_at'] as const;

/** The values of OFFER_COLUMNS for an answer that carries an offer. */
export function offerValues(record: SubmissionRecord & { offer: NonNullable<SubmissionRecord['offer']> }) {
  const { offer } = record;
  return [
    record.id, offer.listId, record.site, offer.reference, JSON.stringify(offer.ways), JSON.stringify(offer.areas), JSON.stringify(offer.when),
    offer.often, offer.age, offer.note, offer.prefer, offer.sealedContact, record.receivedAt, record.receivedAt,
  ];
}

export type OfferRow = {
  id: string; list_id: string; site: string; reference: string; ways: string; areas: string; slots: string; often: string; age: 'adult' | 'young';
  note: string; prefer: 'email' | 'phone'; contact: string | null; status: OfferStatus; notes: string;
  created_at: number | string; last_activity_at: number | string; status_changed_by: string | null; status_changed_at: number | string | null;
};

/** The columns lists read: everything but the sealed contact, and whether there is one. */
export const SUMMARY_COLUMNS = 'id, list_id, site, reference, ways, areas, slots, often, age, note, prefer, status, created_at, last_activity_at, (contact IS NOT NULL) AS has_contact';

export const toOfferSummary = (row: Omit<OfferRow, 'contact' | 'notes' | 'status_changed_by' | 'status_changed_at'> & { has_contact: number | boolean }): OfferSummary => ({
  id: row.id,
  listId: row.list_id,
  site: row.site,
  reference: row.reference,
  ways: JSON.parse(row.ways),
  areas: JSON.parse(row.areas),
  when: JSON.parse(row.slots),
  often: row.often,
  age: row.age,
  note: row.note,
  prefer: row.prefer,
  status: row.status,
  hasContact: Boolean(row.has_contact),
  createdAt: Number(row.created_at),
  lastActivityAt: Number(row.last_activity_at),
});

export const toOfferRecord = (row: OfferRow): OfferRecord => ({
  ...toOfferSummary({ ...row, has_contact: row.contact !== null }),
  sealedContact: row.contact,
  notes: row.notes,
  statusChangedBy: row.status_changed_by,
  statusChangedAt: row.status_changed_at === null ? null : Number(row.status_changed_at),
});

export const toPledgeList = (row: { definition: string }): PledgeList => JSON.parse(row.definition);
