import { expect } from '@esm-bundle/chai';
import { afterQueuedTasks, failures, open, sleep, until, type Frame, type Received } from './host-page.js';

/**
 * tandem.js as a council web team uses it: the built CDN loader pasted into host pages
 * (test/fixtures/*.html, each in an iframe), with the collector stand-in behind it.
 * Run the build first: these tests load packages/embed/dist/cdn, not the sources.
 */

/** Waits for a <tandem-feedback> to render its question, and returns it. */
async function widget(frame: Frame, selector = 'tandem-feedback'): Promise<HTMLElement> {
  return until(`${selector} to render`, () => {
    const element = frame.doc.querySelector<HTMLElement>(selector);
    return element?.shadowRoot?.querySelector('#question') ? element : undefined;
  });
}

function control(element: HTMLElement, id: string): HTMLElement {
  const found = element.shadowRoot!.getElementById(id);
  if (!found) throw new Error(`no #${id} in ${element.localName}`);
  return found;
}

function question(element: HTMLElement): string {
  return control(element, 'question').textContent!.trim();
}

async function received(endpoint: string): Promise<Received> {
  return (await fetch(`${endpoint}/received`)).json();
}

/**
 * Fires `tandem-submitted` once, from a click inside the widget, and returns its detail. A
 * second answer would be a second send from the same click: the page's fetch is counted, and
 * every send is awaited, so a second one cannot still be on its way when the counts are read.
 */
async function submitted(frame: Frame, element: HTMLElement, click: () => void): Promise<{ delivery: string; submission: { id: string } }> {
  const details: { delivery: string; submission: { id: string } }[] = [];
  element.addEventListener('tandem-submitted', (event) => details.push((event as CustomEvent).detail));
  const pageFetch = frame.win.fetch;
  const sends: Promise<unknown>[] = [];
  frame.win.fetch = (input, init) => {
    const call = pageFetch.call(frame.win, input, init);
    if (String(input instanceof Request ? input.url : input).includes('/v1/submissions')) sends.push(call.catch(() => undefined));
    return call;
  };
  try {
    click();
    await until('tandem-submitted', () => details.length > 0);
    await Promise.all(sends);
  } finally {
    frame.win.fetch = pageFetch;
  }
  expect(sends, 'submissions sent').to.have.length(1);
  expect(details, 'tandem-submitted events').to.have.length(1);
  return details[0]!;
}

/** Clicks Yes as a person would, and checks that the answer reached the collector exactly once. */
async function answerYes(frame: Frame, element: HTMLElement, endpoint: string): Promise<void> {
  const before = Object.keys((await received(endpoint)).accepted).length;
  const { delivery, submission } = await submitted(frame, element, () => control(element, 'yes').click());
  expect(delivery).to.equal('sent');
  const after = await received(endpoint);
  expect(after.accepted[submission.id], 'times the collector accepted the answer').to.equal(1);
  expect(Object.keys(after.accepted).length - before, 'answers that arrived').to.equal(1);
  expect(after.stored[submission.id]).to.include({ site: 'adult-social-care', widget: 'feedback' });
  expect(after.stored[submission.id]!.answers).to.deep.equal({ useful: true });
  expect(control(element, 'message').textContent).to.contain('Thank you');
}

/** Votes "4" on the poll's first question and waits for the collector to have it and the results to show. */
async function voteFour(frame: Frame, endpoint: string): Promise<void> {
  const root = await until('the poll to render', () => frame.doc.querySelector('tandem-poll')?.shadowRoot?.getElementById('q0-save') && frame.doc.querySelector('tandem-poll')!.shadowRoot!);
  (root.querySelector('input[value="4"]') as HTMLInputElement).click();
  (root.getElementById('q0-save') as HTMLButtonElement).click();
  await until('the answer to be saved', () => root.getElementById('q0-state')?.textContent === 'Answer saved');
  const { stored } = await received(endpoint);
  const votes = Object.values(stored).filter((s) => s.widget === 'poll');
  expect(votes.map((s) => [s.instance, s.answers])).to.deep.equal([['day-centres-2026', { question: 'overall', choice: '4' }]]);
  await until('the results chart', () => root.querySelector('.results svg'));
}

function resources(frame: Frame): string[] {
  return frame.win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
}

const chunkFiles = (frame: Frame) => resources(frame).filter((path) => path.includes('/dist/cdn/chunks/'));

