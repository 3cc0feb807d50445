// CSV of the finder's lists. Every cell goes through csv.ts's spreadsheetCsv, so a need
// typed as "=HYPERLINK(…)" is shown as text by a spreadsheet, never run.
import { spreadsheetCsv as csv } from './csv.js';
import { formatTime } from './views/format.js';
import type { FinderNeed, FinderNotHelped } from '../store/store.js';

export const needsCsv = (needs: FinderNeed[]) =>
  csv([['Need (as typed)', 'Needs', 'Found nothing', 'Chose a result', 'Last (UK time)'], ...needs.map((n) => [n.query, n.needs, n.noResults ?? n.needs, n.chosen ?? 0, formatTime(n.lastAt)])]);

export const notHelpedCsv = (rows: FinderNotHelped[], withHeaders: boolean) =>
  csv([
    ...(withHeaders ? [['Received (UK time)', 'Site', 'Page', 'Searched for', 'Answer chosen', 'What they needed']] : []),
    ...rows.map((r) => [formatTime(r.receivedAt), r.site, r.pageUrl, r.query, r.chosen, r.need]),
  ]);
