import { html } from 'lit';
import type { Translate } from '@tandem/core';

export interface ResultRow {
  /** The option's label as shown (it may carry a lang attribute). */
  label: unknown;
  /** The same label as plain text, for the chart's text alternative. */
  plain: string;
  count: number;
  mine: boolean;
}

export interface ResultsView {
  rows: ResultRow[];
  total: number;
  /** Final results of a closed poll, rather than results so far. */
  final: boolean;
  rtl: boolean;
}

/** One text where it can be: Chromium leaves the space at an element's edge out of the accessible name. */
function mineLabel(t: Translate, row: ResultRow) {
  if (!row.mine) return row.label;
  return typeof row.label === 'string' ? `${row.label} ${t('yourAnswer')}` : html`${row.label} ${t('yourAnswer')}`;
}

const percentOf = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0);

/**
 * The results of one question: a bar chart for the eye (SVG, with a text alternative that
 * names every bar), then the same figures as a table with counts and percentages.
 */
export function results(t: Translate, view: ResultsView) {
  const { rows, total, final, rtl } = view;
  const percent = (count: number) => t('percent', { value: percentOf(count, total) });
  const caption = t(final ? 'finalResults' : 'resultsSoFar', { count: total });
  const bars = rows.map((row) => t('chartBar', { label: row.plain, percent: percent(row.count) })).join(', ');
  return html`<div class="results" part="results">
    <p class="results-heading" aria-hidden="true">${caption}</p>
    <div class="chart" role="img" aria-label=${t('chart', { bars })}>
      ${rows.map((row) => {
        const width = percentOf(row.count, total);
        return html`<div class="chart-row">
          <span class="chart-label">${row.label}</span>
          <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="track" x="0" y="0" width="100" height="10"></rect>
            <rect class="fill" x=${rtl ? 100 - width : 0} y="0" width=${width} height="10"></rect>
          </svg>
          <span class="chart-value">${percent(row.count)}</span>
        </div>`;
      })}
    </div>
    <table class="table">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t('columnAnswer')}</th>
          <th scope="col" class="numeric">${t('columnCount')}</th>
          <th scope="col" class="numeric">${t('columnPercent')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row" class=${row.mine ? 'mine' : ''}>${mineLabel(t, row)}</th>
            <td class="numeric">${row.count}</td>
            <td class="numeric">${percent(row.count)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
