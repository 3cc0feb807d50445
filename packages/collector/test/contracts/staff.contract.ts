// The staff part's contract: accounts, sessions (expiry, the idle limit, use), and the
// failed sign-ins the sign-in limits count (by email, by address, by both).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOUR, MINUTE, NOW, withStore } from './support.js';
import type { OpenStore } from './support.js';
import type { StaffStore } from '../../src/store/store.js';

const EMAIL = 'officer@example-council.gov.uk';
const IDLE_MS = 30 * MINUTE;

/** An account (made if new) and a new session of it, from NOW for 8 hours. */
async function signedIn(staff: StaffStore, idHash = 'hash-1', email = EMAIL) {
  if (!(await staff.findUser(email))) await staff.saveUser(email, 'password-hash', NOW);
  const user = await staff.findUser(email);
  assert.ok(user);
  await staff.createSession({ idHash, userId: user.id, csrfToken: `csrf-${idHash}`, createdAt: NOW, expiresAt: NOW + 8 * HOUR });
  return user;
}

export function staffContract(name: string, open: OpenStore<{ staff: StaffStore }>) {
  describe(`${name}: staff`, () => {
    it('creates an account, then replaces its password, and finds it by email', () =>
      withStore(open, async ({ staff }) => {
        assert.equal(await staff.findUser(EMAIL), undefined);
        assert.equal(await staff.saveUser(EMAIL, 'first-hash', NOW), 'created');
        const created = await staff.findUser(EMAIL);
        assert.deepEqual(created && { email: created.email, passwordHash: created.passwordHash, createdAt: created.createdAt }, { email: EMAIL, passwordHash: 'first-hash', createdAt: NOW });
        assert.equal(await staff.saveUser(EMAIL, 'second-hash', NOW + HOUR), 'updated');
        const updated = await staff.findUser(EMAIL);
        assert.deepEqual(updated, { ...created, passwordHash: 'second-hash' }, 'same id, first creation time');
      }));

    it('lists accounts by email', () =>
      withStore(open, async ({ staff }) => {
        assert.deepEqual(await staff.listUsers(), []);
        await staff.saveUser('zoe@example.gov.uk', 'h', NOW);
        await staff.saveUser('adam@example.gov.uk', 'h', NOW + 1);
        assert.deepEqual(await staff.listUsers(), [{ email: 'adam@example.gov.uk', createdAt: NOW + 1 }, { email: 'zoe@example.gov.uk', createdAt: NOW }]);
      }));

    it('removes an account with its sessions; false for one it does not have', () =>
      withStore(open, async ({ staff }) => {
        await signedIn(staff);
        await signedIn(staff, 'hash-other', 'other@example.gov.uk');
        assert.equal(await staff.removeUser(EMAIL), true);
        assert.equal(await staff.findUser(EMAIL), undefined);
        assert.equal(await staff.findSession('hash-1', NOW, IDLE_MS), undefined);
        assert.equal(await staff.removeUser(EMAIL), false);
        assert.ok(await staff.findSession('hash-other', NOW, IDLE_MS), 'other accounts keep theirs');
      }));

    it('finds a session by its id hash, with its account and CSRF token; undefined for another hash', () =>
      withStore(open, async ({ staff }) => {
        const user = await signedIn(staff);
        assert.deepEqual(await staff.findSession('hash-1', NOW + MINUTE, IDLE_MS), { userId: user.id, email: EMAIL, csrfToken: 'csrf-hash-1', expiresAt: NOW + 8 * HOUR });
        assert.equal(await staff.findSession('no-such-hash', NOW, IDLE_MS), undefined);
      }));

    it('ends a session at its expiry, however busy', () =>
      withStore(open, async ({ staff }) => {
        await signedIn(staff);
        assert.ok(await staff.findSession('hash-1', NOW + 8 * HOUR - 1, Infinity));
        assert.equal(await staff.findSession('hash-1', NOW + 8 * HOUR, Infinity), undefined);
      }));

    it('ends a session left unused for idleMs, and keeps one in use going', () =>
      withStore(open, async ({ staff }) => {
        await signedIn(staff);
        await signedIn(staff, 'hash-2');
        // Used after 20 minutes, then 20 minutes more: each use restarts the idle time.
        assert.ok(await staff.findSession('hash-1', NOW + 20 * MINUTE, IDLE_MS));
        assert.ok(await staff.findSession('hash-1', NOW + 40 * MINUTE, IDLE_MS));
        // Then 30 minutes with nothing: gone.
        assert.equal(await staff.findSession('hash-1', NOW + 70 * MINUTE, IDLE_MS), undefined);
        // One never used after it began: 30 minutes from its start.
        assert.equal(await staff.findSession('hash-2', NOW + 30 * MINUTE, IDLE_MS), undefined);
      }));

    it('deletes a session (signing out), leaving the others', () =>
      withStore(open, async ({ staff }) => {
        await signedIn(staff);
        await signedIn(staff, 'hash-2');
        await staff.deleteSession('hash-1');
        await staff.deleteSession('no-such-hash');
        assert.equal(await staff.findSession('hash-1', NOW, IDLE_MS), undefined);
        assert.ok(await staff.findSession('hash-2', NOW, IDLE_MS));
      }));

    it('ends every session of an account whose password is replaced', () =>
      withStore(open, async ({ staff }) => {
        await signedIn(staff);
        await staff.saveUser(EMAIL, 'new-hash', NOW + MINUTE);
        assert.equal(await staff.findSession('hash-1', NOW + MINUTE, IDLE_MS), undefined);
      }));

    it('gives the times of sign-in failures for an email since a time, newest first, at most a limit', () =>
      withStore(open, async ({ staff }) => {
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL }, 0, 10), []);
        for (const at of [NOW - 20 * MINUTE, NOW, NOW - 10 * MINUTE]) await staff.recordSignInFailure({ email: EMAIL, address: '192.0.2.1' }, at);
        await staff.recordSignInFailure({ email: 'other@example.gov.uk', address: '192.0.2.1' }, NOW);
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL }, NOW - 15 * MINUTE, 10), [NOW, NOW - 10 * MINUTE]);
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL }, NOW, 10), [NOW], 'since is inclusive');
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL }, 0, 2), [NOW, NOW - 10 * MINUTE]);
      }));

    it('gives failures by address over every email, and by the email and address together', () =>
      withStore(open, async ({ staff }) => {
        await staff.recordSignInFailure({ email: EMAIL, address: '192.0.2.1' }, NOW - 2);
        await staff.recordSignInFailure({ email: 'other@example.gov.uk', address: '192.0.2.1' }, NOW - 1);
        await staff.recordSignInFailure({ email: EMAIL, address: '2001:db8::1' }, NOW);
        assert.deepEqual(await staff.recentSignInFailures({ address: '192.0.2.1' }, 0, 10), [NOW - 1, NOW - 2]);
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL, address: '192.0.2.1' }, 0, 10), [NOW - 2]);
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL, address: '2001:db8::1' }, 0, 10), [NOW]);
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL }, 0, 10), [NOW, NOW - 2]);
      }));

    it("clears one address's failures for an email, leaving those from other addresses", () =>
      withStore(open, async ({ staff }) => {
        await staff.recordSignInFailure({ email: EMAIL, address: '192.0.2.1' }, NOW);
        await staff.recordSignInFailure({ email: EMAIL, address: '192.0.2.66' }, NOW);
        await staff.recordSignInFailure({ email: 'other@example.gov.uk', address: '192.0.2.1' }, NOW);
        await staff.clearSignInFailures({ email: EMAIL, address: '192.0.2.1' });
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL, address: '192.0.2.1' }, 0, 10), []);
        assert.deepEqual(await staff.recentSignInFailures({ email: EMAIL, address: '192.0.2.66' }, 0, 10), [NOW], "an attacker's stay counted");
        assert.deepEqual(await staff.recentSignInFailures({ email: 'other@example.gov.uk' }, 0, 10), [NOW]);
      }));
  });
}
