// Kept for the modules that import it here: the limits live in protocol/limits.ts.
export * from './protocol/limits.js';
