// A real HTTP stand-in for the collector, served by the test runner on loopback, whose
// behaviour each test scripts: answer, fail the connection, hang, or return 429/500/400.
// It stores each submission id once, as the collector does, and reports what arrived.
//
//   PUT  /collector/{scenario}/script        body: ["drop", "hang", {"status":429,"retryAfter":"1"}, …]
//   POST /collector/{scenario}/v1/submissions the endpoint under test; takes the next scripted step
//   GET  /collector/{scenario}/received      { stored: {id: submission}, accepted: {id: 2xx count}, attempts, log, pollRequests }
//
// Polls (poll protocol v1, as packages/poll/README.md and packages/collector/README.md describe
// it), from the definitions in packages/poll/test/fixtures/{id}.json:
//   PUT  /collector/{scenario}/polls/{id}      body: the poll's state (status, counts, votes, statements, policy, response…)
//                                              and optionally its `definition`, in place of the fixture file
//   PUT  /collector/{scenario}/poll-script     body: steps for GET requests, as for submissions
//   GET  /collector/{scenario}/v1/polls/{id}?site=…&participant=…   the poll with its results (and `mine`),
//                                              or a new signed participant id when none it issued is given
// Poll submissions are applied as the collector applies them: a vote counts once per
// participant and question (a later one changes it), a statement waits as pending, and the
// contract's refusals are answered with its codes (PollRefusalCode in @tandem/core/protocol.js).
//
// Offers of help (pledge protocol v1), from the lists in packages/pledge/test/fixtures/{id}.json:
//   GET  /collector/{scenario}/v1/pledges/{id}?site=…  the list, taking steps from poll-script as polls do
//   POST /collector/{scenario}/v1/pledges/withdraw     { site, reference }: 200 for an offer stored here
//                                                      and not yet withdrawn, else 404; 422 for no reference
// An offer (widget "pledge") is answered with its reference, as the collector answers it.
//
// Steps: "drop" ends the connection with no HTTP answer; "hang" answers nothing (for 30 s, or
// until the client gives up); {"status": n, "retryAfter": "…"} answers n; {"delay": ms} waits,
// then applies the rest of the step (a status, or an ordinary answer); anything else answers as
// the collector.
// A step may carry a JSON `body` to answer with (e.g. {"status":409,"body":{"code":"poll-closed"}}).
// `attempts` counts requests; `log` has one entry per request, in arrival order:
// { at, id, step, contentType, bytes }, and for a "hang", heldMs: how long the client kept it open.

import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
// The built protocol module (npm test builds first; run `npm run build` before the browser tests alone).
import { isIssuedParticipant, issueParticipant, pollStatus, readReference, referenceOf, SLUG, statementKey, statementLengthProblem } from '@tandem/core/protocol.js';
import { pollView } from '../../packages/poll/test/fixtures/poll-view.mjs';

const scenarios = new Map();

// Participant ids are issued and checked as the collector does (participant.ts in the protocol).
const secret = randomBytes(32);
const sign = (text) => createHmac('sha256', secret).update(text).digest('base64url');
/** A participant id as the collector issues one; the tests give these to polls they set up. */
export const issuedParticipant = () => issueParticipant(randomUUID(), sign);

function scenario(name) {
  if (!scenarios.has(name)) scenarios.set(name, { script: [], pollScript: [], stored: {}, accepted: {}, attempts: 0, log: [], polls: {}, pollRequests: [], withdrawn: [] });
  return scenarios.get(name);
}

