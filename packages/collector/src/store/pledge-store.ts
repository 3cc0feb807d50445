// The pledges part of the store: "ways to help" lists, and the offers of help residents make
// from them. An offer arrives through the submissions part (record.offer), in the same
// transaction as its answer; its contact details come already sealed (pledges/contact-sealing.ts),
// so the store never holds them in clear and cannot open them.
import type { PledgeList } from '../pledges/definition.js';

export type { PledgeList };

/** Where an offer is: new → contacted → active → thanked, or withdrawn (by the resident) / not suitable. */
export const OFFER_STATUSES = ['new', 'contacted', 'active', 'thanked', 'withdrawn', 'not-suitable'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** What an offer of help does, as the route checked it: its choices, and its contact sealed to its id. */
export type OfferAction = {
  listId: string;
  /** Its reference (protocol/reference.ts): how the resident withdraws it. */
  reference: string;
  ways: string[];
  areas: string[];
  when: string[];
  often: string;
  age: 'adult' | 'young';
  /** The resident's own words, redacted. */
  note: string;
  prefer: 'email' | 'phone';
  /** The contact details as JSON, sealed with the collector's contact key and bound to the offer's id. */
  sealedContact: string;
};

/** An offer as lists show it: no contact details, not even sealed ones. */
export type OfferSummary = Omit<OfferAction, 'sealedContact'> & {
  id: string;
  site: string;
  status: OfferStatus;
  /** Whether its contact details are still kept (not once withdrawn or past retention). */
  hasContact: boolean;
  createdAt: number;
  lastActivityAt: number;
};

/** An offer with everything kept about it, for its own page. */
export type OfferRecord = OfferSummary & {
  /** null once withdrawn or past retention. */
  sealedContact: string | null;
  /** Staff's notes. */
  notes: string;
  statusChangedBy: string | null;
  statusChangedAt: number | null;
};

/** Offers still in play: not withdrawn by the resident, nor found not suitable. */
export const CURRENT_STATUSES: readonly OfferStatus[] = ['new', 'contacted', 'active', 'thanked'];

/**
 * Which offers a list or a count takes. Every field optional. `ways` takes offers of any of
 * them (a partner's ways, say); `status: 'current'` those in CURRENT_STATUSES; `receivedBefore`
 * holds an export's pages still while offers arrive.
 */
export type OfferFilter = { site?: string, listId?: string, status?: OfferStatus | 'current', ways?: string[], area?: string, slot?: string, receivedBefore?: number };

/** How many offers each way to help has, in all and by area and by time of the week. */
export type OfferCounts = {
  byWay: { way: string, offers: number }[];
  byWayAndArea: { way: string, area: string, offers: number }[];
  byWayAndSlot: { way: string, slot: string, offers: number }[];
};

export type PledgeStore = {
  /** The lists named in the configuration, as they are now (a list no longer named stays, with its offers). */
  syncFiles: (lists: PledgeList[], now: number) => Promise<void>;
  /** undefined when there is no such list. */
  getList: (id: string) => Promise<PledgeList | undefined>;
  /** By id. */
  listLists: (site?: string) => Promise<PledgeList[]>;
  /** undefined when there is no such offer. */
  getOffer: (id: string) => Promise<OfferRecord | undefined>;
  /** Newest first (ties: id descending); `total` counts every match. */
  listOffers: (filter: OfferFilter, page: { limit: number, offset: number }) => Promise<{ rows: OfferSummary[], total: number }>;
  /** Counted by way to help, and by way and area and way and time of week (an offer counts once in each it names). */
  countOffers: (filter: OfferFilter) => Promise<OfferCounts>;
  /** The sealed contact details of these offers that still have them, for lists to show masked. */
  sealedContacts: (ids: string[]) => Promise<Map<string, string>>;
  /** Staff move an offer on, with notes if they like; false when there is no such offer. Withdrawn offers stay withdrawn. */
  setOfferStatus: (id: string, change: { status: Exclude<OfferStatus, 'withdrawn'>, notes?: string, by: string, at: number }) => Promise<boolean>;
  /**
   * The resident withdraws the offer with this reference: its contact details are deleted at
   * once and it is marked withdrawn. false when no offer with contact details has it.
   */
  withdraw: (reference: string, at: number) => Promise<boolean>;
};
