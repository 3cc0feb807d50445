// Ids on the wire: every submission's id, made in the browser, and the ids sites, widget
// instances and polls are known by.

/** A version 4 UUID, lower-case: a submission's id, and a poll participant's. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A site, widget instance or poll id: lower-case letters, digits and dashes, up to 63. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
