// How a staff-written definition (a poll, a ways to help list) that fails its schema is
// explained: a problem per field, saying what came when the wrong kind of value did.
import * as v from 'valibot';
import type { Problem } from './errors.js';

/** @param whole  what to call the field when the problem is with the whole definition, e.g. "(poll)" */
export function definitionProblems(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]], whole: string): Problem[] {
  return issues.map((issue) => {
    const got = issue.expected && issue.expected !== 'never' && issue.received ? ` (got ${issue.received})` : '';
    return { field: v.getDotPath(issue) ?? whole, message: `${issue.message}${got}` };
  });
}
