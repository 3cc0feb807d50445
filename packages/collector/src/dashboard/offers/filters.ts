// The offers pages' filters, read from the query string: which list, status, way to help,
// who arranges it (the council, or a partner organisation), area and time of the week. Way,
// area and time ids belong to a list, so one list is always chosen (the first, unless named).
// An unknown value falls back to "any": a filter is never an error.
import { partnerOf } from '@tandem/core/protocol.js';
import { OFFER_STATUSES } from '../../store/pledge-store.js';
import { areaIds, SLOTS } from './words.js';
import type { OfferFilter, OfferStatus, PledgeList } from '../../store/store.js';

/** "Who arranges it" for ways the council arranges itself, rather than a partner. */
export const COUNCIL = 'council';

const first = (value: unknown): string => (Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value.trim() : '');
const oneOf = <T extends string>(value: string, allowed: readonly T[]) => (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The partner organisations a list's ways go to, by their English names. */
export const partnersOf = (list: PledgeList) => [...new Set(list.ways.flatMap((way) => partnerOf(way)?.name.en ?? []))];

export type OfferFilterValues = { list: string, status: string, way: string, partner: string, area: string, slot: string };

export function parseOfferFilters(query: Record<string, unknown>, lists: PledgeList[]) {
  const list = lists.find((l) => l.id === first(query.list)) ?? lists[0];
  const asked = first(query.status);
  // Current offers unless staff ask for another status, or for every status ("all").
  const status: OfferStatus | 'current' | undefined = asked === 'all' ? undefined : (oneOf(asked, OFFER_STATUSES) ?? 'current');
  const way = list ? oneOf(first(query.way), list.ways.map((w) => w.id)) : undefined;
  const partner = list ? oneOf(first(query.partner), [COUNCIL, ...partnersOf(list)]) : undefined;
  const area = list ? oneOf(first(query.area), areaIds(list)) : undefined;
  const slot = oneOf(first(query.slot), SLOTS);
  const page = Math.max(1, Math.min(100000, Number.parseInt(first(query.p), 10) || 1));

  // A way and a partner together take the way only if that partner arranges it.
  const partnerWays = list && partner ? list.ways.filter((w) => (partnerOf(w)?.name.en ?? COUNCIL) === partner).map((w) => w.id) : undefined;
  const ways = way ? (partnerWays && !partnerWays.includes(way) ? [] : [way]) : partnerWays;
  const filter: OfferFilter = {
    ...(list ? { listId: list.id } : {}),
    ...(status ? { status } : {}),
    ...(ways ? { ways } : {}),
    ...(area ? { area } : {}),
    ...(slot ? { slot } : {}),
  };
  const values: OfferFilterValues = { list: list?.id ?? '', status: status === 'current' ? '' : (status ?? 'all'), way: way ?? '', partner: partner ?? '', area: area ?? '', slot: slot ?? '' };
  return { list, filter, values, page };
}
