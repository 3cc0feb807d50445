// The code that prepares an answer (redaction and the schema check, its own chunk) is fetched
// when the page is idle after the poll renders. Here that fetch fails, as it does offline: an
// answer must not be promised, nor kept anywhere unredacted; once the code can load, the same
// answer is sent. This file has a page of its own, where the chunk has never loaded.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { eventually, pollTests, received, scenario } from './support.js';

const { mountPoll, forgetParticipant } = pollTests('unprepared-poll');
const PREPARE = ['*/core/src/prepare.ts*', '*/chunks/prepare-*'];

describe('<tandem-poll>: the code that prepares answers cannot be fetched', () => {
  const pageErrors: string[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => pageErrors.push(String('reason' in event ? event.reason : event.message));
  before(async () => {
    forgetParticipant();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    await executeServerCommand('block-urls', { urls: PREPARE });
  });
  after(async () => {
    await executeServerCommand('block-urls', { urls: [] });
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('an answer is not promised: it says it was not saved, keeps the choice, and saves it once the code loads', async () => {
    const name = scenario();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const poll = await mountPoll(name);
      await poll.answer('overall', '4');
      expect(poll.element.answerState.overall).to.equal('unprepared');
      expect(poll.answerState('overall')).to.equal('Your answer has not been saved. Check your internet connection and try again.');
      await eventually(() => expect(poll.announcement).to.equal(poll.answerState('overall')));
      expect(poll.checked('overall')).to.equal('4', 'the choice stays, to save again');
      expect(poll.query('#q0-results'), 'no results: nothing was counted').to.equal(null);
      expect(warnings.join('\n')).to.match(/answer not sent/);
      await expectNoAxeViolations();

      await poll.writeStatement('The minibus should come twice a day.');
      await poll.sendStatement();
      expect(poll.text('#statement-message')).to.equal('Your statement has not been sent. Check your internet connection and try again.');
      expect(poll.focused).to.equal('statement-message');
      expect(poll.control<HTMLTextAreaElement>('statement').value).to.equal('The minibus should come twice a day.');
      expect(poll.myStatements).to.deep.equal([]);

      // Nothing reached the collector, and nothing waits in the outbox to be sent unredacted.
      // (IndexedDB is the origin's, shared with test files running beside this one: only what
      // this scenario's collector would be sent counts.)
      const { attempts } = await received(name);
      expect(attempts).to.equal(0);
      const databases = await indexedDB.databases();
      for (const { name: db } of databases) {
        if (!db) continue;
        const open = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(db);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of open.objectStoreNames) {
          const kept = await new Promise<unknown[]>((resolve) => {
            const request = open.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
          });
          const ours = kept.filter((item) => JSON.stringify(item).includes(`/collector/${name}/`));
          expect(ours, `${db}/${store}`).to.deep.equal([]);
        }
        open.close();
      }

      // Back online: the same choice, saved again, is sent.
      await executeServerCommand('block-urls', { urls: [] });
      await poll.save('overall');
      expect(poll.element.answerState.overall).to.equal('saved');
      await poll.sendStatement();
      expect(poll.text('#statement-message')).to.equal('Thank you. We will check your statement before others can see it.');
      const stored = Object.values((await received(name)).stored).map((s) => s.answers);
      expect(stored).to.deep.equal([{ question: 'overall', choice: '4' }, { statement: 'The minibus should come twice a day.' }]);
    } finally {
      console.warn = warn;
    }
    expect(pageErrors).to.deep.equal([]);
  });
});
