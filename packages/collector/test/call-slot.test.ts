// The time of the week a call for help falls in, by UK clocks (GMT in winter, BST in summer),
// and UK clock times read as instants, across both changes of the clocks.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { slotOf } from '../src/pledges/call-slot.js';
import { ukInstant } from '../src/dashboard/views/format.js';

it('reads mornings, afternoons and evenings by UK clocks, and weekends by the UK day', () => {
  assert.equal(slotOf(Date.UTC(2027, 0, 4, 11, 59)), 'weekdays-mornings'); // Monday 11:59 GMT
  assert.equal(slotOf(Date.UTC(2027, 0, 4, 12, 0)), 'weekdays-afternoons');
  assert.equal(slotOf(Date.UTC(2027, 0, 4, 17, 0)), 'weekdays-evenings');
  // 11:30 UTC in July is 12:30 BST: an afternoon.
  assert.equal(slotOf(Date.UTC(2027, 6, 5, 11, 30)), 'weekdays-afternoons');
  // 23:30 UTC on a Friday in July is 00:30 BST on Saturday: a weekend morning.
  assert.equal(slotOf(Date.UTC(2027, 6, 9, 23, 30)), 'weekends-mornings');
  assert.equal(slotOf(Date.UTC(2027, 6, 11, 20, 0)), 'weekends-evenings'); // Sunday
});

it('reads a UK date and clock time as the instant, GMT or BST, either side of the changes', () => {
  assert.equal(ukInstant(2027, 1, 15, 9, 30), Date.UTC(2027, 0, 15, 9, 30));
  assert.equal(ukInstant(2027, 7, 15, 9, 30), Date.UTC(2027, 6, 15, 8, 30));
  // 28 March 2027: clocks go forward at 01:00 GMT; 03:00 BST is 02:00 UTC.
  assert.equal(ukInstant(2027, 3, 28, 0, 30), Date.UTC(2027, 2, 28, 0, 30));
  assert.equal(ukInstant(2027, 3, 28, 3, 0), Date.UTC(2027, 2, 28, 2, 0));
  // 31 October 2027: clocks go back at 01:00 GMT; 09:00 that morning is GMT.
  assert.equal(ukInstant(2027, 10, 31, 9, 0), Date.UTC(2027, 9, 31, 9, 0));
});

it('reads a time the spring change skips as the clocks would show it, an hour on', () => {
  // 01:30 on 28 March 2027 never happens in the UK: the clocks go from 01:00 GMT to 02:00 BST.
  assert.equal(ukInstant(2027, 3, 28, 1, 30), Date.UTC(2027, 2, 28, 1, 30)); // 02:30 BST
  assert.equal(ukInstant(2027, 3, 28, 1, 0), Date.UTC(2027, 2, 28, 1, 0));
  assert.equal(ukInstant(2027, 3, 28, 2, 0), Date.UTC(2027, 2, 28, 1, 0));
});