describe('tandem.js on a host page', () => {
  describe('where it is pasted', () => {
    it('works as an async classic script in <head>, the element arriving later in <body>', async () => {
      const frame = await open('embed-head.html');
      const element = await widget(frame);
      // The loader ran while the parser was held before the element, so its observer found it.
      const mark = JSON.parse(frame.events.find((event) => event.type === 'mark')!.message);
      expect(mark).to.deep.equal({ loader: true, elements: 0 });
      expect(question(element)).to.equal('Is this page useful?');
      await answerYes(frame, element, '/collector/embed-head');
      expect(failures(frame)).to.deep.equal([]);
    });

    it('works as a module script at the end of <body>', async () => {
      const frame = await open('embed-module.html');
      const element = await widget(frame);
      expect(question(element)).to.equal('Is this page useful?');
      await answerYes(frame, element, '/collector/embed-module');
      expect(failures(frame)).to.deep.equal([]);
    });

    it('renders elements placed before and after the script, each answering once', async () => {
      const frame = await open('embed-body.html');
      const before = await widget(frame, '#before');
      const after = await widget(frame, '#after');
      await answerYes(frame, before, '/collector/embed-body');
      await answerYes(frame, after, '/collector/embed-body');
      const { stored } = await received('/collector/embed-body');
      const instances = Object.values(stored).map((submission) => submission.instance);
      expect(instances).to.include.members(['before', 'after']);
      expect(failures(frame)).to.deep.equal([]);
    });

    it('renders an element a page script adds later, deep inside new content', async () => {
      const frame = await open('embed-none.html');
      // ready waits for every chunk the loader started: one started would be listed by now.
      await frame.win.Tandem!.ready;
      expect(chunkFiles(frame)).to.deep.equal([]);
      const section = frame.doc.createElement('section');
      section.innerHTML = '<div><h2>Your views</h2><tandem-feedback id="late"></tandem-feedback></div>';
      frame.doc.querySelector('main')!.append(section);
      const element = await widget(frame, '#late');
      await answerYes(frame, element, '/collector/embed-none');
      expect(failures(frame)).to.deep.equal([]);
    });
  });

  describe('what it downloads', () => {
    it('loads no widget code on a page without a Tandem element', async () => {
      const frame = await open('embed-none.html');
      // ready waits for every chunk the loader started: one started would be listed by now.
      await frame.win.Tandem!.ready;
      expect(resources(frame).some((path) => path.endsWith('/dist/cdn/tandem.js'))).to.equal(true);
      expect(chunkFiles(frame)).to.deep.equal([]);
      expect(frame.win.customElements.get('tandem-feedback')).to.equal(undefined);
    });

    it('loads the feedback code and what it shares, not other widgets or Welsh; the redactor once idle, before any answer', async () => {
      const frame = await open('embed-head.html');
      const element = await widget(frame);
      const names = () => chunkFiles(frame).map((path) => path.split('/').pop()!.replace(/-[\w-]+\.js$/, ''));
      const unwanted = ['finder', 'engine', 'static', 'catalogue-check', 'poll', 'cy'];
      expect(names()).to.include('feedback');
      expect(names().filter((name) => unwanted.includes(name))).to.deep.equal([]);
      // Fetched when the page is idle, so an answer made offline later can still be prepared and kept.
      await until('the redactor to be fetched', () => names().includes('prepare'));
      await answerYes(frame, element, '/collector/embed-head');
      expect(names().filter((name) => unwanted.includes(name))).to.deep.equal([]);
    });
  });

  describe('a poll', () => {
    it('loads the poll code (not the other widgets), fetches the poll from data-endpoint, and sends a vote', async () => {
      const frame = await open('embed-poll.html');
      const element = await until('the poll to render', () => frame.doc.querySelector('tandem-poll')?.shadowRoot?.querySelector('#title'));
      expect(element.textContent).to.equal('Day centres in 2026');
      const names = chunkFiles(frame).map((path) => path.split('/').pop()!.replace(/-[\w-]+\.js$/, ''));
      expect(names).to.include('poll');
      expect(names.filter((name) => ['feedback', 'finder', 'engine', 'cy'].includes(name))).to.deep.equal([]);
      await voteFour(frame, '/collector/embed-poll');
      expect(failures(frame)).to.deep.equal([]);
    });
  });

  describe('under a strict Content-Security-Policy', () => {
    for (const [page, policy] of [
      ['csp-self.html', "script-src 'self'"],
      ['csp-nonce.html', "a nonce and 'strict-dynamic'"],
    ] as const) {
      it(`works with ${policy}, with no violation`, async () => {
        const frame = await open(page);
        expect(frame.events, 'the recorder ran under the policy').to.be.an('array');
        const element = await widget(frame);
        await answerYes(frame, element, `/collector/${page.replace('.html', '')}`);
        // Open the form too: every step renders without inline style or script.
        control(element, 'report').click();
        await until('the form', () => element.shadowRoot!.querySelector('form'));
        // And the poll, to its results chart.
        await voteFour(frame, `/collector/${page.replace('.html', '')}`);
        // A violation is reported in a task queued when it happens: let the frame's queue run.
        await afterQueuedTasks(frame);
        expect(failures(frame)).to.deep.equal([]);
      });
    }
  });

  describe('globals', () => {
    it('adds window.Tandem and nothing else', async () => {
      const bare = await open('embed-bare.html');
      const without = new Set(Object.keys(bare.win));
      const frame = await open('embed-head.html');
      await widget(frame);
      const tandem = frame.win.Tandem!;
      await tandem.ready;
      // Answering runs the rest of the widget's code (outbox, validator chunk).
      await answerYes(frame, await widget(frame), '/collector/embed-head');
      const added = Object.keys(frame.win).filter((key) => !without.has(key));
      expect(added).to.deep.equal(['Tandem']);
      // Lit's page-wide registries (shared with any Lit the host runs) exist, but the loader
      // makes them non-enumerable so they are not new globals in the page's eyes.
      for (const name of ['litPropertyMetadata', 'litHtmlVersions', 'litElementVersions', 'reactiveElementVersions']) {
        expect(Object.getOwnPropertyDescriptor(frame.win, name)?.enumerable, name).to.not.equal(true);
      }
      expect(tandem.version).to.match(/^\d+\.\d+\.\d+/);
      expect(tandem.configure).to.be.a('function');
    });

    it('resolves Tandem.ready once the elements on the page are defined', async () => {
      const frame = await open('embed-module.html');
      await until('window.Tandem', () => frame.win.Tandem);
      await Promise.race([frame.win.Tandem!.ready, sleep(3000).then(() => Promise.reject(new Error('ready never resolved')))]);
      expect(frame.win.customElements.get('tandem-feedback')).to.be.a('function');
    });
  });

  describe('two copies on one page', () => {
    for (const [page, how] of [
      ['embed-twice.html', 'the same file twice'],
      ['embed-two-urls.html', 'the same file under two URLs'],
    ] as const) {
      it(`is harmless with ${how}`, async () => {
        const frame = await open(page);
        const element = await widget(frame);
        // ready waits for every chunk the working copy started; the second copy starts none.
        await frame.win.Tandem!.ready;
        expect(frame.doc.querySelectorAll('tandem-feedback')).to.have.length(1);
        expect(element.shadowRoot!.querySelectorAll('#question')).to.have.length(1);
        expect(frame.events.filter((event) => event.type === 'define').map((event) => event.message)).to.deep.equal(['tandem-feedback']);
        expect(chunkFiles(frame).filter((path) => path.includes('/feedback-'))).to.have.length(1);
        await answerYes(frame, element, `/collector/${page.replace('.html', '')}`);
        expect(failures(frame)).to.deep.equal([]);
        expect(frame.events.filter((event) => event.type === 'console.error')).to.deep.equal([]);
      });
    }

    it('takes its settings from a configured copy when a bare copy came first', async () => {
      const frame = await open('embed-twice-config.html');
      const element = await widget(frame);
      expect(frame.events.filter((event) => event.type === 'define')).to.have.length(1);
      await answerYes(frame, element, '/collector/embed-twice-config');
      expect(failures(frame)).to.deep.equal([]);
    });
  });

  describe('a broken host page', () => {
    it('still gets a working widget when its own script throws and rejects', async () => {
      const frame = await open('embed-host-errors.html');
      const element = await widget(frame);
      await answerYes(frame, element, '/collector/embed-host-errors');
      // Only the host's own three failures, none of Tandem's.
      expect(failures(frame).map((event) => event.message).sort()).to.deep.equal(
        ['Uncaught Error: host page script error', 'Uncaught Error: host page timer error', 'host page rejection'].sort(),
      );
    });
  });

  describe('hostile host CSS', () => {
    const style = (frame: Frame, node: Element) => frame.win.getComputedStyle(node);

    it('keeps its buttons visible, on top and at least 44 by 44 px', async () => {
      const frame = await open('embed-hostile.html');
      const element = await widget(frame);
      for (const id of ['yes', 'no', 'report']) {
        const button = control(element, id);
        const box = button.getBoundingClientRect();
        expect(style(frame, button).display, `#${id} display`).to.not.equal('none');
        // A person could click it: nothing covers its centre.
        const hit = element.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        expect(hit === button || button.contains(hit), `#${id} is on top`).to.equal(true);
        expect(box.width, `#${id} width`).to.be.at.least(44);
        expect(box.height, `#${id} height`).to.be.at.least(44);
      }
    });

    it('keeps its own colours and type, and its form opens and sends', async () => {
      const frame = await open('embed-hostile.html');
      const element = await widget(frame);
      const root = element.shadowRoot!;
      // The widget's colours, not the theme's light-on-near-black.
      expect(style(frame, control(element, 'question')).color).to.equal('rgb(11, 12, 12)');
      expect(style(frame, control(element, 'question')).textTransform).to.equal('none');
      expect(style(frame, root.querySelector('.feedback')!).backgroundColor).to.equal('rgb(243, 242, 241)');
      expect(style(frame, control(element, 'yes')).color).to.equal('rgb(11, 12, 12)');
      expect(style(frame, control(element, 'yes')).backgroundColor).to.equal('rgb(232, 232, 232)');

      control(element, 'report').click();
      const form = await until('the form', () => root.querySelector('form'));
      expect(form.getBoundingClientRect().height).to.be.above(100);
      for (const id of ['trying', 'wrong']) {
        const area = control(element, id) as HTMLTextAreaElement;
        expect(area.getBoundingClientRect().height, `#${id} height`).to.be.above(40);
        expect(style(frame, area).color).to.equal('rgb(11, 12, 12)');
        expect(style(frame, area).backgroundColor).to.equal('rgb(255, 255, 255)');
        area.value = id === 'trying' ? 'Find out about care at home' : 'The page did not say who pays';
        area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      const send = control(element, 'send');
      expect(style(frame, send).display).to.not.equal('none');
      expect(style(frame, send).color).to.equal('rgb(255, 255, 255)');
      expect(style(frame, send).backgroundColor).to.equal('rgb(0, 112, 60)');
      const { delivery, submission } = await submitted(frame, element, () => send.click());
      expect(delivery).to.equal('sent');
      expect((await received('/collector/embed-hostile')).stored[submission.id]!.answers).to.include({ reason: 'problem' });
      expect(failures(frame)).to.deep.equal([]);
    });
  });

  describe('misconfiguration', () => {
    for (const [page, attribute] of [
      ['embed-no-endpoint.html', 'endpoint'],
      ['embed-bad-site.html', 'site'],
    ] as const) {
      it(`shows a short notice and names ${attribute} in the console (${page})`, async () => {
        const frame = await open(page);
        const element = await until('the notice', () => {
          const found = frame.doc.querySelector('tandem-feedback');
          return found?.shadowRoot?.querySelector('.notice') ? found : undefined;
        });
        const notice = element.shadowRoot!.querySelector<HTMLElement>('.notice')!;
        expect(notice.textContent!.trim()).to.equal('Sorry, feedback is not available on this page.');
        expect(notice.getBoundingClientRect().height).to.be.above(0);
        expect(element.shadowRoot!.querySelector('button')).to.equal(null);
        // The widget says what is wrong in the console as it draws the notice, not after.
        const errors = frame.events.filter((event) => event.type === 'console.error').map((event) => event.message);
        expect(errors.some((message) => message.includes(`"${attribute}"`)), errors.join('\n')).to.equal(true);
        expect(failures(frame)).to.deep.equal([]);
      });
    }
  });

  describe('Tandem.configure()', () => {
    it('changes the question of a widget already on screen', async () => {
      const frame = await open('embed-head.html');
      const element = await widget(frame);
      expect(question(element)).to.equal('Is this page useful?');
      frame.win.Tandem!.configure({ strings: { en: { feedback: { question: 'Was this page helpful?' } } } });
      await until('the new question', () => question(element) === 'Was this page helpful?', 2000);
    });

    it('sets the question before the widget first renders', async () => {
      const frame = await open('embed-configure.html');
      const element = await widget(frame);
      await until('the new question', () => question(element) === 'Was this page helpful?', 2000);
      await answerYes(frame, element, '/collector/embed-configure');
      expect(failures(frame)).to.deep.equal([]);
    });
  });
});
