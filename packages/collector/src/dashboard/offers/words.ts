// Staff's words for what an offer holds: its statuses, times of the week, how often, age, and
// the names of a list's ways and areas. One place, shared by the pages and the CSV.
import { DAY_PARTS, FROM_HOME, NOW_AND_THEN, partnerOf, WEEK_PARTS, WHEN_SLOTS } from '@tandem/core/protocol.js';
import type { OfferStatus, PledgeList } from '../../store/store.js';

export const STATUS_LABELS: Record<OfferStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  active: 'Active',
  thanked: 'Thanked',
  withdrawn: 'Withdrawn by the resident',
  'not-suitable': 'Not suitable',
};

/** What each status means, as the offer's page explains it beside the choice. */
export const STATUS_HINTS: Record<Exclude<OfferStatus, 'withdrawn'>, string> = {
  new: 'Nobody has been in touch yet.',
  contacted: 'Someone has been in touch, or tried to.',
  active: 'They are helping now.',
  thanked: 'They have helped and been thanked.',
  'not-suitable': 'None of the ways to help fits now. Say why in the notes.',
};

const capitalised = (text: string) => text[0]?.toUpperCase() + text.slice(1);

/** "Weekday mornings", "Weekend evenings", "Now and then". */
export const SLOT_LABELS: Record<string, string> = {
  ...Object.fromEntries(WHEN_SLOTS.map((slot) => {
    const [week, day] = slot.split('-') as [(typeof WEEK_PARTS)[number], (typeof DAY_PARTS)[number]];
    return [slot, `${capitalised(week.replace(/s$/, ''))} ${day}`];
  })),
  [NOW_AND_THEN]: 'Now and then',
};

/** Every time of the week, in the form's order, and "now and then" last. */
export const SLOTS: string[] = [...WHEN_SLOTS, NOW_AND_THEN];

export const OFTEN_LABELS: Record<string, string> = { once: 'Once, or for one event', monthly: 'About once a month', weekly: 'About once a week', more: 'More than once a week' };

export const AGE_LABELS: Record<string, string> = { adult: '18 or over', young: '16 or 17: guardian to confirm' };

/** A list's area by id, "From home" for home, or the id itself for an area the list no longer has. */
export const areaName = (list: PledgeList | undefined, id: string) =>
  id === FROM_HOME ? 'From home' : (list?.areas.find((area) => area.id === id)?.name.en ?? id);

/** A list's way to help by id, or the id itself for one the list no longer has. */
export const wayTitle = (list: PledgeList | undefined, id: string) => list?.ways.find((way) => way.id === id)?.title.en ?? id;

/** The areas an offer can name on this list: its own, then from home. */
export const areaIds = (list: PledgeList) => [...list.areas.map((area) => area.id), FROM_HOME];

/** What each risk tier asks of a resident, as staff chose it for the task. */
export const TIER_LABELS: Record<number, string> = {
  1: 'Tier 1: from home or by phone',
  2: 'Tier 2: outdoors or on the doorstep, in public',
  3: 'Tier 3: in a supervised group',
  4: 'Tier 4: may involve personal care, children or adults who need support',
};

/** The partners that arrange an offer's ways, or "The council". */
export function arrangedBy(list: PledgeList | undefined, ways: string[]) {
  const partners = new Set(ways.flatMap((id) => {
    const way = list?.ways.find((w) => w.id === id);
    const partner = way && partnerOf(way);
    return partner ? [partner.name.en] : [];
  }));
  return partners.size ? [...partners].join(', ') : 'The council';
}
