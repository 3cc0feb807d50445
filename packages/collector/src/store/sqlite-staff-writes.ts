// The store's other writes, made by the writer thread too: staff's (reviews, deletions,
// accounts, sessions, sign-in failures, polls and their moderation, offers of help and calls
// for help) and the retention purge.
// Each is rare, but on the event loop each would wait for the write lock while the writer
// thread commits answers, and SQLite waits by sleeping, stopping every resident's request with
// it. Called by name from sqlite.ts; arguments and results are plain data.
import { callQueries } from './sqlite-calls.js';
import { dashboardQueries } from './sqlite-dashboard.js';
import { pledgeQueries } from './sqlite-pledges.js';
import { pollQueries } from './sqlite-polls.js';
import type { Database } from 'better-sqlite3';

const HOUR = 60 * 60 * 1000;

export function staffWrites(db: Database) {
  const dashboard = dashboardQueries(db);
  const polls = pollQueries(db);
  const pledges = pledgeQueries(db);
  const calls = callQueries(db);
  const purgeWindows = db.prepare('DELETE FROM rate_limits WHERE window_start < ?');
  const purgeSubmissions = db.prepare('DELETE FROM submissions WHERE received_at < ?');
  const userVersion = db.prepare('PRAGMA user_version').pluck();
  // Setting user_version (unused otherwise) to its own value is a real write, committed and
  // synced like an answer, needing no table of its own.
  const proveWritable = db.transaction(() => void db.pragma(`user_version = ${Number(userVersion.get())}`));
  return {
    markReviewed: dashboard.markReviewed,
    deleteSubmission: dashboard.deleteSubmission,
    saveUser: dashboard.saveUser.immediate,
    removeUser: dashboard.removeUser.immediate,
    createSession: dashboard.createSession,
    // Reads the session and marks it seen (the idle limit), so it writes too.
    findSession: dashboard.findSession,
    deleteSession: dashboard.deleteSession,
    recordSignInFailure: dashboard.recordSignInFailure,
    clearSignInFailures: dashboard.clearSignInFailures,
    syncFilePolls: polls.syncFilePolls.immediate,
    createPoll: polls.createPoll,
    updatePoll: polls.updatePoll,
    setPollResponse: polls.setPollResponse,
    moderateStatement: polls.moderateStatement,
    replyToStatement: polls.replyToStatement,
    deleteStatement: polls.deleteStatement.immediate,
    setSitePolicy: polls.setSitePolicy,
    /** For readiness: takes the write lock and commits, or throws why it cannot. */
    proveWritable: proveWritable.immediate,
    recordBurst: polls.recordBurst,
    syncFilePledgeLists: pledges.syncFileLists.immediate,
    setOfferStatus: pledges.setOfferStatus,
    withdrawOffer: pledges.withdrawOffer,
    createCall: calls.createCall,
    askForCall: calls.ask.immediate,
    answerAsk: calls.answerAsk,
    setCallStatus: calls.setCallStatus,
    /** Answers received before `before`, and everything else past its time; how many answers. */
    purgeBefore(before: number, now: number) {
      purgeWindows.run(now - HOUR);
      dashboard.purgeStaff(now);
      polls.purgeClosedBefore(before);
      pledges.forgetContactsBefore(before);
      return purgeSubmissions.run(before).changes;
    },
  };
}

export type StaffWrites = ReturnType<typeof staffWrites>;
export type StaffWriteName = keyof StaffWrites;
