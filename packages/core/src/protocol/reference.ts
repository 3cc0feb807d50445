// A contribution's reference, such as `TDM-7K3Q-M2XP-R4WA`: what a resident is shown once an
// answer is sent or queued, to ask later what happened to it or to withdraw an offer of help.
// It is worked out from the submission's random id, so the widget can show it at once, even
// offline, and the collector finds the same one. Sixty of the id's random bits make it
// unguessable; its letters leave out 0, O, 1 and I, so it reads aloud and types without doubt.
import { UUID_V4 } from './ids.js';

/** 32 symbols, 5 bits each: digits 2–9 and the letters without I and O. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The prefix every reference starts with, so that one is known for what it is. */
export const REFERENCE_PREFIX = 'TDM';

/** A reference as shown: the prefix, then three groups of four symbols. */
export const REFERENCE = /^TDM-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Bits of the submission id a reference carries. */
export const REFERENCE_BITS = 60;

/**
 * The reference of a submission id (a version 4 UUID). Its first 15 hexadecimal digits after
 * the fixed version digit are random: 60 bits, twelve symbols.
 */
export function referenceOf(submissionId: string): string {
  if (!UUID_V4.test(submissionId)) throw new TypeError('A reference is made from a version 4 UUID');
  const hex = submissionId.replace(/-/g, '');
  // Digit 12 is the version (always 4): take the twelve before it and the three after it.
  let bits = BigInt(`0x${hex.slice(0, 12)}${hex.slice(13, 16)}`);
  let symbols = '';
  for (let i = 0; i < REFERENCE_BITS / 5; i++) {
    symbols = REFERENCE_ALPHABET[Number(bits & 31n)] + symbols;
    bits >>= 5n;
  }
  return `${REFERENCE_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

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
