// The one definition of the wire between the widgets and the collector: ids, the submission
// schema and its limits, poll protocol v1, offers of help (pledge protocol v1) and the
// references residents are shown. Widgets, the collector and the browser tests' stand-in
// collector all import it; nothing keeps a copy.
export * from './ids.js';
export * from './limits.js';
export * from './offer-check.js';
export * from './participant.js';
export * from './pledge.js';
export * from './poll.js';
export * from './reference.js';
export * from './reference-of.js';
export * from './submission.js';
