// An offer of help's contact details, as the submission schema checks them. Apart from the rest
// of the offer's rules (pledge.ts) so that the schema, which every answer loads, carries only these.

export const CONTACT_WAYS = ['email', 'phone'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

/** The longest name, email and phone number an offer takes, in characters. */
export const CONTACT_LIMITS = Object.freeze({ name: 100, email: 254, phone: 30 });
