// The calls tables as both stores lay them out, and their rows as CallForHelp and Ask objects.
// PostgreSQL gives bigint columns as text, so times pass through Number.
import type { Ask, AskAnswer, CallForHelp, CallStatus } from './call-store.js';

export type CallRow = {
  id: string; list_id: string; site: string; way_id: string; area: string; slot: string; starts_at: number | string; ends_at: number | string | null;
  people_needed: number; details: string; status: CallStatus; created_by: string; created_at: number | string;
};
export type AskRow = { call_id: string; offer_id: string; asked_at: number | string; asked_by: string; answer: AskAnswer; hours: number | null };

export const toCall = (row: CallRow): CallForHelp => ({
  id: row.id,
  listId: row.list_id,
  site: row.site,
  wayId: row.way_id,
  area: row.area,
  slot: row.slot,
  startsAt: Number(row.starts_at),
  endsAt: row.ends_at === null ? null : Number(row.ends_at),
  peopleNeeded: row.people_needed,
  details: row.details,
  status: row.status,
  createdBy: row.created_by,
  createdAt: Number(row.created_at),
});

export const toAsk = (row: AskRow): Ask => ({ offerId: row.offer_id, askedAt: Number(row.asked_at), askedBy: row.asked_by, answer: row.answer, hours: row.hours });
