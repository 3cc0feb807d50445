export { TandemPoll, type AnswerState, type PollLoadStatus, type StatementOutcome } from './poll.js';
export { STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH, STATEMENT_OPTIONS } from './types.js';
export type { MyStatement, PollMine, PollOption, PollQuestion, PollResults, PollStatus, PollText, PollView, QuestionType, StatementStatus } from './types.js';
export { pollUrl } from './poll-api.js';
