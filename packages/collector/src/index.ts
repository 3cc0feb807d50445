// Public API of @tandem/collector, for embedding it or testing it.
export { checkConfig, ConfigError, DEFAULTS, EXAMPLE_CONFIG, loadConfig } from './config.js';
export { createCollector, databaseFile, startCollector } from './server.js';
export { openSqliteStore } from './store/sqlite.js';
export { assertStore, STORE_METHODS } from './store/store.js';
// The store's parts and their records, for anyone writing a store of their own.
export type {
  AnswerFilter, AnswerRow, CounterStore, DashboardStore, FinderFilter, FinderNeed, FinderNotHelped, FinderPeriod, FinderSummary,
  HitsEntry, NewSession, PageCounts, PollAction, PollReading, PollRecord, PollStore, RateLimitHit, SaveOutcome, StaffSession,
  StaffStore, StaffUser, StatementRow, StatementStatus, Store, SubmissionRecord, SubmissionStore,
} from './store/store.js';
