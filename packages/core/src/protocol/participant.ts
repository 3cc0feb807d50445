// Poll participant ids, issued by the collector and never made by the browser: a random
// version 4 UUID and the collector's signature of it, `<uuid>.<signature>`. A script cannot
// invent new participants offline; each one costs a request the collector can count.

/** An issued participant id: the UUID, a dot, and 43 base64url characters (HMAC-SHA256). */
export const PARTICIPANT = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;

/** HMAC-SHA256 of the text under the collector's secret, base64url without padding. */
export type SignText = (text: string) => string;

// Versioned, so a signature made for something else can never pass as a participant's.
const signed = (uuid: string) => `tandem-participant-v1:${uuid}`;

/** A participant id for a fresh UUID. */
export const issueParticipant = (uuid: string, sign: SignText): string => `${uuid}.${sign(signed(uuid))}`;

/** Whether the id is one the holder of `sign`'s secret issued. */
export function isIssuedParticipant(id: string, sign: SignText): boolean {
  if (!PARTICIPANT.test(id)) return false;
  const dot = id.indexOf('.');
  return sameText(id.slice(dot + 1), sign(signed(id.slice(0, dot))));
}

// Compares every character, so the time taken says nothing of how much of a guess was right.
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i % b.length);
  return difference === 0;
}
