// Contact details of an offer of help, encrypted at rest: AES-256-GCM with a key from the
// collector's configuration, never from the database, so a copy of the database alone holds
// no name, email or phone number in clear. Each sealed value is bound to its offer's id (as
// GCM's associated data): moved onto another offer's row, it no longer opens.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const CONTACT_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The sealed form's version: a later scheme can be told apart and read alongside. */
const VERSION = 'c1';

/**
 * The key as configured: 32 bytes written as base64 (44 characters) or hexadecimal (64).
 * Throws with a message fit for the person configuring it, never quoting the value.
 */
export function readContactKey(written: string): Buffer {
  const trimmed = written.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64')
      : undefined;
  if (key?.length !== CONTACT_KEY_BYTES) {
    throw new RangeError('The contact key must be 32 random bytes written as base64 or hexadecimal: make one with `openssl rand -base64 32`');
  }
  return key;
}

/** Which key sealed a value, without telling anything of the key: the start of its hash. */
const keyIdOf = (key: Buffer) => createHash('sha256').update('tandem contact key id').update(key).digest('hex').slice(0, 8);

export type ContactSealer = {
  /** The text, encrypted and bound to `offerId`. */
  seal: (text: string, offerId: string) => string;
  /** The text again; throws when the value was sealed by another key, for another offer, or altered. */
  open: (sealed: string, offerId: string) => string;
};

export function contactSealer(key: Buffer): ContactSealer {
  if (key.length !== CONTACT_KEY_BYTES) throw new RangeError(`The contact key must be ${CONTACT_KEY_BYTES} bytes`);
  const keyId = keyIdOf(key);
  return {
    seal(text, offerId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(offerId, 'utf8'));
      const body = Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${keyId}.${body.toString('base64url')}`;
    },
    open(sealed, offerId) {
      const [version, sealedBy, encoded, ...rest] = sealed.split('.');
      if (version !== VERSION || !sealedBy || encoded === undefined || rest.length) throw new Error('This is not a sealed contact detail');
      if (sealedBy !== keyId) throw new Error(`This contact detail was sealed with another key (key id ${sealedBy}; the configured key's id is ${keyId})`);
      const body = Buffer.from(encoded, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES) throw new Error('This sealed contact detail is cut short');
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(offerId, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      // final() throws when the value, its offer id or its tag do not match.
      return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
