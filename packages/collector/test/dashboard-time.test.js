// Dashboard times and date filters are in UK time (GMT in winter, BST in summer), as staff read
// them on their own clocks; the store keeps instants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFilters } from '../src/dashboard/filters.js';
import { formatTime } from '../src/dashboard/views/format.js';

describe('dashboard times in UK time', () => {
  it('shows summer times in BST and winter times in GMT', () => {
    assert.equal(formatTime(Date.parse('2026-07-01T23:30:00Z')), '2026-07-02 00:30');
    assert.equal(formatTime(Date.parse('2026-11-26T09:30:00Z')), '2026-11-26 09:30');
  });

  it('filters by whole UK days, across the clock changes', () => {
    const { filter } = parseFilters({ from: '2026-07-02', to: '2026-07-02' }, ['adult-social-care']);
    assert.equal(filter.from, Date.parse('2026-07-01T23:00:00Z'));
    assert.equal(filter.to, Date.parse('2026-07-02T23:00:00Z'));
    // 25 October 2026 is 25 hours long: BST ends at 02:00.
    const autumn = parseFilters({ from: '2026-10-25', to: '2026-10-25' }, ['adult-social-care']).filter;
    assert.equal(/** @type {number} */ (autumn.to) - /** @type {number} */ (autumn.from), 25 * 3600e3);
  });

  it('still refuses dates that do not exist', () => {
    const { problems } = parseFilters({ from: '2026-02-30' }, ['adult-social-care']);
    assert.deepEqual(problems.map((problem) => problem.field), ['from']);
  });
});
