import { expect } from '@esm-bundle/chai';
import {
  collector,
  databaseExists,
  deleteDatabase,
  drive,
  makeSubmission,
  openForeignFrame,
  openFrame,
  recordFetches,
  storedIds,
  uniqueDatabase,
  waitFor,
  waitForAccepted,
  watchForProblems,
  type Collector,
  type Step,
} from './outbox-support.js';

// Host pages in iframes (test/fixtures/outbox-frame.html), so a page can be reloaded, or lose
// its IndexedDB, while this test page watches the real collector and the real database. Each
// page's outbox runs on a test clock of its own (clock=test): a page retries only when the
// test moves its clock, so what a reloaded page sends, only it can have sent.
describe('Outbox across page loads', () => {
  let frames: Array<{ remove(): void }> = [];
  let databases: string[] = [];
  let watch: ReturnType<typeof watchForProblems>;

  const open = async (query: Record<string, string | number>) => {
    const frame = await openFrame({ clock: 'test', ...query });
    frames.push(frame);
    return frame;
  };
  const database = () => {
    const db = uniqueDatabase();
    databases.push(db);
    return db;
  };
  /** Runs a page's clock until the collector has every id and the page's outbox holds none. */
  const deliverFrom = (frame: Awaited<ReturnType<typeof open>>, at: Collector, ids: string[]) =>
    drive(frame.win().outbox, at, frame.win().clock, async () => {
      const received = await at.received();
      return ids.every((id) => received.accepted[id]) && (await frame.win().outbox.pending()).length === 0;
    }, `${ids.length} submission(s) to be delivered`);
  /** The collector stored the answer once, whatever number of copies it accepted. */
  const storedOnce = async (at: Collector, id: string, copies: number) => {
    const received = await at.received();
    expect(Object.keys(received.stored)).to.deep.equal([id]);
    expect(received.accepted[id], 'copies accepted').to.equal(copies);
  };
  /** Navigates the page away, and waits until it has gone (pagehide has run). */
  const leave = (frame: Awaited<ReturnType<typeof open>>) => {
    const gone = new Promise((resolve) => frame.frame.addEventListener('load', resolve, { once: true }));
    frame.win().location.href = 'about:blank';
    return gone;
  };
  const held = (at: Collector, count: number) =>
    waitFor(async () => (await at.received()).log.filter((entry) => entry.step === 'hang' && entry.heldMs === undefined).length === count, `${count} request(s) to be under way`);

  beforeEach(() => {
    watch = watchForProblems();
  });

  afterEach(async () => {
    watch.stop();
    frames.forEach((frame) => frame.remove());
    frames = [];
    await Promise.all(databases.map(deleteDatabase));
    databases = [];
    expect(watch.problems, 'errors that reached the test page').to.deep.equal([]);
  });

  it('sends on the next load, exactly once, what a page could not send', async () => {
    const db = database();
    const frame = await open({ db });
    const at = await collector(['drop']);
    const submission = makeSubmission();

    expect(await frame.win().outbox.submit(submission, at.url)).to.deep.equal({ status: 'queued', reason: 'TypeError' });
    expect(await storedIds(db)).to.deep.equal([submission.id]);
    expect(frame.win().problems).to.deep.equal([]);

    // The first page's clock never moves, so it never retries: the reloaded page sends it.
    await frame.reload();
    await deliverFrom(frame, at, [submission.id]);
    await waitFor(async () => (await storedIds(db)).length === 0, 'the delivered submission to be deleted');
    const received = await at.received();
    expect(received.stored[submission.id]).to.deep.equal(submission);
    expect(received.attempts).to.equal(2);

    // A further load finds nothing left to send, and sets no timer.
    await frame.reload();
    await frame.win().outbox.flush();
    expect(frame.win().clock.pending()).to.deep.equal([]);
    const final = await at.received();
    expect(final.accepted).to.deep.equal({ [submission.id]: 1 });
    expect(final.attempts).to.equal(2);
    expect(frame.win().problems).to.deep.equal([]);
  });

  it('sends on the next load what several failures left, each exactly once', async () => {
    const db = database();
    // Retries a minute away; the first page only moves its clock past the hang's timeout.
    const frame = await open({ db, base: 60000, timeout: 300 });
    const at = await collector(['drop', 'hang', { status: 429, retryAfter: '1' }, { status: 500 }]);
    const submissions = [makeSubmission(), makeSubmission(), makeSubmission(), makeSubmission()];
    for (const [i, submission] of submissions.entries()) {
      const delivery = frame.win().outbox.submit(submission, at.url);
      if (i === 1) {
        await held(at, 1);
        frame.win().clock.advance(300);
      }
      expect((await delivery).status).to.equal('queued');
    }
    expect((await storedIds(db)).sort()).to.deep.equal(submissions.map((s) => s.id).sort());
    expect((await at.received()).attempts, 'requests from the first page').to.equal(4);

    await frame.reload();
    // Each waits out its backoff (and the 429 its Retry-After) on the new page, then goes once.
    await deliverFrom(frame, at, submissions.map((s) => s.id));
    const received = await at.received();
    expect(Object.values(received.accepted)).to.deep.equal([1, 1, 1, 1]);
    expect(received.attempts).to.equal(8);
    await waitFor(async () => (await storedIds(db)).length === 0, 'every delivered submission to be deleted');
    expect(frame.win().problems).to.deep.equal([]);
  });

  it('pageOutbox(): touches no storage until a submission, and resumes it after a reload', async () => {
    // On another origin: pageOutbox()'s database is shared by every page of an origin.
    const frame = await openForeignFrame({});
    frames.push(frame);
    const db = 'tandem:outbox';
    await frame.deleteDatabase(db);
    await frame.reload();
    await frame.flush();
    expect(await frame.databaseExists(db), 'database made on page load').to.equal(false);

    const at = await collector(['drop'], frame.origin);
    const submission = makeSubmission();
    // pageOutbox() retries 1.6–2.4 s later; the reload comes well before that.
    expect((await frame.submit(submission, at.url)).status).to.equal('queued');
    expect(await frame.storedIds(db)).to.deep.equal([submission.id]);

    await frame.reload();
    const reloaded = Date.now();
    const received = await waitForAccepted(at, [submission.id]);
    await waitFor(async () => (await frame.storedIds(db)).length === 0, 'the delivered submission to be deleted');
    expect(received.accepted).to.deep.equal({ [submission.id]: 1 });
    expect(received.attempts).to.equal(2);
    expect(received.log[1]!.at, 'sent by the reloaded page').to.be.at.least(reloaded);
    expect(await frame.problems()).to.deep.equal([]);
    await frame.deleteDatabase(db);
  });

  describe('handing over to keepalive when the page is hidden or goes away', () => {
    it('hands a send still under way to keepalive when the page goes away (pagehide)', async () => {
      const db = database();
      const frame = await open({ db });
      const fetches = recordFetches(frame.win());
      const at = await collector(['hang']);
      const submission = makeSubmission();
      void frame.win().outbox.submit(submission, at.url);
      await held(at, 1);
      expect(fetches.map((call) => call.keepalive), 'the first send').to.deep.equal([false]);

      // Leaving the page cancels the plain fetch; the keepalive copy sent on pagehide survives it.
      await leave(frame);
      expect(fetches.map((call) => [call.id, call.keepalive]), 'sends, the last on pagehide').to.deep.equal([[submission.id, false], [submission.id, true]]);
      const received = await waitForAccepted(at, [submission.id]);
      expect(received.stored[submission.id]).to.deep.equal(submission);
      const { log } = await waitFor(async () => {
        const now = await at.received();
        return now.log[0]!.heldMs !== undefined ? now : undefined;
      }, 'the abandoned fetch to be let go');
      expect(log[0]!.heldMs, 'ms the abandoned fetch was held').to.be.below(2000);

      // The page never heard back, so the answer is still on the device; the next page's resend
      // is the same id, which the collector stores once.
      expect(await storedIds(db)).to.deep.equal([submission.id]);
      await open({ db });
      await waitFor(async () => (await storedIds(db)).length === 0, 'the next page to send it');
      await storedOnce(at, submission.id, 2);
    });

    it('hands a send still under way to keepalive when the tab is hidden (visibilitychange), not while it is visible', async () => {
      const db = database();
      const frame = await open({ db });
      const win = frame.win();
      const fetches = recordFetches(win);
      const at = await collector(['hang']);
      const submission = makeSubmission();
      const delivery = win.outbox.submit(submission, at.url);
      await held(at, 1);

      // Switching back to the tab hands nothing over. Visible by fiat: the runner's own tab may
      // really be in the background.
      Object.defineProperty(win.document, 'visibilityState', { value: 'visible', configurable: true });
      win.document.dispatchEvent(new Event('visibilitychange'));
      expect(fetches.filter((call) => call.keepalive), 'keepalive sends while visible').to.deep.equal([]);

      // Hidden (the person switched tabs, or the phone locked): the page may never run again.
      Object.defineProperty(win.document, 'visibilityState', { value: 'hidden', configurable: true });
      win.document.dispatchEvent(new Event('visibilitychange'));
      expect(fetches.filter((call) => call.keepalive).map((call) => call.id), 'keepalive sends once hidden').to.deep.equal([submission.id]);
      const received = await waitForAccepted(at, [submission.id]);
      expect(received.stored[submission.id]).to.deep.equal(submission);

      // The page lives on: when its own send times out, it sends again (the same id), and only
      // the collector's answer to that deletes the answer from the device.
      win.clock.advance(10000);
      expect((await delivery).status).to.equal('queued');
      await waitFor(() => win.clock.pending().length === 1, 'the retry timer');
      win.clock.next();
      await waitFor(async () => (await storedIds(db)).length === 0, 'the retry to be answered');
      await storedOnce(at, submission.id, 2);
    });

    it('spends the 60 000-byte keepalive budget once, counting bytes, not characters', async () => {
      const db = database();
      const frame = await open({ db });
      const fetches = recordFetches(frame.win());
      const at = await collector(['hang', 'hang', 'hang']);
      // 20 000 characters but 40 000 bytes of Welsh; 25 000 bytes; 1 000 bytes. Counted in
      // characters, or each against the whole budget, all three would fit.
      const welsh = makeSubmission({ comment: 'ŵ'.repeat(20000) });
      const english = makeSubmission({ comment: 'x'.repeat(25000) });
      const short = makeSubmission({ comment: 'z'.repeat(1000) });
      for (const [i, submission] of [welsh, english, short].entries()) {
        void frame.win().outbox.submit(submission, at.url);
        await held(at, i + 1);
      }

      await leave(frame);
      const handedOver = fetches.filter((call) => call.keepalive);
      expect(handedOver.map((call) => call.id), 'sent with keepalive on pagehide').to.deep.equal([welsh.id, short.id]);
      expect(handedOver.reduce((sum, call) => sum + call.bytes, 0), 'keepalive bytes in flight').to.be.within(40000, 60000);
      const received = await waitForAccepted(at, [welsh.id, short.id]);
      expect(received.accepted[english.id], 'the one over the budget').to.equal(undefined);

      // What did not fit waits on the device for the next page, which sends it.
      await open({ db });
      await waitForAccepted(at, [english.id]);
      await waitFor(async () => (await storedIds(db)).length === 0, 'the next page to send everything');
    });

    it('leaves a body over the budget in bytes (35 000 characters, 70 000 bytes) to the next page, where it arrives', async () => {
      const db = database();
      const frame = await open({ db });
      const fetches = recordFetches(frame.win());
      const at = await collector(['hang']);
      const submission = makeSubmission({ comment: 'ŵ'.repeat(35000) });
      void frame.win().outbox.submit(submission, at.url);
      await held(at, 1);

      await leave(frame);
      expect(fetches.map((call) => call.keepalive), 'sends: no keepalive copy on pagehide').to.deep.equal([false]);
      expect(await storedIds(db)).to.deep.equal([submission.id]);

      await open({ db });
      const received = await waitForAccepted(at, [submission.id]);
      expect(received.stored[submission.id]).to.deep.equal(submission);
      expect(received.log[1]!.bytes).to.be.above(70000);
    });
  });

  describe('without IndexedDB', () => {
    const modes = {
      missing: 'IndexedDB is missing',
      throws: 'opening IndexedDB throws',
      errors: 'opening IndexedDB fails',
      hangs: 'opening IndexedDB never answers',
    };
    for (const [idb, title] of Object.entries(modes)) {
      it(`still sends, and retries from memory, when ${title}`, async () => {
        const db = uniqueDatabase();
        databases.push(db);
        const frame = await open({ idb, db, store: 300 });
        const win = frame.win();
        const at = await collector([]);
        const first = makeSubmission();
        expect(await win.outbox.submit(first, at.url)).to.deep.equal({ status: 'sent' });

        await fetch(at.url.replace(/v1\/submissions$/, 'script'), { method: 'PUT', body: JSON.stringify(['drop', { status: 500 }] satisfies Step[]) });
        const second = makeSubmission();
        expect((await win.outbox.submit(second, at.url)).status).to.equal('queued');
        expect((await win.outbox.pending()).map((item) => item.submission.id)).to.deep.equal([second.id]);

        await deliverFrom(frame, at, [first.id, second.id]);
        expect((await at.received()).accepted).to.deep.equal({ [first.id]: 1, [second.id]: 1 });
        expect(await databaseExists(db)).to.equal(false);
        expect(win.problems).to.deep.equal([]);
      });
    }
  });
});
