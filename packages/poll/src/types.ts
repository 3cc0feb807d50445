// Poll protocol v1's types and statement rules, from the one definition of the wire that
// the collector shares: @tandem/core's protocol module.
export { STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH, STATEMENT_OPTIONS } from '@tandem/core/protocol.js';
export type { MyStatement, PollMine, PollOption, PollQuestion, PollResults, PollStatus, PollText, PollView, QuestionType, StatementStatus } from '@tandem/core/protocol.js';
