export { TandemPledge, type PledgeLoadStatus, type PledgeStage } from './pledge.js';
// Offers of help protocol v1's types and rules, from the one definition of the wire that the
// collector shares: @tandem/core's protocol module.
export { checkOffer, FROM_HOME, HOW_OFTEN, NOW_AND_THEN, RISK_TIERS, WHEN_SLOTS } from '@tandem/core/protocol.js';
export type { OfferAnswers, OfferContact, OfferProblem, PledgeArea, PledgeListView, RiskTier, WayToHelp } from '@tandem/core/protocol.js';
