// Offers of help as CSV, for staff's spreadsheets: what was offered, never who offered it
// (contact details are on each offer's page only), nor the reference that withdraws it, nor the
// offer's id (from which anyone can work out the reference: protocol/reference-of.ts). Every
// cell goes through csv.ts's spreadsheetCsv, so a resident's "=HYPERLINK(…)" stays text.
import { spreadsheetCsv } from '../csv.js';
import { formatTime } from '../views/format.js';
import { AGE_LABELS, areaName, arrangedBy, OFTEN_LABELS, SLOT_LABELS, STATUS_LABELS, wayTitle } from './words.js';
import type { OfferSummary, PledgeList } from '../../store/store.js';

export const OFFER_CSV_HEADERS = ['Received (UK time)', 'List', 'Ways to help', 'Where', 'When', 'How often', 'Age', 'Anything else they said', 'Arranged by', 'Status', 'Contact details kept'];

export function offersCsv(list: PledgeList | undefined, rows: OfferSummary[], withHeaders: boolean) {
  const records = rows.map((offer) => [
    formatTime(offer.createdAt), offer.listId, offer.ways.map((id) => wayTitle(list, id)).join('; '), offer.areas.map((id) => areaName(list, id)).join('; '),
    offer.when.map((id) => SLOT_LABELS[id] ?? id).join('; '), OFTEN_LABELS[offer.often] ?? offer.often, AGE_LABELS[offer.age] ?? offer.age, offer.note,
    arrangedBy(list, offer.ways), STATUS_LABELS[offer.status], offer.hasContact ? 'Yes' : 'No (deleted)',
  ]);
  return spreadsheetCsv(withHeaders ? [OFFER_CSV_HEADERS, ...records] : records);
}
