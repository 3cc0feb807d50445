// How many offers each way to help has: a bar chart whose text alternative is its own table
// (the numbers are the table's cells; the bars are drawn beside them, hidden from screen
// readers), then ways × areas and ways × times of the week.
import { html, tableScroller } from '../html.js';
import { areaIds, areaName, SLOT_LABELS, SLOTS } from '../offers/words.js';
import type { OfferCounts, PledgeList } from '../../store/store.js';

const barWidth = (n: number, most: number) => (most ? Math.round((n / most) * 20) * 5 : 0);

/** A grid's counts by way and column id (ids are slugs: no spaces), 0 where there is none. */
function counter<Row extends { way: string, offers: number }>(rows: Row[], columnOf: (row: Row) => string) {
  const counts = new Map(rows.map((row) => [`${row.way} ${columnOf(row)}`, row.offers]));
  return (way: string, column: string) => counts.get(`${way} ${column}`) ?? 0;
}

function byWay(list: PledgeList, counts: OfferCounts, scope: string) {
  const offers = (way: string) => counts.byWay.find((row) => row.way === way)?.offers ?? 0;
  const most = Math.max(0, ...list.ways.map((way) => offers(way.id)));
  return html`${tableScroller('by-way-caption')}
<table class="table table--results">
<caption class="table__caption" id="by-way-caption">${scope} by way to help</caption>
<thead><tr><th scope="col">Way to help</th><th scope="col" class="numeric">Offers</th><th scope="col"><span class="visually-hidden">Bar</span></th></tr></thead>
<tbody>
${list.ways.map((way) => html`<tr><th scope="row">${way.title.en}</th><td class="numeric">${offers(way.id)}</td>
<td class="bar-cell"><span class="bar bar--${barWidth(offers(way.id), most)}" aria-hidden="true"></span></td></tr>`)}
</tbody>
</table>
</div>`;
}

function grid(id: string, caption: string, list: PledgeList, columns: { id: string, label: string }[], count: (way: string, column: string) => number) {
  return html`${tableScroller(`${id}-caption`)}
<table class="table">
<caption class="table__caption" id="${id}-caption">${caption}</caption>
<thead><tr><th scope="col">Way to help</th>${columns.map((column) => html`<th scope="col" class="numeric">${column.label}</th>`)}</tr></thead>
<tbody>
${list.ways.map((way) => html`<tr><th scope="row">${way.title.en}</th>${columns.map((column) => html`<td class="numeric">${count(way.id, column.id)}</td>`)}</tr>`)}
</tbody>
</table>
</div>`;
}

/**
 * @param scope What is counted, for the captions: "Current offers", "Offers marked Active"…
 * @param ways The ways filtered to, if any: their rows alone (an offer for one also counts under
 *   the others it names, which would read as if the filter had not applied).
 */
export function offerCounts(fullList: PledgeList, counts: OfferCounts, scope: string, ways?: string[]) {
  const list = ways ? { ...fullList, ways: fullList.ways.filter((way) => ways.includes(way.id)) } : fullList;
  const areas = areaIds(fullList).map((id) => ({ id, label: areaName(fullList, id) }));
  const slots = SLOTS.map((id) => ({ id, label: SLOT_LABELS[id] ?? id }));
  return html`<h2 id="counts-heading">How many offers</h2>
<p>Only offers that match the filters are counted. An offer counts once for each way to help, area and time of the week it names.</p>
${byWay(list, counts, scope)}
${grid('by-area', `${scope} by way to help and area`, list, areas, counter(counts.byWayAndArea, (row) => row.area))}
${grid('by-time', `${scope} by way to help and time of the week`, list, slots, counter(counts.byWayAndSlot, (row) => row.slot))}`;
}
