// The small rules under the sign-in limits: the network an address counts as, the delay an
// email's failures earn, and how a wait is worded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkOf } from '../src/dashboard/network-address.js';
import { waitFor } from '../src/dashboard/sign-in-refusals.js';
import { accountDelayMs } from '../src/dashboard/sign-in-limits.js';

describe('the network of an address', () => {
  it('keeps IPv4 as it is, also when mapped into IPv6', () => {
    assert.equal(networkOf('203.0.113.9'), '203.0.113.9');
    assert.equal(networkOf('::ffff:203.0.113.9'), '203.0.113.9');
  });

  it('counts IPv6 by its /64, however it is written', () => {
    assert.equal(networkOf('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(networkOf('::1'), '0:0:0:0::/64');
  });
});

describe('the delay for an email failed from many addresses', () => {
  it('is none below 10 failures, then 1 s doubling, at most a minute', () => {
    assert.deepEqual([0, 9, 10, 11, 12, 15, 16, 40].map((failures) => accountDelayMs(failures)), [0, 0, 1000, 2000, 4000, 32000, 60000, 60000]);
  });

  it('starts where the council sets it', () => {
    assert.deepEqual([3, 4, 5, 10, 11].map((failures) => accountDelayMs(failures, 4)), [0, 1000, 2000, 60000, 60000]);
  });
});

describe('a wait in words', () => {
  it('rounds up, in seconds under a minute, then minutes', () => {
    assert.deepEqual([1, 1000, 1001, 59_000, 60_000, 60_001, 14.5 * 60_000].map(waitFor), ['1 second', '1 second', '2 seconds', '59 seconds', '1 minute', '2 minutes', '15 minutes']);
  });
});
