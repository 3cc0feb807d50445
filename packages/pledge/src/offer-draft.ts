import type { AgeGroup, ContactWay, HowOften, OfferAnswers, OfferContact, PledgeListView } from '@tandem/core/protocol.js';

/** What the resident has chosen and typed so far; empty strings are questions not answered yet. */
export interface OfferDraft {
  ways: string[];
  areas: string[];
  when: string[];
  often: HowOften | '';
  age: AgeGroup | '';
  note: string;
  name: string;
  email: string;
  phone: string;
  prefer: ContactWay;
  guardianEmail: string;
}

export const emptyDraft = (): OfferDraft => ({ ways: [], areas: [], when: [], often: '', age: '', note: '', name: '', email: '', phone: '', prefer: 'email', guardianEmail: '' });

/** A draft's checkbox group with one choice turned on or off. */
export const toggled = (chosen: string[], id: string, on: boolean) => (on ? [...new Set([...chosen, id])] : chosen.filter((c) => c !== id));

/** The offer as it is sent: answers (redacted on the way like all free text) and contact apart. */
export function offerOf(draft: OfferDraft): { answers: OfferAnswers; contact: OfferContact } {
  const note = draft.note.trim();
  const answers: OfferAnswers = { ways: draft.ways, areas: draft.areas, when: draft.when, often: draft.often as HowOften, age: draft.age as AgeGroup, ...(note ? { note } : {}) };
  const contact: OfferContact = {
    name: draft.name.trim(),
    ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    prefer: draft.prefer,
    ...(draft.age === 'young' && draft.guardianEmail.trim() ? { guardianEmail: draft.guardianEmail.trim() } : {}),
  };
  return { answers, contact };
}

/** The question each problem belongs to, as the form's groups are named. */
export const groupOf = (field: string) => field.replace(/^(answers|contact)\./, '').replace('guardianEmail', 'guardian');

/** The control an error summary link moves focus to, for each question. */
export function firstControl(group: string, list: PledgeListView): string {
  switch (group) {
    case 'ways':
      return `way-${list.ways[0]?.id ?? ''}`;
    case 'areas':
      return list.areas[0] ? `area-${list.areas[0].id}` : 'area-home';
    case 'when':
      return 'when-weekdays-mornings';
    case 'often':
      return 'often-once';
    case 'age':
      return 'age-adult';
    default:
      return group;
  }
}
