// The sign-in limits over real HTTP, a real SQLite file and real scrypt: per email and network
// address (locked a while), per address over every email (spraying), per email over every
// address (slowed, never locked), and a few hashes at once. Other people are other loopback
// addresses. Time passes by recording failures in the store at chosen past instants.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../src/dashboard/passwords.js';
import { HASH_QUEUE, HASH_SLOTS } from '../src/dashboard/sign-in.js';
import { ACCOUNT_SLOW_AFTER, ADDRESS_MAX_FAILURES, PAIR_MAX_FAILURES, WINDOW_MS } from '../src/dashboard/sign-in-limits.js';
import { browserish, startDashboard } from '../test-support/dashboard.js';

let collector: Awaited<ReturnType<typeof startDashboard>>;
before(async () => {
  collector = await startDashboard();
});
after(() => collector.close());

const PASSWORD = 'the right password';
let accounts = 0;
/** A new account, so each test starts with no failures of its own. */
async function newAccount() {
  const email = `person${++accounts}@example-council.gov.uk`;
  await collector.store.staff.saveUser(email, await hashPassword(PASSWORD), Date.now());
  return email;
}

const from = (address: string) => browserish(collector.url, {}, { from: address });

/** Failures as if they had happened at `at`, from each address given. */
async function failed(email: string, addresses: string[], at: number) {
  for (const address of addresses) await collector.store.staff.recordSignInFailure({ email, address }, at);
}

function assertRefusedPage(response: Awaited<ReturnType<ReturnType<typeof browserish>['request']>>, status: number, message: RegExp) {
  assert.equal(response.status, status);
  assert.match(response.text, /<title>Error: Sign in/);
  assert.match(response.text, /There is a problem/);
  const summary = /<a href="#email">([^<]+)<\/a>/.exec(response.text)?.[1] ?? '';
  assert.match(summary, message);
  assert.match(response.text, /aria-describedby="email-error"/);
  assert.ok(!response.setCookies.some((line) => line.includes('tandem_session=')));
}

const retryAfter = (response: { headers: Headers }) => Number(response.headers.get('retry-after'));

describe('sign-in limits per email and network address', () => {
  it('refuses an address after 5 wrong passwords for an email, even the right one, while the owner signs in from another', async () => {
    const email = await newAccount();
    const attacker = from('127.0.0.2');
    for (let i = 0; i < PAIR_MAX_FAILURES; i++) assert.equal((await attacker.signIn(email, `wrong ${i}`)).status, 401);
    const refused = await attacker.signIn(email, PASSWORD);
    assertRefusedPage(refused, 429, /too many failed attempts to sign in with this email address from your network\. Wait 15 minutes/);
    assert.ok(retryAfter(refused) > 14 * 60 && retryAfter(refused) <= 15 * 60, String(retryAfter(refused)));
    assert.equal((await from('127.0.0.3').signIn(email, PASSWORD)).status, 303, 'the owner, elsewhere');
    assert.equal((await attacker.signIn(email, PASSWORD)).status, 429, "the owner's sign-in does not lift the attacker's");
  });

  it("lets the address try again once its failures are older than 15 minutes", async () => {
    const email = await newAccount();
    await failed(email, Array(PAIR_MAX_FAILURES).fill('127.0.0.2'), Date.now() - WINDOW_MS + 60_000);
    const refused = await from('127.0.0.2').signIn(email, PASSWORD);
    assertRefusedPage(refused, 429, /Wait 1 minute,/);
    assert.ok(retryAfter(refused) > 50 && retryAfter(refused) <= 60, String(retryAfter(refused)));
    await collector.store.staff.clearSignInFailures({ email, address: '127.0.0.2' });
    await failed(email, Array(PAIR_MAX_FAILURES).fill('127.0.0.2'), Date.now() - WINDOW_MS);
    assert.equal((await from('127.0.0.2').signIn(email, PASSWORD)).status, 303);
  });

  it('counts an email with no account the same, so a refusal does not tell which emails exist', async () => {
    const ghost = 'ghost@example-council.gov.uk';
    for (let i = 0; i < PAIR_MAX_FAILURES; i++) assert.equal((await from('127.0.0.2').signIn(ghost, 'x')).status, 401);
    assertRefusedPage(await from('127.0.0.2').signIn(ghost, 'x'), 429, /from your network/);
  });
});

describe('sign-in limit per network address over every email', () => {
  it(`refuses an address with ${ADDRESS_MAX_FAILURES} failures in 15 minutes for any email, without checking the password; other addresses go on`, async () => {
    const email = await newAccount();
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) await failed(`sprayed${i}@example-council.gov.uk`, ['127.0.0.4'], Date.now() - i * 1000);
    const refused = await from('127.0.0.4').signIn(email, PASSWORD);
    assertRefusedPage(refused, 429, /too many failed attempts to sign in from your network\. Wait 15 minutes/);
    assert.ok(retryAfter(refused) > 14 * 60, String(retryAfter(refused)));
    // Refused before its password was checked: nothing more was recorded.
    assert.equal((await collector.store.staff.recentSignInFailures({ address: '127.0.0.4' }, 0, 100)).length, ADDRESS_MAX_FAILURES);
    assert.equal((await from('127.0.0.5').signIn(email, PASSWORD)).status, 303);
  });
});

