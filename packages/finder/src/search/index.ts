export { FinderSearch, type FinderSearchOptions } from './engine.js';
export { DEFAULT_SYNONYMS } from './synonyms.js';
export { analyse, fold, words } from './normalise.js';
export { stem } from './stem.js';
