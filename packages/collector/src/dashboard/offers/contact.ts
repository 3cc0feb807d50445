// An offer's contact details as staff see them: opened with the collector's contact key on the
// offer's own page, and masked everywhere else (lists show enough to tell offers apart, not
// enough to get in touch). Never logged.
import type { ContactSealer } from '../../pledges/contact-sealing.js';

export type OpenedContact = { name: string, email?: string, phone?: string, prefer: 'email' | 'phone', guardianEmail?: string };

/** What staff are shown: the details, none kept (withdrawn or past retention), or a key that cannot open them. */
export type ContactShown = { kind: 'open', contact: OpenedContact } | { kind: 'none' } | { kind: 'unreadable' };

export function openContact(sealer: ContactSealer | null, sealed: string | null | undefined, offerId: string): ContactShown {
  if (!sealed) return { kind: 'none' };
  if (!sealer) return { kind: 'unreadable' };
  try {
    return { kind: 'open', contact: JSON.parse(sealer.open(sealed, offerId)) as OpenedContact };
  } catch {
    // Sealed with another key (rotated without the old one), or altered: say so, show nothing.
    return { kind: 'unreadable' };
  }
}

/** "Jo Bloggs" → "J. B." */
export const maskName = (name: string) =>
  name.trim().split(/\s+/).filter(Boolean).map((word) => `${[...word][0]?.toUpperCase()}.`).join(' ');

/** "jo.bloggs@example.com" → "j…@example.com" */
export function maskEmail(email: string) {
  const at = email.lastIndexOf('@');
  return at < 1 ? '…' : `${[...email][0]}…${email.slice(at)}`;
}

/** "07700 900982" → "ending 982" */
export function maskPhone(phone: string) {
  const digits = phone.replace(/\D/g, '');
  return `ending ${digits.slice(-3)}`;
}

/** One line for a list: "J. B., j…@example.com (prefers email)". */
export function maskedContact(shown: ContactShown) {
  if (shown.kind === 'none') return 'Deleted';
  if (shown.kind === 'unreadable') return 'Cannot be read with this collector’s contact key';
  const { name, email, phone, prefer } = shown.contact;
  const ways = [email ? maskEmail(email) : '', phone ? `phone ${maskPhone(phone)}` : ''].filter(Boolean).join(', ');
  return `${maskName(name)}${ways ? `, ${ways}` : ''} (prefers ${prefer})`;
}
