import { expect } from '@esm-bundle/chai';
import { Outbox, retryAfter, type OutboxOptions } from '../src/outbox.js';
import { DeviceStore, MemoryStore, type OutboxItem, type OutboxStore } from '../src/outbox-store.js';
import { FakeClock } from '../../../test/support/fake-clock.js';
import {
  captureConsole,
  collector,
  databaseExists,
  deleteDatabase,
  drive,
  makeSubmission,
  quiet,
  storedIds,
  uniqueDatabase,
  waitFor,
  waitForAccepted,
  watchForProblems,
  type Collector,
  type Step,
} from './outbox-support.js';

// Every test talks to the real collector stand-in over HTTP and, unless it says otherwise, keeps
// its outbox in a real IndexedDB database of its own. Each outbox runs on a test clock, at the
// outbox's own delays (2 s first retry, 10 s timeout): time moves only when a test moves it,
// so a test knows the exact delay chosen, and that nothing was sent before it.
const TIMEOUT = 10000;
const BASE = 2000;

/** Counts calls to a real store, to catch an outbox that spins. */
class CountingStore implements OutboxStore {
  reads = 0;
  constructor(private readonly inner: OutboxStore) {}
  put(item: OutboxItem) {
    return this.inner.put(item);
  }
  delete(id: string) {
    return this.inner.delete(id);
  }
  all() {
    this.reads += 1;
    return this.inner.all();
  }
}

