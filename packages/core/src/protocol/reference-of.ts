// A submission's reference, worked out from its id: in a module of its own, so the widget
// can fetch it after the page has loaded.
import { UUID_V4 } from './ids.js';
import { REFERENCE_ALPHABET, REFERENCE_BITS, REFERENCE_PREFIX } from './reference.js';

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
