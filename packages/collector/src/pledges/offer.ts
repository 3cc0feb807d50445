// An offer of help arriving through POST /v1/submissions (widget "pledge", instance = the ways
// to help list's id): checked against its list by the same rules the widget used (checkOffer),
// and made into the action the store applies with its answer, its contact details sealed at
// once so that nothing after this holds them in clear.
import { checkOffer, referenceOf } from '@tandem/core/protocol.js';
import type { OfferAnswers, OfferContact, OfferProblemCode } from '@tandem/core/protocol.js';
import { redactText, storableText } from '@tandem/core/redact.js';
import type { Submission } from '@tandem/core/schema.js';
import type { Problem } from '../errors.js';
import type { OfferAction, Store } from '../store/store.js';
import type { ContactSealer } from './contact-sealing.js';

export type OfferRefusal = { status: number, code: 'unknown-list' | 'invalid-offer' | 'offers-unavailable', field?: string, error: string, problems: Problem[] };

/** What each problem means, for whoever reads the API's answer; the widget says it in the resident's language. */
export const OFFER_PROBLEM_MESSAGES: Record<OfferProblemCode, string> = {
  'choose-a-way': 'Choose at least one way to help',
  'unknown-way': 'Choose ways to help from this list, each once',
  'choose-an-area': 'Choose at least one area, or from home',
  'unknown-area': 'Choose areas from this list, or from home, each once',
  'choose-when': 'Choose when you could help, or "now and then"',
  'now-and-then-alone': '"Now and then" is chosen on its own',
  'choose-how-often': 'Choose how often you could help',
  'choose-age': 'Say whether you are 18 or over, or 16 or 17',
  'not-open-to-young-people': 'Some of these ways to help are for people aged 18 or over',
  'name-required': 'Enter your name',
  'name-too-long': 'Your name must be 100 characters or fewer',
  'email-invalid': 'Enter an email address like name@example.com',
  'phone-invalid': 'Enter a phone number, like 01632 960 001 or +44 7700 900 982',
  'contact-required': 'Enter the email address or phone number you would like to be contacted on',
  'guardian-required': 'Enter the email address of a parent or guardian',
  'guardian-invalid': 'Enter the parent or guardian\'s email address like name@example.com',
};

const ANSWER_KEYS = new Set(['ways', 'areas', 'when', 'often', 'age', 'note']);
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The answers as an offer's, or undefined when they are not shaped like one. */
function offerAnswers(answers: Submission['answers']): OfferAnswers | undefined {
  const { ways, areas, when, often, age, note } = answers;
  if (!Object.keys(answers).every((key) => ANSWER_KEYS.has(key))) return undefined;
  if (!isTextList(ways) || !isTextList(areas) || !isTextList(when) || typeof often !== 'string' || typeof age !== 'string') return undefined;
  if (note !== undefined && typeof note !== 'string') return undefined;
  return { ways, areas, when, often: often as OfferAnswers['often'], age: age as OfferAnswers['age'], ...(note === undefined ? {} : { note }) };
}

/** The contact details as kept (sealed): trimmed, and only those given. */
function keptContact(contact: OfferContact) {
  const kept: OfferContact = { name: contact.name.trim(), prefer: contact.prefer };
  for (const key of ['email', 'phone', 'guardianEmail'] as const) {
    const value = contact[key]?.trim();
    if (value) kept[key] = value;
  }
  return kept;
}

const refusal = (status: number, code: OfferRefusal['code'], field: string, error: string, problems: Problem[] = [{ field, message: error }]): OfferRefusal => ({ status, code, field, error, problems });

/**
 * The offer's action, or why it is refused.
 * @param sealer  null when the collector has no contact key (then it takes no offers).
 */
export async function checkOfferSubmission(store: Store, submission: Submission, sealer: ContactSealer | null): Promise<{ ok: true, action: OfferAction } | ({ ok: false } & OfferRefusal)> {
  const list = await store.pledges.getList(submission.instance);
  if (!list || list.site !== submission.site) return { ok: false, ...refusal(422, 'unknown-list', 'instance', 'There is no ways to help list with this id on this site') };
  if (!sealer) return { ok: false, ...refusal(503, 'offers-unavailable', '(body)', 'This collector cannot take offers of help: it has no contact key configured') };
  const answers = offerAnswers(submission.answers);
  if (!answers) return { ok: false, ...refusal(422, 'invalid-offer', 'answers', 'An offer\'s answers are ways, areas and when (lists of ids), often, age and an optional note') };
  if (!submission.contact) return { ok: false, ...refusal(422, 'invalid-offer', 'contact', 'An offer of help needs a name and a way to contact the person') };
  const problems = checkOffer(answers, submission.contact, list);
  if (problems.length) {
    const described = problems.map(({ field, code }) => ({ field, message: OFFER_PROBLEM_MESSAGES[code] }));
    return { ok: false, ...refusal(422, 'invalid-offer', described[0]!.field, 'The offer is not complete', described) };
  }
  return {
    ok: true,
    action: {
      listId: list.id,
      reference: referenceOf(submission.id),
      ways: answers.ways,
      areas: answers.areas,
      when: answers.when,
      often: answers.often,
      age: answers.age,
      note: redactText(storableText(answers.note?.trim() ?? '')),
      prefer: submission.contact.prefer,
      sealedContact: sealer.seal(JSON.stringify(keptContact(submission.contact)), submission.id),
    },
  };
}
