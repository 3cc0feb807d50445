// CSV of the finder's lists. Residents' words go through neutralise (see csv.js), so a need
// typed as "=HYPERLINK(…)" is shown as text by a spreadsheet, never run.
import { stringify } from 'csv-stringify/sync';
import { neutralise } from './csv.js';
import { formatTime } from './views/format.js';

/** @param {(string | number)[][]} records */
const csv = (records) => stringify(records.map((cells) => cells.map(neutralise)), { record_delimiter: 'windows' });

/** @param {import('../store/store.js').FinderNeed[]} needs */
export const needsCsv = (needs) =>
  csv([['Need (as typed)', 'Needs', 'Found nothing', 'Chose a result', 'Last (UK time)'], ...needs.map((n) => [n.query, n.needs, n.noResults ?? n.needs, n.chosen ?? 0, formatTime(n.lastAt)])]);

/** @param {import('../store/store.js').FinderNotHelped[]} rows  @param {boolean} withHeaders */
export const notHelpedCsv = (rows, withHeaders) =>
  csv([
    ...(withHeaders ? [['Received (UK time)', 'Site', 'Page', 'Searched for', 'Answer chosen', 'What they needed']] : []),
    ...rows.map((r) => [formatTime(r.receivedAt), r.site, r.pageUrl, r.query, r.chosen, r.need]),
  ]);
