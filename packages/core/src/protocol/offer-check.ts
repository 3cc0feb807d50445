// The rules an offer of help is held to, field by field. The widget checks an offer with
// checkOffer before sending it and the collector again before storing it, so the two never
// disagree on what counts. A module of its own, so the widget can fetch it after the page has
// loaded.
import { CONTACT_LIMITS } from './contact.js';
import { AGE_GROUPS, FROM_HOME, HOW_OFTEN, NOW_AND_THEN, WHEN_SLOTS, type OfferAnswers, type OfferContact, type PledgeListView } from './pledge.js';

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
