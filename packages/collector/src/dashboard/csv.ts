// CSV for staff's spreadsheets, and the inbox's answers in it. A cell that a spreadsheet would
// read as a formula (starting = + - @, after any spaces, or a tab or carriage return) is
// prefixed with ' so it is shown as text, never run; and every cell is quoted, so that a
// spreadsheet opening the file with ";" or a tab as its separator never splits a cell such as
// ";=1+1" into a formula.
import { stringify } from 'csv-stringify/sync';
import { answerLabel, formatTime } from './views/format.js';
import type { AnswerRow } from '../store/store.js';

export function neutralise(value: unknown) {
  const text = value === null || value === undefined ? '' : String(value);
  return /^(?:\s*[=+\-@]|[\t\r])/.test(text) ? `'${text}` : text;
}

/** Rows as CSV: every cell neutralised and quoted, lines ended with CRLF as RFC 4180 and spreadsheets expect. */
export const spreadsheetCsv = (rows: unknown[][]) => stringify(rows.map((row) => row.map(neutralise)), { record_delimiter: 'windows', quoted: true });

export const CSV_HEADERS = ['Received (UK time)', 'Site', 'Page', 'Page title', 'Answer', 'What they were trying to do', 'What went wrong', 'Reviewed', 'Quarantine reason', 'Id'];

export function csvCells(row: AnswerRow) {
  const { trying, wrong } = row.answers;
  return [
    formatTime(row.receivedAt), row.site, row.pageUrl, row.pageTitle, answerLabel(row.answers),
    typeof trying === 'string' ? trying : '', typeof wrong === 'string' ? wrong : '',
    row.reviewedAt ? `${formatTime(row.reviewedAt)} by ${row.reviewedBy ?? ''}` : '', row.quarantine ?? '', row.id,
  ];
}

export function toCsv(rows: AnswerRow[], withHeaders: boolean) {
  const records = rows.map(csvCells);
  return spreadsheetCsv(withHeaders ? [CSV_HEADERS, ...records] : records);
}
