import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { PARTICIPANT } from '@tandem/core/protocol.js';
import { expectNoAxeViolations } from '../../../test/support/axe.js';
import { axFullTree, axNode, axTree, eventually, flatten, pollTests, scenario } from './support.js';
import dayCentres from './fixtures/day-centres-2026.json';

const { setPoll, mountPoll, forgetParticipant, storedParticipant } = pollTests('display-poll');

const COUNTS = { overall: { '1': 0, '2': 1, '3': 2, '4': 5, '5': 4 }, transport: { agree: 2, disagree: 0, unsure: 1 } };

describe('<tandem-poll>: what it shows', () => {
  beforeEach(() => forgetParticipant());

  it('results in the accessibility tree: a table with its caption, headers and cells, and a chart named by its figures', async () => {
    const name = scenario();
    await setPoll(name, { counts: COUNTS });
    const poll = await mountPoll(name);
    await poll.answer('overall', '4');
    await eventually(() => expect(poll.results('overall')[3]![1]).to.equal('6'));
    const chart = await axNode((n) => ['img', 'image'].includes(n.role!) && !!n.name?.startsWith('Bar chart'));
    expect(chart?.name).to.equal('Bar chart of the same results: 1 Very poor 0%, 2 Poor 8%, 3 Fair 15%, 4 Good 46%, 5 Very good 31%');
    expect(chart!.children ?? [], 'the bars are not read out one by one').to.deep.equal([]);
    const table = await axFullTree('pierce/#q0-results table');
    expect([table.role, table.name], 'the table named by its caption').to.deep.equal(['table', 'Results so far: 13 answers']);
    const cells = flatten(table).filter((n) => ['columnheader', 'rowheader', 'cell'].includes(n.role!)).map((n) => `${n.role}:${n.name}`);
    expect(cells.slice(0, 6)).to.deep.equal(['columnheader:Answer', 'columnheader:People', 'columnheader:Percentage', 'rowheader:1 Very poor', 'cell:0', 'cell:0%']);
    expect(cells).to.include('rowheader:4 Good (your answer)');
    await expectNoAxeViolations();
  });

  it('a closed poll: final results of every question, staff\'s response, no radio buttons or form', async () => {
    const name = scenario();
    await setPoll(name, {
      status: 'closed',
      counts: COUNTS,
      response: { en: 'You said the minibus was late.\n\nWe changed the timetable in March.', cy: "Dywedoch fod y bws mini yn hwyr.\n\nFe wnaethom newid yr amserlen ym mis Mawrth." },
    });
    const poll = await mountPoll(name);
    expect(poll.text('#dates')).to.equal('This poll closed on 31 January 2027. Thank you to everyone who took part.');
    expect(poll.query('input, textarea, #q0-save')).to.equal(null);
    expect(poll.text('#q0-results .results-heading')).to.equal('Final results: 12 answers');
    expect(poll.results('transport')).to.deep.equal([
      ['Agree', '2', '67%'],
      ['Disagree', '0', '0%'],
      ['Unsure', '1', '33%'],
    ]);
    expect(await axNode((n) => n.role === 'heading' && n.name === 'How good is your day centre?' && n.level === 3)).to.exist;
    expect(await axNode((n) => n.role === 'heading' && n.name === 'You said, we did' && n.level === 3)).to.exist;
    expect([...poll.root.querySelectorAll('.response p')].map((p) => p.textContent)).to.deep.equal(['You said the minibus was late.', 'We changed the timetable in March.']);
    await expectNoAxeViolations();
  });

  it('an upcoming poll says when it opens, and asks nothing yet', async () => {
    const name = scenario();
    await setPoll(name, { status: 'upcoming' });
    const poll = await mountPoll(name);
    expect(poll.text('#dates')).to.equal('This poll opens on 1 November 2026. Come back then to have your say.');
    expect(poll.query('input, textarea, .question')).to.equal(null);
    await expectNoAxeViolations();
  });

  it('speaks Welsh, with the poll\'s own Welsh, and marks English the poll gives no Welsh for', async () => {
    const name = scenario();
    const definition = structuredClone(dayCentres) as typeof dayCentres & { id: string };
    definition.id = 'display-poll';
    delete (definition.questions[2]!.text as { cy?: string }).cy;
    await setPoll(name, { definition, counts: COUNTS });
    const poll = await mountPoll(name, { lang: 'cy' });
    await poll.waitForText('#dates', 'Gallwch ateb tan 31 Ionawr 2027. Gallwch newid eich atebion tan hynny.');
    expect(poll.text('#title')).to.equal('Canolfannau dydd yn 2026');
    expect(poll.query('.base')!.getAttribute('lang')).to.equal('cy');
    expect(await axNode((n) => n.role === 'radio' && n.name === '1 Gwael iawn')).to.exist;
    expect(await axNode((n) => n.role === 'radio' && n.name === 'Cytuno')).to.exist;
    expect(poll.text('#q0-save')).to.equal("Cadw'r ateb");
    const english = poll.query('#q2-legend [lang="en"]');
    expect(english?.textContent).to.equal('How often do you go?');
    await poll.answer('overall', '5');
    await eventually(() => expect(poll.results('overall')[4]).to.deep.equal(['5 Da iawn (eich ateb chi)', '5', '38%']));
    expect(poll.text('#q0-results .results-heading')).to.equal('Canlyniadau hyd yma: 13 ateb');
    await poll.sendStatement();
    expect(poll.text('#error-summary a')).to.equal('Rhowch eich datganiad');
    await expectNoAxeViolations();
  });

  it('right to left: the bars grow from the right', async () => {
    const name = scenario();
    await setPoll(name, { counts: COUNTS });
    const poll = await mountPoll(name, { dir: 'rtl' });
    await poll.answer('overall', '4');
    const fill = poll.query('#q0-results .chart-row:nth-child(4) .fill')!;
    expect(getComputedStyle(poll.query('.base')!).direction).to.equal('rtl');
    const width = Number(fill.getAttribute('width'));
    expect(width).to.equal(46);
    expect(Number(fill.getAttribute('x'))).to.equal(100 - width);
    await expectNoAxeViolations();
  });

  describe('zoom and forced colours', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await executeServerCommand('forced-colors', { active: false });
    });

    it('reflows at 320 CSS pixels without scrolling sideways, with results and the form', async () => {
      await setViewport({ width: 320, height: 640 });
      const name = scenario();
      await setPoll(name, { counts: COUNTS });
      const poll = await mountPoll(name);
      await poll.answer('overall', '3');
      await poll.answer('transport', 'unsure');
      await poll.sendStatement();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const base = poll.query('.base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    });

    it('keeps the radios\' focus and the bars visible in forced colours', async () => {
      await executeServerCommand('forced-colors', { active: true });
      const name = scenario();
      await setPoll(name, { counts: COUNTS });
      const poll = await mountPoll(name);
      await sendKeys({ press: 'Tab' });
      expect(poll.focused).to.equal('q0-0');
      expect(getComputedStyle(poll.control('q0-0')).outlineStyle).to.equal('solid');
      await poll.answer('overall', '3');
      const fill = poll.query('#q0-results .fill')!;
      expect(getComputedStyle(fill).fill).to.not.equal(getComputedStyle(poll.query('#q0-results .track')!).fill);
    });
  });

  it('faces stay visible in dark forced colours', async () => {
    await executeServerCommand('forced-colors', { active: true, scheme: 'dark' });
    try {
      const poll = await mountPoll(scenario());
      const index = poll.index('mood');
      const label = poll.query(`label[for="q${index}-0"]`)!;
      const outline = poll.query(`label[for="q${index}-0"] svg.face circle`)!;
      const eye = poll.query(`label[for="q${index}-0"] svg.face circle:nth-of-type(2)`)!;
      const text = getComputedStyle(label).color;
      // Drawn in the system's text colour, against its dark canvas.
      expect(getComputedStyle(outline).stroke).to.equal(text);
      expect(getComputedStyle(eye).fill).to.equal(text);
      expect(text, 'light text on the dark canvas').to.equal('rgb(255, 255, 255)');
      expect(matchMedia('(forced-colors: active) and (prefers-color-scheme: dark)').matches).to.equal(true);
    } finally {
      await executeServerCommand('forced-colors', { active: false });
    }
  });

  for (const lang of ['en', 'cy']) {
  it(`keeps whole words in the poll at 320 pixels (${lang})`, async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const name = scenario();
      await setPoll(name, { counts: COUNTS });
      const poll = await mountPoll(name, { lang });
      // Inside the example site's main column, which keeps 1rem each side.
      document.querySelector('main')!.classList.add('narrow');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('main.narrow { padding: 0 1rem; }');
      document.adoptedStyleSheets = [sheet];
      if (lang === 'cy') await poll.waitForText('#q0-legend', 'Pa mor dda yw eich canolfan ddydd?');
      await poll.answer('overall', '4');
      await poll.answer('mood', '1');
      await poll.answer('visits', 'weekly');
      await poll.answer('transport', 'disagree');
      await eventually(() => expect(poll.results('transport')).to.have.length(3));
      const broken: string[] = [];
      const walker = document.createTreeWalker(poll.query('.poll')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      expect(broken, 'words split across lines').to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      document.adoptedStyleSheets = [];
      await setViewport({ width: 800, height: 600 });
    }
  });
  }

  it("takes the reader's own letter and word spacing (WCAG 1.4.12) from the page", async () => {
    const poll = await mountPoll(scenario());
    const host = document.getElementById('host')!;
    host.classList.add('reader-spacing');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.reader-spacing * { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; line-height: 1.5 !important; }');
    document.adoptedStyleSheets = [sheet];
    try {
      const legend = poll.query('#q0-legend')!;
      const size = parseFloat(getComputedStyle(poll.element).fontSize);
      expect(parseFloat(getComputedStyle(legend).letterSpacing)).to.be.closeTo(0.12 * size, 0.1);
      expect(parseFloat(getComputedStyle(legend).wordSpacing)).to.be.closeTo(0.16 * size, 0.1);
      // Nothing is cut off with the reader's spacing.
      for (const element of poll.root.querySelectorAll<HTMLElement>('legend, label, p, button, th, td')) {
        if (element.closest('.visually-hidden, .honeypot')) continue;
        expect(element.scrollHeight, element.textContent!).to.be.at.most(element.clientHeight + 1);
      }
    } finally {
      document.adoptedStyleSheets = [];
    }
  });

  it('the participant id is the only thing kept, under a tandem: key, and no cookie', async () => {
    const name = scenario();
    const before = document.cookie;
    const poll = await mountPoll(name);
    expect(storedParticipant()).to.equal(null);
    await poll.answer('mood', '3');
    expect(storedParticipant()).to.match(PARTICIPANT);
    expect(Object.keys(localStorage).filter((key) => key.includes('display-poll'))).to.deep.equal(['tandem:poll:display-poll:participant']);
    expect(document.cookie).to.equal(before);
    expect((await axTree()).name).to.be.a('string');
  });
});
