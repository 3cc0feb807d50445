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

/** Which offers a list shows. Every field optional. */
export type OfferFilter = { site?: string, listId?: string, status?: OfferStatus, way?: string, area?: string };

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
  /** Staff move an offer on, with notes if they like; false when there is no such offer. Withdrawn offers stay withdrawn. */
  setOfferStatus: (id: string, change: { status: Exclude<OfferStatus, 'withdrawn'>, notes?: string, by: string, at: number }) => Promise<boolean>;
  /**
   * The resident withdraws the offer with this reference: its contact details are deleted at
   * once and it is marked withdrawn. false when no offer with contact details has it.
   */
  withdraw: (reference: string, at: number) => Promise<boolean>;
};
