// A contribution's reference, such as `TDM-7K3Q-M2XP-R4WA`: what a resident is shown once an
// answer is sent or queued, to ask later what happened to it or to withdraw an offer of help.
// It is worked out from the submission's random id, so the widget can show it at once, even
// offline, and the collector finds the same one. Sixty of the id's random bits make it
// unguessable; its letters leave out 0, O, 1 and I, so it reads aloud and types without doubt.
// It is made in reference-of.ts.
/** 32 symbols, 5 bits each: digits 2–9 and the letters without I and O. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The prefix every reference starts with, so that one is known for what it is. */
export const REFERENCE_PREFIX = 'TDM';

/** A reference as shown: the prefix, then three groups of four symbols. */
export const REFERENCE = /^TDM-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Bits of the submission id a reference carries. */
export const REFERENCE_BITS = 60;

/**
 * A reference as a person typed it, in the shape it is shown, or undefined when it cannot be
 * one. Case, spaces and dashes are forgiven, and so is leaving out the prefix; a letter that the
 * alphabet leaves out is not guessed at, since guessing could name someone else's.
 */
export function readReference(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s\-‐-―]+/g, '');
  const symbols = compact.startsWith(REFERENCE_PREFIX) && compact.length === REFERENCE_PREFIX.length + 12 ? compact.slice(REFERENCE_PREFIX.length) : compact;
  if (symbols.length !== 12 || [...symbols].some((symbol) => !REFERENCE_ALPHABET.includes(symbol))) return undefined;
  return `${REFERENCE_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}
