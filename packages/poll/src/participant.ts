import { newId } from '@tandem/core';

/**
 * The random participant id that lets the collector count one answer per person per
 * question and lets a person change their answer. Strictly necessary for the poll to work,
 * so it needs no consent; it is not a cookie, is made only when the person first answers,
 * is kept for this poll only, and says nothing about who they are.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const participantKey = (poll: string) => `tandem:poll:${poll}:participant`;

/** The id this device already has for the poll, if storage allows and it looks right. */
export function storedParticipant(poll: string): string | undefined {
  try {
    const value = localStorage.getItem(participantKey(poll));
    return value && UUID.test(value) ? value : undefined;
  } catch {
    // Storage blocked (a privacy setting, a sandboxed frame): the poll works for this visit.
    return undefined;
  }
}

/** The id for a first answer: the stored one, or a new one kept (when storage allows). */
export function ensureParticipant(poll: string, inMemory: string | undefined): string {
  const existing = storedParticipant(poll) ?? inMemory;
  if (existing) return existing;
  const id = newId();
  try {
    localStorage.setItem(participantKey(poll), id);
  } catch {
    // Kept in memory only: answers still count once during this visit.
  }
  return id;
}
