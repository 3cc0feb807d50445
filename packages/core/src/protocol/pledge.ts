// Offers of help, protocol v1: what `GET /v1/pledges/{list}` answers (the ways to help staff
// define), and the rules an offer (POST /v1/submissions, widget "pledge", instance = the list
// id) is held to. The widget checks an offer with checkOffer before sending it and the
// collector again before storing it, so the two never disagree on what counts.
import { CONTACT_LIMITS, type ContactWay } from './contact.js';
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

/** Why an offer cannot be sent, field by field: the widget shows each beside its field. */
export type OfferProblemCode =
  | 'choose-a-way'
  | 'unknown-way'
  | 'choose-an-area'
  | 'unknown-area'
  | 'choose-when'
  | 'now-and-then-alone'
  | 'choose-how-often'
  | 'choose-age'
  | 'not-open-to-young-people'
  | 'name-required'
  | 'name-too-long'
  | 'email-invalid'
  | 'phone-invalid'
  | 'contact-required'
  | 'guardian-required'
  | 'guardian-invalid';

export interface OfferProblem {
  /** The field, as the submission names it: `answers.ways`, `contact.email`… */
  field: string;
  code: OfferProblemCode;
}

/** An email address as a form can check one: something@something.something, with no spaces. */
export const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@.]{2,}$/;

/**
 * A UK phone number, or one from abroad, as people type them: digits with spaces, dashes,
 * dots or brackets, and a leading +. 10 to 15 digits.
 */
export function isPhoneNumber(typed: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(typed)) return false;
  const digits = typed.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

const isEmail = (typed: string) => typed.length <= CONTACT_LIMITS.email && EMAIL.test(typed);

/** Choices from a set, each at most once. */
const chosenFrom = (chosen: readonly string[], allowed: ReadonlySet<string>) =>
  new Set(chosen).size === chosen.length && chosen.every((id) => allowed.has(id));

function wayProblems(answers: OfferAnswers, list: PledgeListView): OfferProblem[] {
  if (answers.ways.length === 0) return [{ field: 'answers.ways', code: 'choose-a-way' }];
  if (!chosenFrom(answers.ways, new Set(list.ways.map((way) => way.id)))) return [{ field: 'answers.ways', code: 'unknown-way' }];
  return [];
}

function placeAndTimeProblems(answers: OfferAnswers, list: PledgeListView): OfferProblem[] {
  const problems: OfferProblem[] = [];
  const areas = new Set([FROM_HOME, ...list.areas.map((area) => area.id)]);
  if (answers.areas.length === 0) problems.push({ field: 'answers.areas', code: 'choose-an-area' });
  else if (!chosenFrom(answers.areas, areas)) problems.push({ field: 'answers.areas', code: 'unknown-area' });
  if (answers.when.length === 0) problems.push({ field: 'answers.when', code: 'choose-when' });
  else if (answers.when.includes(NOW_AND_THEN) && answers.when.length > 1) problems.push({ field: 'answers.when', code: 'now-and-then-alone' });
  else if (!chosenFrom(answers.when, new Set<string>([...WHEN_SLOTS, NOW_AND_THEN]))) problems.push({ field: 'answers.when', code: 'choose-when' });
  if (!(HOW_OFTEN as readonly string[]).includes(answers.often)) problems.push({ field: 'answers.often', code: 'choose-how-often' });
  return problems;
}

function ageProblems(answers: OfferAnswers, contact: OfferContact, list: PledgeListView): OfferProblem[] {
  if (!(AGE_GROUPS as readonly string[]).includes(answers.age)) return [{ field: 'answers.age', code: 'choose-age' }];
  if (answers.age !== 'young') return [];
  const problems: OfferProblem[] = [];
  const open = new Set(list.ways.filter((way) => way.openToYoungPeople).map((way) => way.id));
  if (answers.ways.some((id) => !open.has(id))) problems.push({ field: 'answers.ways', code: 'not-open-to-young-people' });
  const guardian = contact.guardianEmail?.trim() ?? '';
  if (!guardian) problems.push({ field: 'contact.guardianEmail', code: 'guardian-required' });
  else if (!isEmail(guardian)) problems.push({ field: 'contact.guardianEmail', code: 'guardian-invalid' });
  return problems;
}

function contactProblems(contact: OfferContact): OfferProblem[] {
  const problems: OfferProblem[] = [];
  const name = contact.name.trim();
  if (!name) problems.push({ field: 'contact.name', code: 'name-required' });
  else if (name.length > CONTACT_LIMITS.name) problems.push({ field: 'contact.name', code: 'name-too-long' });
  const email = contact.email?.trim() ?? '';
  const phone = contact.phone?.trim() ?? '';
  if (email && !isEmail(email)) problems.push({ field: 'contact.email', code: 'email-invalid' });
  if (phone && (phone.length > CONTACT_LIMITS.phone || !isPhoneNumber(phone))) problems.push({ field: 'contact.phone', code: 'phone-invalid' });
  // The way they would like to be contacted must be one they gave.
  const preferred = contact.prefer === 'phone' ? phone : email;
  if (!preferred && !problems.some((problem) => problem.field === `contact.${contact.prefer}`)) {
    problems.push({ field: `contact.${contact.prefer === 'phone' ? 'phone' : 'email'}`, code: 'contact-required' });
  }
  return problems;
}

/**
 * Every problem with an offer for this list, in the order the form asks: ways, areas, when,
 * how often, age, then contact. None: it can be sent.
 */
export function checkOffer(answers: OfferAnswers, contact: OfferContact, list: PledgeListView): OfferProblem[] {
  return [...wayProblems(answers, list), ...placeAndTimeProblems(answers, list), ...ageProblems(answers, contact, list), ...contactProblems(contact)];
}

/** Whether an offer that includes this way goes to a partner organisation, and to whom. */
export const partnerOf = (way: WayToHelp): PledgePartner | null => (PARTNER_TIERS.includes(way.tier) ? way.partner : null);