describe('Outbox, against a real collector', () => {
  let outboxes: Outbox[] = [];
  let databases: string[] = [];
  let watch: ReturnType<typeof watchForProblems>;
  let clock: FakeClock;

  const database = () => {
    const name = uniqueDatabase();
    databases.push(name);
    return name;
  };
  const make = (options: Partial<OutboxOptions> = {}) => {
    const outbox = new Outbox({ clock, ...options });
    outboxes.push(outbox);
    return outbox;
  };
  const withDevice = (options: Partial<OutboxOptions> = {}) => {
    const name = database();
    return { name, outbox: make({ store: new DeviceStore(name), ...options }) };
  };
  /** Runs the clock until the collector has accepted every id and the device holds none. */
  const deliver = (outbox: Outbox, at: Collector, name: string, ids: string[]) =>
    drive(outbox, at, clock, async () => {
      const received = await at.received();
      return ids.every((id) => received.accepted[id]) && (await storedIds(name)).length === 0;
    }, `${ids.length} submission(s) to be delivered and deleted`);
  /** Waits until a request has reached the collector and is being held there. */
  const held = (at: Collector, count = 1) =>
    waitFor(async () => (await at.received()).log.filter((entry) => entry.step === 'hang' && entry.heldMs === undefined).length === count, 'the request to be held');

  beforeEach(() => {
    watch = watchForProblems();
    clock = new FakeClock(Date.now());
  });

  afterEach(async () => {
    watch.stop();
    outboxes.forEach((outbox) => outbox.stop());
    outboxes = [];
    await Promise.all(databases.map(deleteDatabase));
    databases = [];
    expect(watch.problems, 'errors that reached the page').to.deep.equal([]);
  });

  describe('storage on the device', () => {
    it('stores nothing before a submission, holds it while sending, and deletes it after a 2xx', async () => {
      const { name, outbox } = withDevice();
      // What a page load does: look for earlier answers. That must not create the database.
      await outbox.flush();
      expect(await outbox.pending()).to.deep.equal([]);
      expect(await databaseExists(name), 'database made before any submission').to.equal(false);

      const at = await collector(['hang']);
      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      // The collector holds the request until the clock reaches the timeout: all that while,
      // the answer is on the device.
      await held(at);
      expect(await storedIds(name), 'stored while it is sent').to.deep.equal([submission.id]);
      expect((await at.received()).accepted[submission.id], 'already answered').to.equal(undefined);

      clock.advance(TIMEOUT);
      expect(await delivery).to.deep.equal({ status: 'queued', reason: 'TimeoutError' });
      await deliver(outbox, at, name, [submission.id]);
      const received = await at.received();
      expect(received.stored[submission.id]).to.deep.equal(submission);
      expect(received.accepted[submission.id]).to.equal(1);
    });

    it('keeps a queued submission on the device, with its attempts, until the collector takes it', async () => {
      const { name, outbox } = withDevice();
      const at = await collector([{ status: 503 }]);
      const submission = makeSubmission();

      const delivery = await outbox.submit(submission, at.url);
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 503' });
      expect(await storedIds(name)).to.deep.equal([submission.id]);
      const [item] = await outbox.pending();
      expect(item!.attempts).to.equal(1);
      expect(item!.url).to.equal(at.url);
      const due = item!.nextAttemptAt - clock.dateNow();
      expect(due, 'first retry, 2 s ± 20 %').to.be.within(0.8 * BASE, 1.2 * BASE);

      // The retry timer sends it without anyone calling flush(), when it is due and not before.
      await waitFor(() => quiet(outbox, at, clock), 'the retry timer');
      clock.advance(due - 1);
      expect((await at.received()).attempts, 'attempts a moment before the retry is due').to.equal(1);
      clock.advance(1);
      const received = await waitForAccepted(at, [submission.id]);
      expect(received.accepted[submission.id]).to.equal(1);
      await waitFor(async () => (await storedIds(name)).length === 0, 'the delivered submission to be deleted');
    });

    it('lets another tab, or a newer version, delete or upgrade its database', async () => {
      const { name, outbox } = withDevice();
      const at = await collector([{ status: 500 }]);
      await outbox.submit(makeSubmission(), at.url);
      expect(await outbox.pending()).to.have.length(1);
      expect(await deleteDatabase(name), 'deleting while the outbox has it open').to.equal('deleted');
    });
  });

  describe('failures, then the collector comes back', () => {
    /** Submits one answer into `script`, runs the clock until it is delivered, and checks it arrived once. */
    const deliversOnce = async (script: Step[], options: Partial<OutboxOptions> = {}) => {
      const { name, outbox } = withDevice(options);
      const at = await collector(script);
      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      const waits = await deliver(outbox, at, name, [submission.id]);
      const received = await at.received();
      expect(received.accepted[submission.id]).to.equal(1);
      expect(received.stored[submission.id]).to.deep.equal(submission);
      expect(await outbox.pending()).to.deep.equal([]);
      return { delivery: await delivery, received, waits };
    };

    it('retries after the connection is dropped', async () => {
      const { delivery, received, waits } = await deliversOnce(['drop', 'drop']);
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'TypeError' });
      expect(received.attempts).to.equal(3);
      expect(waits).to.have.length(2);
    });

    it('gives up an attempt that hangs after timeoutMs, and retries', async () => {
      const { name, outbox } = withDevice({ timeoutMs: 3000 });
      const at = await collector(['hang']);
      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await held(at);
      expect(clock.pending(), 'the timeout, and no other timer').to.deep.equal([3000]);
      clock.advance(2999);
      expect((await at.received()).log[0]!.heldMs, 'let go before the timeout').to.equal(undefined);
      clock.advance(1);
      expect((await delivery).status).to.equal('queued');
      expect(await storedIds(name)).to.deep.equal([submission.id]);
      await deliver(outbox, at, name, [submission.id]);
      const received = await at.received();
      expect(received.accepted[submission.id]).to.equal(1);
      expect(received.attempts).to.equal(2);
      // The browser really let go of it: a request left hanging holds one of six connections.
      expect(received.log[0]!.heldMs, 'real ms the hanging request was held').to.be.a('number');
    });

    it('honours Retry-After on a 429: no retry before it', async () => {
      const { delivery, received, waits } = await deliversOnce([{ status: 429, retryAfter: '30' }]);
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 429' });
      expect(received.log).to.have.length(2);
      // The backoff alone would have retried after 1.6–2.4 s.
      expect(waits, 'ms between the 429 and the retry').to.deep.equal([30000]);
    });

    it('never retries sooner than the backoff, whatever Retry-After says', async () => {
      const { waits } = await deliversOnce([{ status: 503, retryAfter: '0' }]);
      expect(waits[0]).to.be.within(0.8 * BASE, 1.2 * BASE);
    });

    it('retries after 500s with delays that double, up to maxDelayMs', async () => {
      const { delivery, received, waits } = await deliversOnce(Array<Step>(5).fill({ status: 500 }), { maxDelayMs: 10000 });
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 500' });
      expect(received.attempts).to.equal(6);
      // 2, 4, 8, 10 (the cap), 10 s, each with ±20 % jitter.
      [2000, 4000, 8000, 10000, 10000].forEach((delay, i) => expect(waits[i], `wait ${i + 1}`).to.be.within(0.8 * delay, 1.2 * delay));
      expect(waits).to.have.length(5);
    });

    it('comes through a drop, a hang, a 429 and a 500 in a row, stored exactly once', async () => {
      const { received, waits } = await deliversOnce(['drop', 'hang', { status: 429, retryAfter: '60' }, { status: 500 }]);
      expect(received.attempts).to.equal(5);
      expect(waits[1], 'the hang, given up at the timeout').to.equal(TIMEOUT);
      expect(waits[2], 'after the hang, the second backoff').to.be.within(0.8 * 4000, 1.2 * 4000);
      expect(waits[3], 'after the 429').to.equal(60000);
      expect(received.log.map((entry) => entry.contentType)).to.deep.equal(Array(5).fill('text/plain;charset=UTF-8'));
    });

    it('drops a submission the collector refuses with a 400, says so in the console, and never retries it', async () => {
      const { name, outbox } = withDevice();
      const at = await collector([{ status: 400 }]);
      const submission = makeSubmission();
      const errors = captureConsole('error');
      try {
        const delivery = await outbox.submit(submission, at.url);
        expect(delivery).to.include({ status: 'rejected', httpStatus: 400 });
        expect(errors.text()).to.contain(submission.id).and.to.contain('400');
      } finally {
        errors.restore();
      }
      expect(await storedIds(name)).to.deep.equal([]);
      await outbox.flush();
      expect(clock.pending(), 'timers left to retry it').to.deep.equal([]);
      const received = await at.received();
      expect(received.attempts).to.equal(1);
      expect(received.stored).to.deep.equal({});
    });
  });

  describe('giving up', () => {
    it('gives up a submission it could not deliver within maxAgeMs', async () => {
      const maxAgeMs = 60000;
      const { name, outbox } = withDevice({ maxAgeMs });
      const at = await collector(Array<Step>(50).fill({ status: 503 }));
      const submission = makeSubmission();
      const warnings = captureConsole('warn');
      const created = clock.dateNow();
      try {
        expect((await outbox.submit(submission, at.url)).status).to.equal('queued');
        await drive(outbox, at, clock, async () => (await storedIds(name)).length === 0, 'the old submission to be given up', maxAgeMs);
        expect(warnings.text()).to.contain(`Gave up sending answer ${submission.id}`);
      } finally {
        warnings.restore();
      }
      expect(clock.dateNow() - created, 'given up just after maxAgeMs').to.equal(maxAgeMs + 1);
      // 2 + 4 + 8 + 16 s of backoff (±20 %) fit in the minute; the fifth retry would not.
      expect((await at.received()).attempts).to.be.within(5, 6);
      expect(clock.pending(), 'timers left once given up').to.deep.equal([]);
      expect(await outbox.pending()).to.deep.equal([]);
    });

    it('gives up, without sending, what an earlier page left longer ago than maxAgeMs', async () => {
      const name = database();
      const at = await collector();
      const old = makeSubmission();
      const recent = makeSubmission();
      const day = 24 * 60 * 60 * 1000;
      const now = clock.dateNow();
      const earlier = new DeviceStore(name);
      await earlier.put({ submission: old, url: at.url, createdAt: now - 8 * day, attempts: 40, nextAttemptAt: now - day });
      await earlier.put({ submission: recent, url: at.url, createdAt: now - 6 * day, attempts: 30, nextAttemptAt: now - day });

      const warnings = captureConsole('warn');
      try {
        await make({ store: new DeviceStore(name), maxAgeMs: 7 * day }).flush();
      } finally {
        warnings.restore();
      }
      expect(warnings.text()).to.contain(old.id);
      const received = await at.received();
      expect(Object.keys(received.accepted)).to.deep.equal([recent.id]);
      expect(await storedIds(name)).to.deep.equal([]);
    });
  });

  it('delivers 30 submissions through a flaky collector exactly once each', async () => {
    const { name, outbox } = withDevice();
    const flaky: Step[] = ['drop', { status: 500 }, 'ok', { status: 429, retryAfter: '0' }, 'ok', { status: 503 }, 'drop', 'ok', { status: 502 }];
    const at = await collector([...flaky, ...flaky, 'hang', ...flaky, ...flaky, 'hang', ...flaky]);
    const submissions = Array.from({ length: 30 }, (_, i) => makeSubmission({ useful: i % 2 === 0, comment: `Answer ${i}` }));

    const deliveries = Promise.all(submissions.map((submission) => outbox.submit(submission, at.url)));
    const ids = submissions.map((submission) => submission.id);
    await deliver(outbox, at, name, ids);
    expect((await deliveries).filter((delivery) => delivery.status === 'sent').length, 'sent at once').to.be.within(1, 29);
    // Every send the outbox started has finished: nothing more can reach the collector.
    await outbox.flush();
    const final = await at.received();
    expect(Object.keys(final.stored).sort()).to.deep.equal([...ids].sort());
    expect(Object.values(final.accepted), 'acceptances per id').to.deep.equal(Array(30).fill(1));
    for (const submission of submissions) expect(final.stored[submission.id]).to.deep.equal(submission);
  });

  describe('sends that overlap', () => {
    it('does not send again what a submit has just delivered while a flush was under way', async () => {
      const { name, outbox } = withDevice();
      const at = await collector([{ delay: 150 }, { delay: 500 }]);
      // Left by an earlier page, so a flush has something slow to send first.
      const earlier = makeSubmission();
      await new DeviceStore(name).put({ submission: earlier, url: at.url, createdAt: clock.dateNow() - 1000, attempts: 1, nextAttemptAt: 0 });

      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await waitFor(async () => (await at.received()).attempts === 1, 'the submission to reach the collector');
      await outbox.flush();
      expect(await delivery).to.deep.equal({ status: 'sent' });

      // Both have finished every send they started.
      const received = await at.received();
      expect(received.accepted).to.deep.equal({ [earlier.id]: 1, [submission.id]: 1 });
      expect(await storedIds(name)).to.deep.equal([]);
    });

    it('does not retry before Retry-After because a flush was under way', async () => {
      const { outbox, name } = withDevice();
      const at = await collector([{ delay: 150, status: 429, retryAfter: '20' }, { delay: 500 }]);
      const earlier = makeSubmission();
      await new DeviceStore(name).put({ submission: earlier, url: at.url, createdAt: clock.dateNow() - 1000, attempts: 1, nextAttemptAt: 0 });

      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await waitFor(async () => (await at.received()).attempts === 1, 'the submission to reach the collector');
      // This flush listed the submission as due before the 429 came back.
      await outbox.flush();
      expect(await delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 429' });
      expect((await at.received()).log.filter((entry) => entry.id === submission.id), 'requests for it, the clock not moved').to.have.length(1);

      const waits = await deliver(outbox, at, name, [submission.id]);
      expect(waits, 'ms between the 429 and the retry').to.deep.equal([20000]);
      expect((await at.received()).accepted[submission.id]).to.equal(1);
    });

    it('keeps an offer of help that cannot be sent yet in this page\'s memory only, never on the device, and sends it once back', async () => {
      const { name, outbox } = withDevice();
      const at = await collector([{ status: 503 }]);
      const offer = { ...makeSubmission({ ways: ['litter-picks'] }), widget: 'pledge' as const, contact: { name: 'Sam Jones', email: 'sam@example.com', prefer: 'email' as const } };
      const plain = makeSubmission();
      expect((await outbox.submit(offer, at.url)).status).to.equal('queued');
      expect((await outbox.submit(plain, at.url)).status).to.equal('sent');
      expect(await storedIds(name), 'nothing with contact details in IndexedDB').to.deep.equal([]);
      expect((await outbox.pending()).map((item) => item.submission.id)).to.deep.equal([offer.id]);
      await deliver(outbox, at, name, [offer.id]);
      expect((await at.received()).accepted[offer.id]).to.equal(1);
    });

    it('sends what an earlier page left exactly once when two outboxes on the page flush together', async () => {
      const name = database();
      const at = await collector([{ delay: 200 }, { delay: 200 }, { delay: 200 }]);
      const earlier = new DeviceStore(name);
      const left = [makeSubmission(), makeSubmission(), makeSubmission()];
      for (const [i, submission] of left.entries()) {
        await earlier.put({ submission, url: at.url, createdAt: clock.dateNow() - 1000 + i, attempts: 1, nextAttemptAt: 0 });
      }
      // Two copies of Tandem on one page (or two tabs) each start an outbox on the same database.
      await Promise.all([make({ store: new DeviceStore(name) }).flush(), make({ store: new DeviceStore(name) }).flush()]);
      const received = await at.received();
      expect(received.accepted).to.deep.equal(Object.fromEntries(left.map((submission) => [submission.id, 1])));
      expect(await storedIds(name)).to.deep.equal([]);
    });

    it('sets no timer for an attempt still in flight, so a flush meanwhile does not spin', async () => {
      const name = database();
      const store = new CountingStore(new DeviceStore(name));
      const outbox = make({ store });
      const at = await collector(['hang', { status: 503 }]);
      const hanging = makeSubmission();
      const delivery = outbox.submit(hanging, at.url);
      await held(at);
      // Another answer fails meanwhile, so the outbox sets its retry timer: for that one only.
      // A timer for the one in flight would be due at once, and fire again and again.
      const other = makeSubmission();
      expect((await outbox.submit(other, at.url)).status).to.equal('queued');
      await waitFor(() => clock.pending().length === 2, 'the retry timer');
      const [retry, timeout] = clock.pending();
      expect(retry, 'the retry timer, for the failed answer').to.be.within(0.8 * BASE, 1.2 * BASE);
      expect(timeout, 'the hanging request\'s timeout').to.equal(TIMEOUT);

      // As when the device comes back online mid-request: the flush waits for the send's lock.
      const before = store.reads;
      const flushed = outbox.flush();
      await waitFor(() => store.reads > before, 'the flush to read the store');
      expect(clock.pending()).to.have.length(2);
      clock.advance(TIMEOUT);
      expect((await delivery).status).to.equal('queued');
      await flushed;
      expect(store.reads - before, 'store reads by the flush and the failed send').to.be.below(10);
      await deliver(outbox, at, name, [hanging.id, other.id]);
    });

    it('does not spin when Retry-After is longer than a timer can wait', async () => {
      const store = new CountingStore(new MemoryStore());
      // Kept for 60 days, so that giving up does not come before the retry.
      const outbox = make({ store, maxAgeMs: 60 * 24 * 60 * 60 * 1000 });
      // 30 days: beyond setTimeout's 24.8-day limit, where a timer would fire at once.
      const thirtyDays = 30 * 24 * 60 * 60 * 1000;
      const longest = 2 ** 31 - 1;
      const at = await collector([{ status: 503, retryAfter: String(thirtyDays / 1000) }]);
      const submission = makeSubmission();
      expect((await outbox.submit(submission, at.url)).status).to.equal('queued');
      const [item] = await outbox.pending();
      expect(item!.nextAttemptAt - clock.dateNow()).to.equal(thirtyDays);
      await waitFor(() => clock.pending().length === 1, 'the retry timer');
      expect(clock.pending(), 'the longest timer there is').to.deep.equal([longest]);

      // When it fires, the answer is not due yet: a timer for what is left, and no request.
      const before = store.reads;
      clock.advance(longest);
      await waitFor(() => clock.pending()[0] === thirtyDays - longest, 'a timer for the rest of the wait');
      expect(store.reads - before, 'store reads when the long timer fired').to.be.below(5);
      expect((await at.received()).attempts).to.equal(1);
    });
  });

  it('keeps sending after many answers on one page', async () => {
    const { outbox } = withDevice();
    const at = await collector();
    // Some 90 kB in all: more than one page may have in keepalive requests at once.
    for (let i = 0; i < 75; i += 1) {
      expect(await outbox.submit(makeSubmission({ comment: `${i} `.padEnd(1000, '.') }), at.url), `answer ${i}`).to.deep.equal({ status: 'sent' });
    }
    expect((await at.received()).attempts).to.equal(75);
  });

  describe('large bodies, sent while the page stays', () => {
    it('sends a body too big for keepalive (over 64 KiB), and it arrives first time', async () => {
      const { outbox } = withDevice();
      const at = await collector();
      const submission = makeSubmission({ comment: 'x'.repeat(70000) });
      expect(await outbox.submit(submission, at.url)).to.deep.equal({ status: 'sent' });
      const received = await at.received();
      expect(received.attempts).to.equal(1);
      expect(received.log[0]!.bytes).to.be.above(70000);
      expect(received.stored[submission.id]).to.deep.equal(submission);
    });

    it('sends several large bodies at once, each first time', async () => {
      const { outbox } = withDevice();
      const at = await collector([{ delay: 300 }, { delay: 300 }, { delay: 300 }, { delay: 300 }]);
      // 100 kB together: more than keepalive allows in flight at once, and none may fail for it.
      const submissions = Array.from({ length: 4 }, () => makeSubmission({ comment: 'y'.repeat(25000) }));
      const deliveries = await Promise.all(submissions.map((submission) => outbox.submit(submission, at.url)));
      expect(deliveries).to.deep.equal(Array(4).fill({ status: 'sent' }));
      const received = await at.received();
      expect(received.attempts).to.equal(4);
      expect(Object.keys(received.stored)).to.have.length(4);
    });
  });
});

describe('retryAfter', () => {
  it('reads seconds', () => {
    expect(retryAfter('120')).to.equal(120000);
    expect(retryAfter('0')).to.equal(0);
  });

  it('reads an HTTP date', () => {
    const inAMinute = new Date(Date.now() + 60000).toUTCString();
    expect(retryAfter(inAMinute)).to.be.within(58000, 60000);
    expect(retryAfter(new Date(Date.now() - 60000).toUTCString())).to.equal(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfter(null)).to.equal(undefined);
    expect(retryAfter('')).to.equal(undefined);
    expect(retryAfter('soon')).to.equal(undefined);
    expect(retryAfter('-5')).to.equal(undefined);
  });
});
