// The submission schema's entry (`@tandem/core/schema.js`, and the validator chunk): see protocol/.
export * from './protocol/submission.js';
