export { TandemFinder, NEED_MAX_LENGTH, ANNOUNCE_DELAY_MS, SETTLE_DELAY_MS, type CatalogueStatus, type HelpedStep } from './finder.js';
export { TandemChooseEvent, type ChooseDetail } from './events.js';
export type { Catalogue, CatalogueEntry, ContactRoute, SearchResult, WelshText } from './catalogue.js';
export { FinderSearch, type FinderSearchOptions } from './search/engine.js';
export { loadCatalogue, CatalogueError } from './sources/static.js';
export type { CatalogueErrorKind } from './sources/catalogue-error.js';