describe('sign-in limit per email over every address: slowed, never locked', () => {
  const addresses = (n: number) => Array.from({ length: n }, (_, i) => `192.0.2.${i + 1}`);

  it(`does not slow an email below ${ACCOUNT_SLOW_AFTER} failures`, async () => {
    const email = await newAccount();
    await failed(email, addresses(ACCOUNT_SLOW_AFTER - 1), Date.now());
    assert.equal((await from('127.0.0.6').signIn(email, PASSWORD)).status, 303);
  });

  it('then makes each attempt wait after the last failure, 1 s, doubling to at most a minute, even with the right password', async () => {
    const email = await newAccount();
    await failed(email, addresses(ACCOUNT_SLOW_AFTER), Date.now());
    const first = await from('127.0.0.6').signIn(email, PASSWORD);
    assertRefusedPage(first, 429, /many failed attempts to sign in with this email address\. Wait 1 second,/);
    assert.equal(retryAfter(first), 1);
    await failed(email, addresses(6), Date.now());
    const longest = await from('127.0.0.6').signIn(email, PASSWORD);
    assertRefusedPage(longest, 429, /Wait 1 minute,/);
    assert.ok(retryAfter(longest) > 50 && retryAfter(longest) <= 60, String(retryAfter(longest)));
  });

  it('lets the owner in once the delay since the last failure has passed, however many failures', async () => {
    const email = await newAccount();
    await failed(email, addresses(40), Date.now() - 60_001);
    assert.equal((await from('127.0.0.6').signIn(email, PASSWORD)).status, 303);
  });
});

describe('password hashes at once', () => {
  it(`hashes at most ${HASH_SLOTS} at once with ${HASH_QUEUE} waiting; more get 503 with Retry-After, and the page stays`, async () => {
    const count = HASH_SLOTS + HASH_QUEUE + 8;
    // Different emails and addresses, so no other limit is reached; the forms fetched first,
    // so that every POST arrives together, well within one hash.
    const clients = Array.from({ length: count }, (_, i) => from(`127.0.1.${i + 1}`));
    const tokens = await Promise.all(clients.map(async (client) => client.tokenIn((await client.request('/dashboard/sign-in')).text)));
    const responses = await Promise.all(clients.map((client, i) =>
      client.request('/dashboard/sign-in', { method: 'POST', form: { _csrf: tokens[i] as string, email: `burst${i}@example-council.gov.uk`, password: 'wrong' } })));
    const statuses = responses.map((response) => response.status);
    assert.ok(statuses.filter((status) => status === 401).length >= HASH_SLOTS + HASH_QUEUE, statuses.join(' '));
    const busy = responses.filter((response) => response.status === 503);
    assert.ok(busy.length >= 1, statuses.join(' '));
    for (const response of busy) {
      assertRefusedPage(response, 503, /busy signing other people in\. Wait 2 seconds/);
      assert.equal(retryAfter(response), 2);
    }
  });
});

describe('sign-in limits set by the council', () => {
  it('takes each limit from limits.signInFailures… in the configuration', async () => {
    const tuned = await startDashboard({
      limits: {
        perIpPerMinute: 100000, perSitePerMinute: 100000, newParticipantsPerAddressPerHour: 100000,
        signInFailuresPerAddressAndAccount: 2, signInFailuresPerAddress: 3, signInFailuresBeforeSlowing: 4,
      },
    });
    try {
      const email = 'tuned@example-council.gov.uk';
      await tuned.store.staff.saveUser(email, await hashPassword(PASSWORD), Date.now());
      const at = (address: string) => browserish(tuned.url, {}, { from: address });
      // Two wrong passwords from one address, and that address is refused for that email.
      for (let i = 0; i < 2; i++) assert.equal((await at('127.0.0.2').signIn(email, 'wrong')).status, 401);
      assert.equal((await at('127.0.0.2').signIn(email, PASSWORD)).status, 429);
      // A third failure from it, for another email, and it is refused for every email.
      assert.equal((await at('127.0.0.2').signIn('nobody@example-council.gov.uk', 'wrong')).status, 401);
      assert.equal((await at('127.0.0.2').signIn('someone@example-council.gov.uk', 'wrong')).status, 429);
      // Four failures for the email in all (two more from elsewhere), and it is slowed everywhere.
      for (const address of ['127.0.0.3', '127.0.0.4']) assert.equal((await at(address).signIn(email, 'wrong')).status, 401);
      assert.equal((await at('127.0.0.5').signIn(email, PASSWORD)).status, 429);
    } finally {
      await tuned.close();
    }
  });
});
