// Offers of help, protocol v1: what `GET /v1/pledges/{list}` answers (the ways to help staff
// define) and what an offer (POST /v1/submissions, widget "pledge", instance = the list id)
// holds. The rules it is held to are in offer-check.ts.
import type { ContactWay } from './contact.js';
import type { PollText } from './poll.js';

export { CONTACT_LIMITS, CONTACT_WAYS, type ContactWay } from './contact.js';

/**
 * How much a way to help asks of a resident, chosen by staff for each task:
 * 1 from home or by phone; 2 outdoors or on the doorstep, in public; 3 in a supervised group;
 * 4 may involve personal care, children or adults who need support (regulated activity).
 * Tiers 3 and 4 never ask about criminal records: a partner organisation arranges what the role needs.
 */
export const RISK_TIERS = [1, 2, 3, 4] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** Tiers whose offers go to the partner organisation that arranges what the role needs. */
export const PARTNER_TIERS: readonly RiskTier[] = [3, 4];

/** An area of the council's that a way to help covers. */
export interface PledgeArea {
  id: string;
  name: PollText;
}

/** Who gets in touch about a tier 3 or 4 task, to arrange what the role needs. */
export interface PledgePartner {
  name: PollText;
}

export interface WayToHelp {
  id: string;
  title: PollText;
  /** What it involves, in plain words. */
  description: PollText;
  tier: RiskTier;
  /** What the resident will not be asked to do, beyond what the tier promises (the widget says that). */
  boundaries: PollText[];
  /** The ids of the areas it covers (none: it is done only from home). */
  areas: string[];
  /** Whether it can be done from home (or by phone). */
  fromHome: boolean;
  /** Whether 16 and 17 year olds may offer it (with a parent's or guardian's agreement). */
  openToYoungPeople: boolean;
  /** For tiers 3 and 4. */
  partner: PledgePartner | null;
}

/** A "ways to help" list as `GET /v1/pledges/{list}` gives it. */
export interface PledgeListView {
  id: string;
  site: string;
  title: PollText;
  intro: PollText | null;
  /** What the contact details are used for, and by whom. */
  contactUse: PollText;
  areas: PledgeArea[];
  ways: WayToHelp[];
}

/** "From home" in an offer's areas. */
export const FROM_HOME = 'home';

/** When in the week a resident can help: weekdays or weekends, by part of the day. */
export const WEEK_PARTS = ['weekdays', 'weekends'] as const;
export const DAY_PARTS = ['mornings', 'afternoons', 'evenings'] as const;
export const WHEN_SLOTS = WEEK_PARTS.flatMap((week) => DAY_PARTS.map((day) => `${week}-${day}` as const));
export type WhenSlot = (typeof WHEN_SLOTS)[number];

/** "Now and then": no set time. Chosen alone. */
export const NOW_AND_THEN = 'now-and-then';

export const HOW_OFTEN = ['once', 'monthly', 'weekly', 'more'] as const;
export type HowOften = (typeof HOW_OFTEN)[number];

/** 'adult': 18 or over. 'young': 16 or 17, with a guardian's email for staff to confirm. */
export const AGE_GROUPS = ['adult', 'young'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];


/**
 * What an offer's answers hold. The note is free text, redacted like every other; the
 * contact details travel apart from the answers (the submission's `contact`), so they are
 * never stored, logged or exported with them.
 */
export interface OfferAnswers {
  ways: string[];
  areas: string[];
  when: string[];
  often: HowOften;
  age: AgeGroup;
  note?: string;
}

/** The submission's `contact` for an offer: the point of it, so it is not redacted. */
export interface OfferContact {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  prefer: ContactWay;
  /** For a 16 or 17 year old: shown to staff as "guardian to confirm". */
  guardianEmail?: string | undefined;
}

/** Whether an offer that includes this way goes to a partner organisation, and to whom. */
export const partnerOf = (way: WayToHelp): PledgePartner | null => (PARTNER_TIERS.includes(way.tier) ? way.partner : null);
