// bench/ingest's answers: what a council's collector receives, each one different. Sending the
// same answer every time measured the cheap path (every answer after the first was folded as
// a repeat); councils send a mix of one-click votes, written answers of every length (a few
// with a phone number or an email address in them, to redact), finder searches and poll votes.
import { randomUUID } from 'node:crypto';

export const SITE = 'bench';
export const ORIGIN = 'http://bench.example';
export const POLL_ID = 'bench-day-centres';

/** A small, fixed-seed generator, so that every run (and both servers) sees the same mix. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}
const rng = generator(20261203);

const WORDS = (
  'care assessment mother father hospital discharge home help carer support visit weekly form date birth ' +
  'payment direct budget blue badge wheelchair transport day centre meals bathing stairs lift fall alarm ' +
  'phone call waited weeks nobody answered page link broken could not find where apply online letter ' +
  'council tax reduction respite dementia memory appointment occupational therapist equipment rail ramp ' +
  'social worker review complaint cost charge financial nursing residential move sister neighbour'
).split(' ');
const PAGES = [
  ['care-and-support/care-needs-assessment', 'Get a care needs assessment'],
  ['care-and-support/help-at-home', 'Help at home'],
  ['care-and-support/paying-for-care', 'Paying for care'],
  ['care-and-support/day-centres', 'Day centres'],
  ['care-and-support/carers', 'Support for carers'],
  ['care-and-support/equipment', 'Equipment and adaptations'],
];
const REASONS = ['problem', 'missing', 'confusing', 'other'];
const SEARCHES = ['help with washing', 'blue badge renewal', 'carer break', 'meals on wheels', 'mum fell', 'stair lift', 'day centre near me', 'pay for care home', 'social worker', 'complain'];
const CHOICES = { overall: ['1', '2', '3', '4', '5'], mood: ['1', '2', '3', '4', '5'], visits: ['weekly', 'monthly', 'less-often', 'first-time'] };

/** Words to about `length` characters, now and then with personal details a resident typed. */
function text(length) {
  let out = rng.pick(WORDS);
  while (out.length < length) out += ` ${rng.pick(WORDS)}`;
  if (rng.chance(0.05)) out += rng.chance(0.5) ? ' call me on 07700 900123' : ' email jo.bloggs@example.com';
  return out.slice(0, 2000);
}
/** Mostly short, sometimes long: most people write a line, a few a paragraph. */
const textLength = () => (rng.chance(0.7) ? 20 + rng.int(100) : rng.chance(0.8) ? 120 + rng.int(400) : 500 + rng.int(1500));

function base(widget, instance, answers, fillMs) {
  const [path, title] = rng.pick(PAGES);
  return {
    id: randomUUID(),
    site: SITE,
    widget,
    instance,
    page: { url: `${ORIGIN}/${path}`, title: `${title} – Adult social care` },
    lang: rng.chance(0.15) ? 'cy' : 'en-GB',
    answers,
    signals: { honeypot: false, fillMs },
    clientTime: new Date().toISOString(),
    sdkVersion: '0.1.0',
  };
}

/** The mix, in shares of all answers. */
const KINDS = [
  // "Is this page useful?" Yes / No: one click.
  [0.4, () => base('feedback', 'page-feedback', { useful: rng.chance(0.7) }, 800 + rng.int(20000))],
  // The feedback form: what were you trying to do, what went wrong.
  [0.15, () => base('feedback', 'page-feedback', { reason: rng.pick(REASONS), trying: text(textLength()), wrong: text(textLength()) }, 8000 + rng.int(120000))],
  // A finder search, now and then with the result chosen.
  [0.25, () => base('finder', 'finder', { query: `${rng.pick(SEARCHES)} ${rng.pick(WORDS)}`, results: rng.int(7), ...(rng.chance(0.4) ? { chosen: `entry-${rng.int(69)}` } : {}) }, 300 + rng.int(6000))],
  // "Did this answer your need?"
  [0.05, () => base('finder', 'finder', { query: rng.pick(SEARCHES), chosen: `entry-${rng.int(69)}`, helped: rng.chance(0.6) }, 2000 + rng.int(30000))],
  // A poll vote, each from a new participant (one answer a person a question).
  [0.15, () => {
    const question = rng.pick(Object.keys(CHOICES));
    return (newParticipant) => ({ ...base('poll', POLL_ID, { question, choice: rng.pick(CHOICES[question]) }, 400 + rng.int(5000)), participant: newParticipant() });
  }],
];

/**
 * One answer of the mix, with a fresh id.
 * @param {() => string} newParticipant  A participant id as the server issues them (a collector signs its own).
 */
export function answer(newParticipant = randomUUID) {
  let roll = rng.int(1000) / 1000;
  for (const [share, make] of KINDS) {
    if (roll < share) {
      const made = make();
      return typeof made === 'function' ? made(newParticipant) : made;
    }
    roll -= share;
  }
  return KINDS[0][1]();
}

/** A feedback Yes, the same every time but for its id: for the probe before the load. */
export const probeAnswer = () => ({ ...base('feedback', 'page-feedback', { useful: true }, 1000) });

/** The poll the votes go to, open from a week ago for a month. */
export function benchPoll(now = Date.now()) {
  const option = (id) => ({ id, label: { en: id, cy: id } });
  const question = (id, type) => ({ id, type, text: { en: `Question ${id}`, cy: `Cwestiwn ${id}` }, options: CHOICES[id].map(option) });
  return {
    id: POLL_ID,
    site: SITE,
    title: { en: 'Day centres', cy: 'Canolfannau dydd' },
    intro: { en: 'Tell us how our day centres are doing.', cy: 'Dywedwch wrthym sut mae ein canolfannau dydd yn gwneud.' },
    opensAt: new Date(now - 7 * 86_400_000).toISOString(),
    closesAt: new Date(now + 30 * 86_400_000).toISOString(),
    allowStatements: false,
    questions: [question('overall', 'rating'), question('mood', 'faces'), question('visits', 'choice')],
  };
}