/** A poll's definition: one the test set for the scenario, else the fixture file of that id. */
function definition(id, state) {
  if (state?.polls[id]?.definition) return state.polls[id].definition;
  if (!SLUG.test(id)) return undefined;
  try {
    return JSON.parse(readFileSync(new URL(`../../packages/poll/test/fixtures/${id}.json`, import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/** A poll's state in a scenario: what the test set, plus what arrived. */
function pollState(state, id) {
  state.polls[id] ??= { votes: {}, statements: [] };
  const poll = state.polls[id];
  poll.votes ??= {};
  poll.statements ??= [];
  return poll;
}

/**
 * Applies a poll submission as the collector would, by the protocol's own rules
 * (@tandem/core/protocol.js: status, statement length, the duplicate key); returns a refusal,
 * or nothing when it counts.
 */
function applyPoll(state, submission) {
  const refuse = (status, code, field) => ({ status, body: { error: `refused: ${code}`, code, ...(field ? { field } : {}) } });
  if (!submission.participant) return refuse(422, 'participant-required', 'participant');
  if (!isIssuedParticipant(submission.participant, sign)) return refuse(422, 'unknown-participant', 'participant');
  const poll = definition(submission.instance, state);
  if (!poll || poll.site !== submission.site) return refuse(422, 'unknown-poll', 'instance');
  const current = pollState(state, poll.id);
  if ((current.status ?? pollStatus(poll, Date.now())) !== 'open') return refuse(409, 'poll-closed', 'instance');
  const { question, choice, statement } = submission.answers;
  if (typeof statement === 'string') {
    if (!(current.allowStatements ?? poll.allowStatements)) return refuse(422, 'statements-closed', 'answers.statement');
    if (statementLengthProblem(statement)) return refuse(422, 'statement-length', 'answers.statement');
    const text = statement.trim();
    const existing = [...poll.questions.filter((q) => q.type === 'statement').map((q) => q.text.en), ...current.statements.map((s) => s.text)];
    if (existing.some((other) => statementKey(other) === statementKey(text))) return refuse(409, 'duplicate-statement', 'answers.statement');
    current.statements.push({ id: `s-${current.statements.length + 1}`, participant: submission.participant, text, status: 'pending', reason: null, reply: null });
    return undefined;
  }
  const view = pollView(poll, current);
  const asked = view.questions.find((q) => q.id === question);
  if (!asked) return refuse(422, 'unknown-question', 'answers.question');
  if (!asked.options.some((option) => option.id === choice)) return refuse(422, 'unknown-option', 'answers.choice');
  current.votes[submission.participant] = { ...current.votes[submission.participant], [question]: choice };
  return undefined;
}

/** Takes the next scripted step for a request; true when the step has answered it. */
async function scripted(ctx, step, entry) {
  if (step === 'drop') {
    drop(ctx);
    return true;
  }
  if (step === 'hang') {
    // Hold the request open far past the client's timeout; stop as soon as the client gives
    // up, so no timer outlives the test run.
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 30000);
      timer.unref?.();
      ctx.res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (entry) entry.heldMs = Date.now() - entry.at;
    ctx.req.socket.destroy();
    ctx.status = 204;
    ctx.respond = false;
    return true;
  }
  if (typeof step === 'object' && step !== null && step.delay) {
    await new Promise((resolve) => setTimeout(resolve, step.delay).unref?.());
  }
  if (typeof step === 'object' && step !== null && step.status) {
    ctx.status = step.status;
    if (step.retryAfter) ctx.set('Retry-After', String(step.retryAfter));
    ctx.body = step.body ?? { error: `scripted ${step.status}` };
    return true;
  }
  return false;
}

async function pollRequest(ctx, state, id) {
  const step = state.pollScript.shift() ?? 'ok';
  state.pollRequests.push({ at: Date.now(), id, query: ctx.querystring, site: ctx.query.site ?? null, participant: ctx.query.participant ?? null, step });
  if (await scripted(ctx, step)) return;
  const poll = definition(id, state);
  if (!poll || poll.site !== ctx.query.site) {
    ctx.status = 404;
    ctx.body = { error: `No poll "${id}" for this site.` };
    return;
  }
  const given = typeof ctx.query.participant === 'string' ? ctx.query.participant : undefined;
  // As the collector: one it did not issue has no answers here, and a new device gets an id.
  const participant = given && isIssuedParticipant(given, sign) ? given : undefined;
  ctx.body = { ...pollView(poll, { ...pollState(state, id), participant }), ...(participant ? {} : { participant: issuedParticipant() }) };
}

function pledgeList(id) {
  if (!SLUG.test(id)) return undefined;
  try {
    return JSON.parse(readFileSync(new URL(`../../packages/pledge/test/fixtures/${id}.json`, import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

async function pledgeListRequest(ctx, state, id) {
  const step = state.pollScript.shift() ?? 'ok';
  state.pollRequests.push({ at: Date.now(), id, query: ctx.querystring, site: ctx.query.site ?? null, participant: null, step });
  if (await scripted(ctx, step)) return;
  const list = pledgeList(id);
  if (!list || list.site !== ctx.query.site) {
    ctx.status = 404;
    ctx.body = { error: 'There is no ways to help list with this id on this site', code: 'unknown-list' };
    return;
  }
  ctx.body = list;
}

/** As the collector: the reference as typed, the same 404 for unknown and already withdrawn. */
async function withdrawRequest(ctx, state) {
  let body;
  try {
    body = JSON.parse((await readBody(ctx.req)).toString('utf8'));
  } catch {
    body = {};
  }
  const reference = typeof body.reference === 'string' ? readReference(body.reference) : undefined;
  if (!reference) {
    ctx.status = 422;
    ctx.body = { error: 'reference must be the reference given with the offer', code: 'invalid-reference', field: 'reference' };
    return;
  }
  const offer = Object.values(state.stored).find((stored) => stored.widget === 'pledge' && stored.site === body.site && referenceOf(stored.id) === reference);
  if (!offer || state.withdrawn.includes(reference)) {
    ctx.status = 404;
    ctx.body = { error: 'There is no offer of help with this reference to withdraw', code: 'unknown-reference', field: 'reference' };
    return;
  }
  state.withdrawn.push(reference);
  ctx.body = { reference, status: 'withdrawn' };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Ends the connection with no HTTP answer. A few bytes that are not HTTP go first: when a
 * reused keep-alive connection closes with no bytes at all, Chromium resends the request
 * itself (up to three times, the page never knowing), which would make a drop invisible.
 */
function drop(ctx) {
  ctx.req.socket.end('connection lost\r\n\r\n');
  // Nothing HTTP is sent; a status other than the default 404 keeps the runner from reporting one.
  ctx.status = 204;
  ctx.respond = false;
}

function idOf(text) {
  try {
    return JSON.parse(text)?.id;
  } catch {
    return undefined;
  }
}

export function testCollector() {
  return async (ctx, next) => {
    const match = /^\/collector\/([\w-]+)\/(script|poll-script|received|v1\/submissions|polls\/[\w-]+|v1\/polls\/[\w-]+|v1\/pledges\/[\w-]+)$/.exec(ctx.path);
    if (!match) return next();
    const [, name, action] = match;
    const state = scenario(name);
    ctx.set('Cache-Control', 'no-store');

    if (action === 'poll-script' && ctx.method === 'PUT') {
      state.pollScript = JSON.parse((await readBody(ctx.req)).toString('utf8'));
      ctx.status = 204;
      return;
    }
    if (action.startsWith('polls/') && ctx.method === 'PUT') {
      const set = JSON.parse((await readBody(ctx.req)).toString('utf8'));
      state.polls[action.slice('polls/'.length)] = { votes: {}, statements: [], ...set };
      ctx.status = 204;
      return;
    }
    if (action.startsWith('v1/polls/')) {
      if (ctx.method !== 'GET') {
        ctx.status = 405;
        return;
      }
      await pollRequest(ctx, state, action.slice('v1/polls/'.length));
      return;
    }

    if (action === 'v1/pledges/withdraw' && ctx.method === 'POST') {
      await withdrawRequest(ctx, state);
      return;
    }
    if (action.startsWith('v1/pledges/')) {
      if (ctx.method === 'OPTIONS') {
        ctx.status = 204;
        return;
      }
      if (ctx.method !== 'GET') {
        ctx.status = 405;
        return;
      }
      await pledgeListRequest(ctx, state, action.slice('v1/pledges/'.length));
      return;
    }
    if (action === 'script' && ctx.method === 'PUT') {
      state.script = JSON.parse((await readBody(ctx.req)).toString('utf8'));
      ctx.status = 204;
      return;
    }
    if (action === 'received') {
      ctx.body = { stored: state.stored, accepted: state.accepted, attempts: state.attempts, log: state.log, pollRequests: state.pollRequests, polls: state.polls, withdrawn: state.withdrawn };
      return;
    }
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return;
    }

    const raw = await readBody(ctx.req);
    const body = raw.toString('utf8');
    state.attempts += 1;
    const step = state.script.shift() ?? 'ok';
    state.log.push({ at: Date.now(), id: idOf(body), step, contentType: ctx.get('Content-Type'), bytes: raw.length });

    if (await scripted(ctx, step, state.log.at(-1))) return;

    let submission;
    try {
      submission = JSON.parse(body);
    } catch {
      ctx.status = 400;
      ctx.body = { error: 'invalid JSON' };
      return;
    }
    const first = !(submission.id in state.stored);
    if (first && submission.widget === 'poll') {
      const refusal = applyPoll(state, submission);
      if (refusal) {
        ctx.status = refusal.status;
        ctx.body = refusal.body;
        return;
      }
    }
    if (first) state.stored[submission.id] = submission;
    state.accepted[submission.id] = (state.accepted[submission.id] ?? 0) + 1;
    ctx.status = first ? 201 : 200;
    ctx.body = submission.widget === 'pledge' ? { id: submission.id, reference: referenceOf(submission.id) } : { id: submission.id };
  };
}
