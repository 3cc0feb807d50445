// Public API of @tandem/collector, for embedding it or testing it.
export { checkConfig, ConfigError, DEFAULTS, EXAMPLE_CONFIG, loadConfig } from './config.js';
export { createCollector, databaseFile, startCollector } from './server.js';
export { openSqliteStore } from './store/sqlite.js';
export { assertStore, STORE_METHODS } from './store/store.js';
