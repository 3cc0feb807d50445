// New participants are the way to stuff a poll: one address bringing 600 in a minute was 600
// votes. So a participant's first answer to a poll counts against what its address may bring
// in an hour (limits.newParticipantsPerAddressPerHour), and an address that reaches it is
// recorded as a burst for staff to see, with how many it brought but never the address.
import { secondsOver, type CountHit } from '../rate-limit.js';
import type { PollAction, Store } from '../store/store.js';

export const HOUR_MS = 60 * 60 * 1000;

export type NewcomerGate = (action: PollAction, participant: string, address: string, now: number) => Promise<number>;

/**
 * @param max  New participants one address may bring to one poll in an hour.
 * @returns For each answer: 0 to take it, else the seconds to wait (for Retry-After).
 */
export function newcomerGate(store: Pick<Store, 'polls'>, countHit: CountHit, max: number, logFailure: (error: Error) => void = () => {}): NewcomerGate {
  // A burst is written when the address reaches the limit and at each further quarter of it,
  // so that a flood costs a handful of writes while the count staff see stays close.
  const step = Math.max(1, Math.ceil(max / 4));
  return async (action, participant, address, now) => {
    if (await store.polls.hasAnswered(action.pollId, participant)) return 0;
    const count = countHit(`newcomers:${action.pollId}:${address}`, { now, windowMs: HOUR_MS });
    const { hits } = count;
    const wait = secondsOver(count, max);
    if (hits >= max && (hits - max) % step === 0) {
      const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
      // Never a reason to refuse a resident: a burst not recorded is logged.
      await store.polls.recordBurst({ pollId: action.pollId, hourStart, participants: hits }).catch(logFailure);
    }
    return wait;
  };
}
