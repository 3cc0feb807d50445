// The submissions table in PostgreSQL (submission-rows.ts has its shape): a yes/no is a boolean.
import { INSERT_COLUMNS, rowValues } from './submission-rows.js';
import type { SubmissionRecord } from './store.js';

export { FIELD_OF_COLUMN, fromRow, type SubmissionRow } from './submission-rows.js';

/** Stores a record once by its id: a second insert of the id changes nothing and returns no row. */
export const INSERT_SUBMISSION = `INSERT INTO submissions (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING 1`;

/** The insert's parameters, in the order of INSERT_COLUMNS. */
export const insertValues = (record: SubmissionRecord) => rowValues(record, Boolean);
