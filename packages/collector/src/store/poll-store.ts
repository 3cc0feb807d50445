// The polls part of the store: definitions, results, residents' statements and their
// moderation, and each site's moderation policy. Votes and statements arrive through the
// submissions part (record.poll), in the answer's own write.
import type { PollDefinition, PollText } from '../polls/definition.js';

export type PollRecord = {
  definition: PollDefinition;
  /** A file's poll is edited in its file; the dashboard's, in the dashboard. */
  source: 'file' | 'dashboard';
  /** Staff's response, shown to residents once the poll has closed. */
  response: PollText | null;
  createdAt: number;
  updatedAt: number;
  updatedBy: string | null;
};

export type StatementRow = {
  /** Published, it is the question "s-{id}". */
  id: number;
  pollId: string;
  submissionId: string;
  participant: string;
  text: string;
  lang: string;
  status: 'pending' | 'published' | 'rejected';
  /** Why it was not published (its author sees this). */
  reason: string | null;
  /** Staff's "You said, we did". */
  reply: PollText | null;
  createdAt: number;
  moderatedAt: number | null;
  moderatedBy: string | null;
};

/**
 * One poll with its results, for GET /v1/polls/{id}: counters by question then option, the
 * published statements oldest first, and, given a participant, their answers and statements.
 */
export type PollReading = {
  poll: PollRecord;
  counts: Record<string, Record<string, number>>;
  published: StatementRow[];
  mine: { votes: Record<string, string>, statements: StatementRow[] } | undefined;
};

export type StatementStatus = StatementRow['status'];

/** An hour in which one address brought a poll as many new participants as it may, or more. */
export type PollBurst = {
  pollId: string;
  /** The start of the clock hour (ms since the epoch). */
  hourStart: number;
  /** How many new participants the busiest address brought, counting those refused. */
  participants: number;
};

export type PollStore = {
  /** Creates or replaces the polls defined in the configuration's files (at start), keeping their counts and response; a file poll no longer named becomes a dashboard poll. */
  syncFiles: (polls: PollDefinition[], now: number) => Promise<void>;
  /** undefined when there is no such poll. */
  get: (id: string) => Promise<PollRecord | undefined>;
  /** Newest first, with statements waiting. */
  list: (site?: string) => Promise<(PollRecord & { pending: number })[]>;
  /** A dashboard poll; false when the id is taken. */
  create: (poll: PollDefinition, by: string, now: number) => Promise<boolean>;
  /** false unless it is a poll made in the dashboard. */
  update: (poll: PollDefinition, by: string, now: number) => Promise<boolean>;
  /** null clears it; false when there is no such poll. */
  setResponse: (id: string, response: PollText | null, by: string, now: number) => Promise<boolean>;
  /** undefined when there is no such poll. Must stay fast at a million answers. */
  read: (id: string, participant?: string) => Promise<PollReading | undefined>;
  /** undefined when there is no such statement. */
  getStatement: (id: number) => Promise<StatementRow | undefined>;
  /** Pending first, then oldest first. */
  listStatements: (pollId: string, query: { status?: StatementStatus, limit: number, offset: number }) => Promise<StatementRow[]>;
  countStatements: (pollId: string) => Promise<{ pending: number, published: number, rejected: number }>;
  /** false when the poll has no such statement. */
  moderateStatement: (pollId: string, id: number, change: { status: 'published' | 'rejected', reason: string | null, by: string, at: number }) => Promise<boolean>;
  /** Staff's "You said, we did" on one statement (null clears it); false when the poll has no such statement. */
  replyToStatement: (pollId: string, id: number, reply: PollText | null, by: string, at: number) => Promise<boolean>;
  /** On its author's request: the statement, its submission, and the votes and counts of its question. false when absent. */
  deleteStatement: (pollId: string, id: number) => Promise<boolean>;
  /** The policy set in the dashboard, or null. */
  getSitePolicy: (site: string) => Promise<PollText | null>;
  /** null: back to the configuration's. */
  setSitePolicy: (site: string, policy: PollText | null, by: string, at: number) => Promise<void>;
  /** The secret participant ids are signed with: made once per database, the same for every process. */
  participantSecret: () => Promise<Buffer>;
  /** Whether the participant has a vote or statement in the poll (a later answer is not a new participant's). */
  hasAnswered: (pollId: string, participant: string) => Promise<boolean>;
  /** Keeps the larger of this and the hour's burst already kept. */
  recordBurst: (burst: PollBurst) => Promise<void>;
  /** Oldest first. */
  listBursts: (pollId: string) => Promise<PollBurst[]>;
};
