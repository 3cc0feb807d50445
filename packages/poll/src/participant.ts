import { PARTICIPANT } from '@tandem/core/protocol.js';

/**
 * The participant id that lets the collector count one answer per person per question and
 * lets a person change their answer. The collector issues it with the poll (a signed id, so
 * new participants cannot be made up in the browser); it is kept only once the person first
 * answers. Strictly necessary for the poll to work, so it needs no consent; it is not a
 * cookie, is kept for this poll only, and says nothing about who they are.
 */
export const participantKey = (poll: string) => `tandem:poll:${poll}:participant`;

/** The id this device already has for the poll, if storage allows and it looks right. */
export function storedParticipant(poll: string): string | undefined {
  try {
    const value = localStorage.getItem(participantKey(poll));
    return value && PARTICIPANT.test(value) ? value : undefined;
  } catch {
    // Storage blocked (a privacy setting, a sandboxed frame): the poll works for this visit.
    return undefined;
  }
}

/** Keeps the issued id at the first answer (when storage allows), or forgets it (null). */
export function keepParticipant(poll: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(participantKey(poll), id);
    else localStorage.removeItem(participantKey(poll));
  } catch {
    // Kept in memory only: answers still count once during this visit.
  }
}
