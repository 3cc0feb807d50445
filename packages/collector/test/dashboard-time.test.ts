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
    assert.equal((autumn.to as number) - (autumn.from as number), 25 * 3600e3);
  });

  it('still refuses dates that do not exist', () => {
    const { problems } = parseFilters({ from: '2026-02-30' }, ['adult-social-care']);
    assert.deepEqual(problems.map((problem) => problem.field), ['from']);
  });
});

describe('poll dates from the dashboard form in UK time', () => {
  it('opens a summer poll at midnight BST and closes it at the end of its last UK day, and shows those days again', async () => {
    const { formValues, pollFromForm, postedValues } = await import('../src/dashboard/poll-form.js');
    const posted = postedValues({
      id: 'summer-2026', site: 'adult-social-care', title_en: 'Summer', opens: '2026-07-01', closes: '2026-08-31', allowStatements: 'yes',
      q0_type: 'statement', q0_en: 'Opening hours suit me.', q0_cy: '', q0_options: '', q0_id: '',
    });
    const result = pollFromForm(posted, { siteIds: ['adult-social-care'], previous: null });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.poll.opensAt, '2026-06-30T23:00:00Z');
    assert.equal(result.poll.closesAt, '2026-08-31T22:59:59Z');
    const shown = formValues(result.poll);
    assert.deepEqual([shown.opens, shown.closes], ['2026-07-01', '2026-08-31']);
  });
});
