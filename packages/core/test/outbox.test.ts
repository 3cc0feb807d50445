import { expect } from '@esm-bundle/chai';
import { KEEPALIVE_LIMIT, Outbox, retryAfter, type OutboxOptions } from '../src/outbox.js';
import { DeviceStore, MemoryStore, type OutboxItem, type OutboxStore } from '../src/outbox-store.js';
import {
  captureConsole,
  collector,
  databaseExists,
  deleteDatabase,
  makeSubmission,
  sleep,
  storedIds,
  uniqueDatabase,
  waitFor,
  waitForAccepted,
  watchForProblems,
  type Step,
} from './outbox-support.js';

// Every test talks to the real collector stand-in over HTTP and, unless it says otherwise, keeps
// its outbox in a real IndexedDB database of its own. Delays are small so the suite stays fast.
const FAST: OutboxOptions = { baseDelayMs: 50, maxDelayMs: 400, timeoutMs: 2000 };

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

  const database = () => {
    const name = uniqueDatabase();
    databases.push(name);
    return name;
  };
  const make = (options: OutboxOptions = {}) => {
    const outbox = new Outbox({ ...FAST, ...options });
    outboxes.push(outbox);
    return outbox;
  };
  const withDevice = (options: OutboxOptions = {}) => {
    const name = database();
    return { name, outbox: make({ store: new DeviceStore(name), ...options }) };
  };

  beforeEach(() => {
    watch = watchForProblems();
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

      const at = await collector([{ delay: 500 }]);
      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await waitFor(async () => (await storedIds(name)).includes(submission.id), 'the submission to be on the device while it is sent');
      expect((await at.received()).accepted[submission.id], 'already answered').to.equal(undefined);

      expect(await delivery).to.deep.equal({ status: 'sent' });
      expect(await storedIds(name)).to.deep.equal([]);
      const received = await at.received();
      expect(received.stored[submission.id]).to.deep.equal(submission);
      expect(received.accepted[submission.id]).to.equal(1);
    });

    it('keeps a queued submission on the device, with its attempts, until the collector takes it', async () => {
      const { name, outbox } = withDevice({ baseDelayMs: 300 });
      const at = await collector([{ status: 503 }]);
      const submission = makeSubmission();

      const delivery = await outbox.submit(submission, at.url);
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 503' });
      expect(await storedIds(name)).to.deep.equal([submission.id]);
      const [item] = await outbox.pending();
      expect(item!.attempts).to.equal(1);
      expect(item!.url).to.equal(at.url);

      // The retry timer sends it without anyone calling flush().
      const received = await waitForAccepted(at, [submission.id]);
      expect(received.accepted[submission.id]).to.equal(1);
      await waitFor(async () => (await storedIds(name)).length === 0, 'the delivered submission to be deleted');
    });

    it('lets another tab, or a newer version, delete or upgrade its database', async () => {
      const { name, outbox } = withDevice({ baseDelayMs: 60000 });
      const at = await collector([{ status: 500 }]);
      await outbox.submit(makeSubmission(), at.url);
      expect(await outbox.pending()).to.have.length(1);
      expect(await deleteDatabase(name), 'deleting while the outbox has it open').to.equal('deleted');
    });
  });

  describe('failures, then the collector comes back', () => {
    const deliversOnce = async (script: Step[], options: OutboxOptions = {}) => {
      const { name, outbox } = withDevice(options);
      const at = await collector(script);
      const submission = makeSubmission();
      const delivery = await outbox.submit(submission, at.url);
      const received = await waitForAccepted(at, [submission.id]);
      await waitFor(async () => (await storedIds(name)).length === 0, 'the delivered submission to be deleted');
      expect(received.accepted[submission.id]).to.equal(1);
      expect(received.stored[submission.id]).to.deep.equal(submission);
      expect(await outbox.pending()).to.deep.equal([]);
      return { delivery, received: await at.received() };
    };

    it('retries after the connection is dropped', async () => {
      const { delivery, received } = await deliversOnce(['drop', 'drop']);
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'TypeError' });
      expect(received.attempts).to.equal(3);
    });

    it('gives up an attempt that hangs after timeoutMs, and retries', async () => {
      const started = Date.now();
      const { name, outbox } = withDevice({ timeoutMs: 300 });
      const at = await collector(['hang']);
      const submission = makeSubmission();
      const delivery = await outbox.submit(submission, at.url);
      expect(delivery.status).to.equal('queued');
      expect(Date.now() - started, 'time to give up the attempt').to.be.within(250, 2500);
      expect(await storedIds(name)).to.deep.equal([submission.id]);
      const received = await waitForAccepted(at, [submission.id]);
      expect(received.accepted[submission.id]).to.equal(1);
      expect(received.attempts).to.equal(2);
      // The browser really let go of it: a request left hanging holds one of six connections.
      expect(received.log[0]!.heldMs, 'ms the hanging request was held').to.be.below(1000);
    });

    it('honours Retry-After on a 429: no retry before it', async () => {
      const { delivery, received } = await deliversOnce([{ status: 429, retryAfter: '1' }]);
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 429' });
      const [first, second] = received.log;
      expect(received.log).to.have.length(2);
      // baseDelayMs is 50 ms, so only Retry-After can have held the retry back this long.
      expect(second!.at - first!.at, 'ms between the 429 and the retry').to.be.at.least(990);
    });

    it('retries after 500s with growing delays', async () => {
      const { delivery, received } = await deliversOnce([{ status: 500 }, { status: 500 }, { status: 500 }], { baseDelayMs: 60 });
      expect(delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 500' });
      expect(received.attempts).to.equal(4);
      const gaps = received.log.slice(1).map((entry, i) => entry.at - received.log[i]!.at);
      // 60, 120, 240 ms with ±20 % jitter.
      expect(gaps[0]).to.be.at.least(45);
      expect(gaps[1]).to.be.at.least(90);
      expect(gaps[2]).to.be.at.least(180);
    });

    it('comes through a drop, a hang, a 429 and a 500 in a row, stored exactly once', async () => {
      const { received } = await deliversOnce(['drop', 'hang', { status: 429, retryAfter: '1' }, { status: 500 }], { timeoutMs: 300 });
      expect(received.attempts).to.equal(5);
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
      await sleep(300);
      const received = await at.received();
      expect(received.attempts).to.equal(1);
      expect(received.stored).to.deep.equal({});
    });
  });

  describe('giving up', () => {
    it('gives up a submission it could not deliver within maxAgeMs', async () => {
      const { name, outbox } = withDevice({ maxAgeMs: 400, baseDelayMs: 100 });
      const at = await collector(Array<Step>(50).fill({ status: 503 }));
      const submission = makeSubmission();
      const warnings = captureConsole('warn');
      try {
        expect((await outbox.submit(submission, at.url)).status).to.equal('queued');
        await waitFor(async () => (await storedIds(name)).length === 0, 'the old submission to be given up');
        expect(warnings.text()).to.contain(`Gave up sending answer ${submission.id}`);
      } finally {
        warnings.restore();
      }
      const attempts = (await at.received()).attempts;
      await sleep(400);
      expect((await at.received()).attempts, 'attempts after giving up').to.equal(attempts);
      expect(await outbox.pending()).to.deep.equal([]);
    });

    it('gives up, without sending, what an earlier page left longer ago than maxAgeMs', async () => {
      const name = database();
      const at = await collector();
      const old = makeSubmission();
      const recent = makeSubmission();
      const day = 24 * 60 * 60 * 1000;
      const earlier = new DeviceStore(name);
      await earlier.put({ submission: old, url: at.url, createdAt: Date.now() - 8 * day, attempts: 40, nextAttemptAt: Date.now() - day });
      await earlier.put({ submission: recent, url: at.url, createdAt: Date.now() - 6 * day, attempts: 30, nextAttemptAt: Date.now() - day });

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
    const { name, outbox } = withDevice({ timeoutMs: 1000, baseDelayMs: 60 });
    const flaky: Step[] = ['drop', { status: 500 }, 'ok', { status: 429, retryAfter: '0' }, 'ok', { status: 503 }, 'drop', 'ok', { status: 502 }];
    const at = await collector([...flaky, ...flaky, 'hang', ...flaky, ...flaky, 'hang', ...flaky]);
    const submissions = Array.from({ length: 30 }, (_, i) => makeSubmission({ useful: i % 2 === 0, comment: `Answer ${i}` }));

    const deliveries = await Promise.all(submissions.map((submission) => outbox.submit(submission, at.url)));
    expect(deliveries.filter((delivery) => delivery.status === 'sent').length, 'sent at once').to.be.within(1, 29);

    const ids = submissions.map((submission) => submission.id);
    const received = await waitForAccepted(at, ids, 15000);
    await waitFor(async () => (await storedIds(name)).length === 0, 'every submission to be deleted');
    await sleep(200);
    const final = await at.received();
    expect(Object.keys(final.stored).sort()).to.deep.equal([...ids].sort());
    expect(Object.values(final.accepted), 'acceptances per id').to.deep.equal(Array(30).fill(1));
    for (const submission of submissions) expect(received.stored[submission.id]).to.deep.equal(submission);
  });

  describe('sends that overlap', () => {
    it('does not send again what a submit has just delivered while a flush was under way', async () => {
      const { name, outbox } = withDevice();
      const at = await collector([{ delay: 150 }, { delay: 500 }]);
      // Left by an earlier page, so a flush has something slow to send first.
      const earlier = makeSubmission();
      await new DeviceStore(name).put({ submission: earlier, url: at.url, createdAt: Date.now() - 1000, attempts: 1, nextAttemptAt: 0 });

      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await waitFor(async () => (await at.received()).attempts === 1, 'the submission to reach the collector');
      await outbox.flush();
      expect(await delivery).to.deep.equal({ status: 'sent' });
      await sleep(200);

      const received = await at.received();
      expect(received.accepted).to.deep.equal({ [earlier.id]: 1, [submission.id]: 1 });
      expect(await storedIds(name)).to.deep.equal([]);
    });

    it('does not retry before Retry-After because a flush was under way', async () => {
      const { outbox, name } = withDevice();
      const at = await collector([{ delay: 150, status: 429, retryAfter: '2' }, { delay: 500 }]);
      const earlier = makeSubmission();
      await new DeviceStore(name).put({ submission: earlier, url: at.url, createdAt: Date.now() - 1000, attempts: 1, nextAttemptAt: 0 });

      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await waitFor(async () => (await at.received()).attempts === 1, 'the submission to reach the collector');
      await outbox.flush();
      expect(await delivery).to.deep.equal({ status: 'queued', reason: 'HTTP 429' });

      const received = await waitForAccepted(at, [submission.id], 6000);
      const [refused, retried] = received.log.filter((entry) => entry.id === submission.id);
      expect(retried!.at - refused!.at, 'ms between the 429 and the retry').to.be.at.least(1990);
      expect(received.accepted[submission.id]).to.equal(1);
    });

    it('sends what an earlier page left exactly once when two outboxes on the page flush together', async () => {
      const name = database();
      const at = await collector([{ delay: 200 }, { delay: 200 }, { delay: 200 }]);
      const earlier = new DeviceStore(name);
      const left = [makeSubmission(), makeSubmission(), makeSubmission()];
      for (const [i, submission] of left.entries()) {
        await earlier.put({ submission, url: at.url, createdAt: Date.now() - 1000 + i, attempts: 1, nextAttemptAt: 0 });
      }
      // Two copies of Tandem on one page (or two tabs) each start an outbox on the same database.
      await Promise.all([make({ store: new DeviceStore(name) }).flush(), make({ store: new DeviceStore(name) }).flush()]);
      await sleep(100);
      const received = await at.received();
      expect(received.accepted).to.deep.equal(Object.fromEntries(left.map((submission) => [submission.id, 1])));
      expect(await storedIds(name)).to.deep.equal([]);
    });

    it('does not spin while an attempt is still in flight', async () => {
      const name = database();
      const store = new CountingStore(new DeviceStore(name));
      const outbox = make({ store, timeoutMs: 1200 });
      const at = await collector(['hang']);
      const submission = makeSubmission();
      const delivery = outbox.submit(submission, at.url);
      await waitFor(async () => (await at.received()).attempts === 1, 'the submission to reach the collector');
      const before = store.reads;
      // As when the device comes back online mid-request.
      void outbox.flush();
      await sleep(800);
      expect(store.reads - before, 'store reads while one request hangs').to.be.below(10);
      expect((await delivery).status).to.equal('queued');
      await waitForAccepted(at, [submission.id]);
    });

    it('does not spin when Retry-After is longer than a timer can wait', async () => {
      const store = new CountingStore(new MemoryStore());
      const outbox = make({ store });
      // 30 days: beyond setTimeout's 24.8-day limit, which would otherwise fire at once.
      const at = await collector([{ status: 503, retryAfter: String(30 * 24 * 60 * 60) }]);
      const submission = makeSubmission();
      expect((await outbox.submit(submission, at.url)).status).to.equal('queued');
      const before = store.reads;
      await sleep(500);
      expect(store.reads - before, 'store reads while waiting to retry').to.be.below(5);
      expect((await at.received()).attempts).to.equal(1);
      const [item] = await outbox.pending();
      expect(item!.nextAttemptAt - Date.now()).to.be.above(29 * 24 * 60 * 60 * 1000);
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

  describe('large bodies', () => {
    it(`sends a body over ${KEEPALIVE_LIMIT} bytes without keepalive, and it arrives first time`, async () => {
      const { outbox } = withDevice();
      const at = await collector();
      const submission = makeSubmission({ comment: 'x'.repeat(70000) });
      expect(await outbox.submit(submission, at.url)).to.deep.equal({ status: 'sent' });
      const received = await at.received();
      expect(received.attempts).to.equal(1);
      expect(received.log[0]!.bytes).to.be.above(70000);
      expect(received.stored[submission.id]).to.deep.equal(submission);
    });

    it('counts the limit in bytes, not characters', async () => {
      const { outbox } = withDevice();
      const at = await collector();
      // 40,000 characters, 80,000 bytes in UTF-8.
      const submission = makeSubmission({ comment: 'ŵ'.repeat(40000) });
      expect(await outbox.submit(submission, at.url)).to.deep.equal({ status: 'sent' });
      expect((await at.received()).log[0]!.bytes).to.be.above(80000);
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
