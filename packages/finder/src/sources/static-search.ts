/**
 * Everything searching a static catalogue needs, fetched as one chunk when the box is first used:
 * loading and checking the catalogue, and the search engine. (As separate chunks they cost
 * more to download than together: each compresses on its own.)
 */
export { loadCatalogue } from './static.js';
export { checkCatalogue } from '../catalogue-check.js';
export { FinderSearch } from '../search/engine.js';
