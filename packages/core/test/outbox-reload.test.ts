import { expect } from '@esm-bundle/chai';
import {
  collector,
  databaseExists,
  deleteDatabase,
  makeSubmission,
  openForeignFrame,
  openFrame,
  sleep,
  storedIds,
  uniqueDatabase,
  waitFor,
  waitForAccepted,
  watchForProblems,
  type Step,
} from './outbox-support.js';

// Host pages in iframes (test/fixtures/outbox-frame.html), so a page can be reloaded, or lose
// its IndexedDB, while this test page watches the real collector and the real database.
describe('Outbox across page loads', () => {
  let frames: Array<{ remove(): void }> = [];
  let databases: string[] = [];
  let watch: ReturnType<typeof watchForProblems>;

  const open = async (query: Record<string, string | number>) => {
    const frame = await openFrame(query);
    frames.push(frame);
    return frame;
  };

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
    const db = uniqueDatabase();
    databases.push(db);
    // The retry comes 0.8–1.2 s after the failure: after the reload, so on the second page.
    const frame = await open({ db, base: 1000, timeout: 300 });
    const at = await collector(['drop']);
    const submission = makeSubmission();

    expect(await frame.win().outbox.submit(submission, at.url)).to.deep.equal({ status: 'queued', reason: 'TypeError' });
    expect(await storedIds(db)).to.deep.equal([submission.id]);
    expect(frame.win().problems).to.deep.equal([]);

    await frame.reload();
    const reloaded = Date.now();
    const received = await waitForAccepted(at, [submission.id]);
    await waitFor(async () => (await storedIds(db)).length === 0, 'the delivered submission to be deleted');
    expect(received.stored[submission.id]).to.deep.equal(submission);
    expect(received.log[1]!.at, 'sent by the reloaded page').to.be.at.least(reloaded);

    // A further load finds nothing left to send.
    await frame.reload();
    await sleep(200);
    const final = await at.received();
    expect(final.accepted).to.deep.equal({ [submission.id]: 1 });
    expect(final.attempts).to.equal(2);
    expect(frame.win().problems).to.deep.equal([]);
  });

  it('sends on the next load what several failures left, each exactly once', async () => {
    const db = uniqueDatabase();
    databases.push(db);
    // Retries would come ~2 s later; the reload comes first.
    const frame = await open({ db, base: 2000, timeout: 300 });
    const at = await collector(['drop', 'hang', { status: 429, retryAfter: '1' }, { status: 500 }]);
    const submissions = [makeSubmission(), makeSubmission(), makeSubmission(), makeSubmission()];
    for (const submission of submissions) {
      expect((await frame.win().outbox.submit(submission, at.url)).status).to.equal('queued');
    }
    expect((await storedIds(db)).sort()).to.deep.equal(submissions.map((s) => s.id).sort());

    await frame.reload();
    const reloaded = Date.now();
    // Each waits out its backoff (and the 429 its Retry-After) on the new page, then goes once.
    const received = await waitForAccepted(at, submissions.map((s) => s.id));
    expect(Object.values(received.accepted)).to.deep.equal([1, 1, 1, 1]);
    expect(received.log.slice(4).every((entry) => entry.at >= reloaded), 'all sent by the reloaded page').to.equal(true);
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

  it('hands a send still under way to keepalive when the page goes away', async () => {
    const db = uniqueDatabase();
    databases.push(db);
    const frame = await open({ db, timeout: 5000 });
    const at = await collector(['hang']);
    const submission = makeSubmission();
    void frame.win().outbox.submit(submission, at.url);
    await waitFor(async () => (await at.received()).attempts === 1, 'the send to be under way');

    // Leaving the page cancels the plain fetch; the keepalive copy sent on pagehide survives it.
    frame.win().location.href = 'about:blank';
    const received = await waitForAccepted(at, [submission.id]);
    expect(received.stored[submission.id]).to.deep.equal(submission);
    expect(received.log[0]!.heldMs, 'ms the abandoned fetch was held').to.be.below(2000);

    // The page never heard back, so the answer is still on the device; the next page's resend
    // is the same id, which the collector stores once.
    expect(await storedIds(db)).to.deep.equal([submission.id]);
    await open({ db });
    await waitFor(async () => (await storedIds(db)).length === 0, 'the next page to send it');
    const final = await at.received();
    expect(Object.keys(final.stored)).to.deep.equal([submission.id]);
    expect(final.accepted[submission.id]).to.equal(2);
  });

  it('leaves a body too big for keepalive to the next page, where it arrives', async () => {
    const db = uniqueDatabase();
    databases.push(db);
    const frame = await open({ db, timeout: 5000 });
    const at = await collector(['hang']);
    const submission = makeSubmission({ comment: 'x'.repeat(70000) });
    void frame.win().outbox.submit(submission, at.url);
    await waitFor(async () => (await at.received()).attempts === 1, 'the send to be under way');

    frame.win().location.href = 'about:blank';
    await sleep(400);
    expect((await at.received()).attempts, 'requests once the page had gone').to.equal(1);
    expect(await storedIds(db)).to.deep.equal([submission.id]);

    await open({ db });
    const received = await waitForAccepted(at, [submission.id]);
    expect(received.stored[submission.id]).to.deep.equal(submission);
    expect(received.log[1]!.bytes).to.be.above(70000);
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
        const frame = await open({ idb, db, base: 50, timeout: 1000, store: 300 });
        const win = frame.win();
        const at = await collector([]);
        const first = makeSubmission();
        expect(await win.outbox.submit(first, at.url)).to.deep.equal({ status: 'sent' });

        await fetch(at.url.replace(/v1\/submissions$/, 'script'), { method: 'PUT', body: JSON.stringify(['drop', { status: 500 }] satisfies Step[]) });
        const second = makeSubmission();
        expect((await win.outbox.submit(second, at.url)).status).to.equal('queued');
        expect((await win.outbox.pending()).map((item) => item.submission.id)).to.deep.equal([second.id]);

        const received = await waitForAccepted(at, [first.id, second.id]);
        expect(received.accepted).to.deep.equal({ [first.id]: 1, [second.id]: 1 });
        await waitFor(async () => (await win.outbox.pending()).length === 0, 'the outbox to empty');
        expect(await databaseExists(db)).to.equal(false);
        expect(win.problems).to.deep.equal([]);
      });
    }
  });
});
