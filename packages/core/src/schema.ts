// The submission schema's entry (`@tandem/core/schema.js`, and the validator chunk): see protocol/.
export * from './protocol/submission.js';
// Its limits come from limits.ts; re-exported here, not by the schema module, since a second
// path to MAX_TEXT through the protocol index made Rollup load the schema with every widget.
export { MAX_ANSWER_NUMBER, MAX_FILL_MS, MAX_SUBMISSION_BYTES, MAX_TEXT } from './protocol/limits.js';
