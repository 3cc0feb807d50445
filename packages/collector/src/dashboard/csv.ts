// CSV of the inbox's answers. A cell that a spreadsheet would read as a formula (starting
// = + - @, tab or carriage return) is prefixed with ' so it is shown as text, never run.
import { stringify } from 'csv-stringify/sync';
import { answerLabel, formatTime } from './views/format.js';
import type { AnswerRow } from '../store/store.js';

export function neutralise(value: unknown) {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

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
  const records = rows.map((row) => csvCells(row).map(neutralise));
  // CRLF, as RFC 4180 and spreadsheet programs expect.
  return stringify(withHeaders ? [CSV_HEADERS.map(neutralise), ...records] : records, { record_delimiter: 'windows' });
}
