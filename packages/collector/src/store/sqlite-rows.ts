// The submissions table in SQLite (submission-rows.ts has its shape): a yes/no is kept as 0 or 1.
import { rowValues } from './submission-rows.js';
import type { SubmissionRecord } from './store.js';

export { fromRow, INSERT_COLUMNS, type SubmissionRow } from './submission-rows.js';

/**
 * A record as the insert's positional parameters, in the order of INSERT_COLUMNS. (Binding
 * by position costs a third less than by name, on the write every answer makes.)
 */
export const insertValues = (record: SubmissionRecord) => rowValues(record, Number);
