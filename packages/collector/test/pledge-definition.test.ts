// A "ways to help" list as staff write it: every field checked, defaults filled in, and the
// safety rules of risk tiers held (a partner for tiers 3 and 4, regulated activity for adults).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkPledgeList } from '../src/pledges/definition.js';

const list = (ways: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'help-your-neighbourhood',
  site: 'council',
  title: { en: 'Help in your neighbourhood', cy: 'Helpu yn eich cymdogaeth' },
  contactUse: { en: 'The volunteering team uses these to get in touch about the ways to help you chose.' },
  areas: [{ id: 'north', name: { en: 'North' } }, { id: 'south', name: { en: 'South' } }],
  ways,
  ...extra,
});
const way = (extra: Record<string, unknown> = {}) => ({ id: 'litter-pick', title: { en: 'Litter picks' }, description: { en: 'Picking litter in parks, with gloves and bags we provide.' }, tier: 2, areas: ['north'], ...extra });
const problemsOf = (value: unknown) => {
  const checked = checkPledgeList(value);
  assert.equal(checked.ok, false, 'expected the list to be refused');
  return checked.ok ? [] : checked.problems.map((problem) => `${problem.field}: ${problem.message}`);
};

describe('ways to help lists', () => {
  it('takes the example site\'s list: nine ways to help across the four tiers, in English and Welsh', () => {
    const checked = checkPledgeList(JSON.parse(readFileSync(new URL('../config/pledges/help-your-neighbourhood.json', import.meta.url), 'utf8')));
    assert.ok(checked.ok, checked.ok ? '' : JSON.stringify(checked.problems));
    assert.equal(checked.list.ways.length, 9);
    assert.deepEqual([...new Set(checked.list.ways.map((way) => way.tier))].sort(), [1, 2, 3, 4]);
    for (const way of checked.list.ways) assert.ok(way.title.cy && way.description.cy, `${way.id} has Welsh`);
  });

  it('takes a list and fills in what was left out, in the shape the widget is served', () => {
    const checked = checkPledgeList(list([way()]));
    assert.ok(checked.ok);
    assert.deepEqual(checked.list.ways[0], {
      id: 'litter-pick', title: { en: 'Litter picks' }, description: { en: 'Picking litter in parks, with gloves and bags we provide.' },
      tier: 2, boundaries: [], areas: ['north'], fromHome: false, openToYoungPeople: false, partner: null,
    });
    assert.equal(checked.list.intro, null);
  });

  it('needs a partner organisation for tier 3 and 4 tasks, and only for them', () => {
    assert.match(problemsOf(list([way({ tier: 4 })])).join('\n'), /ways\.0: a tier 3 or 4 task names the partner organisation/);
    assert.match(problemsOf(list([way({ tier: 1, partner: { name: { en: 'Volunteer Centre' } } })])).join('\n'), /only tier 3 and 4 tasks have a partner/);
    assert.ok(checkPledgeList(list([way({ tier: 3, partner: { name: { en: 'Volunteer Centre' } } })])).ok);
  });

  it('keeps tier 4 tasks for adults', () => {
    assert.match(problemsOf(list([way({ tier: 4, partner: { name: { en: 'Care partner' } }, openToYoungPeople: true })])).join('\n'), /not open to 16 and 17 year olds/);
  });

  it('refuses a task with no area that is not done from home, and areas the list does not have', () => {
    assert.match(problemsOf(list([way({ areas: [] })])).join('\n'), /at least one area, or is done from home/);
    assert.ok(checkPledgeList(list([way({ areas: [], fromHome: true, tier: 1 })])).ok);
    assert.match(problemsOf(list([way({ areas: ['east'] })])).join('\n'), /must be one of the list's "areas"/);
    assert.match(problemsOf(list([way({ areas: ['north', 'north'] })])).join('\n'), /must not name an area twice/);
  });

  it('names each problem by its field: unknown settings, tiers, ids used twice', () => {
    const problems = problemsOf(list([way({ tier: 5, colour: 'red' }), way()], { areas: [{ id: 'north', name: { en: 'North' } }, { id: 'north', name: { en: 'North again' } }] }));
    assert.ok(problems.some((problem) => problem.startsWith('ways.0.tier: must be a risk tier')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.startsWith('ways.0.colour: is not a way to help setting')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.startsWith('areas: must not use an area id twice')), problems.join('\n'));
    assert.ok(problemsOf(list([way(), way()])).some((problem) => problem.startsWith('ways: must not use a way to help id twice')));
    assert.ok(problemsOf(list([])).some((problem) => problem.startsWith('ways: must have at least one way to help')));
  });
});
