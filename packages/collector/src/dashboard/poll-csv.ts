// CSV of a poll's results and of its statements. Every cell goes through csv.ts's spreadsheetCsv,
// so a resident's "=HYPERLINK(…)" is shown by a spreadsheet as text, never run.
import { spreadsheetCsv as csv } from './csv.js';
import { formatTime } from './views/format.js';
import type { StatementRow } from '../store/store.js';

export const RESULTS_HEADERS = ['Question id', 'Question', 'Kind', 'Asked by', 'Option id', 'Option', 'People', 'Share of answers (%)'];

export function resultsCsv(body: ReturnType<typeof import('../polls/view.js').pollBody>) {
  const rows = body.questions.flatMap((q) =>
    q.options.map((option) => {
      const n = q.results.counts[option.id] ?? 0;
      return [q.id, q.text.en, q.type, q.origin === 'resident' ? 'Resident' : 'Staff', option.id, option.label?.en ?? option.id, n, q.results.total ? Math.round((n / q.results.total) * 1000) / 10 : 0];
    }),
  );
  return `\ufeff${csv([RESULTS_HEADERS, ...rows])}`;
}

export const STATEMENT_HEADERS = ['Id', 'Received (UK time)', 'Status', 'Statement', 'Language', 'Agree', 'Disagree', 'Unsure', 'Why not published', 'Reply (English)', 'Reply (Welsh)', 'Last changed by'];

/**
 * @param counts The poll's counters, by question then option.
 */
export function statementsCsv(statements: StatementRow[], counts: Record<string, Record<string, number>>, withHeaders: boolean) {
  const rows = statements.map((s) => {
    const c = counts[`s-${s.id}`] ?? {};
    return [`s-${s.id}`, formatTime(s.createdAt), s.status, s.text, s.lang, c.agree ?? 0, c.disagree ?? 0, c.unsure ?? 0, s.reason ?? '', s.reply?.en ?? '', s.reply?.cy ?? '', s.moderatedBy ?? ''];
  });
  return csv(withHeaders ? [STATEMENT_HEADERS, ...rows] : rows);
}
