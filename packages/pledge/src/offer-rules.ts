// The rules an offer is checked by before it is sent (core's checkOffer, the collector's own)
// and the reference it is given: their own chunk, fetched on idle like core's validator, since
// nobody needs them to see the list (the pledge on load: 24.2 → 23.5 kB gzip).
import { checkOffer, referenceOf, type OfferProblem, type PledgeListView } from '@tandem/core/protocol.js';
import { offerOf, type OfferDraft } from './offer-draft.js';

export { referenceOf };

/** The problems the collector would find, by the one shared rule. */
export const draftProblems = (draft: OfferDraft, list: PledgeListView): OfferProblem[] => {
  const { answers, contact } = offerOf(draft);
  return checkOffer(answers, contact, list);
};
