// A real HTTP stand-in for the collector, served by the test runner on loopback, whose
// behaviour each test scripts: answer, fail the connection, hang, or return 429/500/400.
// It stores each submission id once, as the collector does, and reports what arrived.
//
//   PUT  /collector/{scenario}/script        body: ["drop", "hang", {"status":429,"retryAfter":"1"}, …]
//   POST /collector/{scenario}/v1/submissions the endpoint under test; takes the next scripted step
//   GET  /collector/{scenario}/received      { stored: {id: submission}, accepted: {id: 2xx count}, attempts, log }
//
// Steps: "drop" ends the connection with no HTTP answer; "hang" answers nothing (for 30 s, or
// until the client gives up); {"status": n, "retryAfter": "…"} answers n; {"delay": ms} waits,
// then applies the rest of the step (a status, or an ordinary answer); anything else answers as
// the collector.
// `attempts` counts requests; `log` has one entry per request, in arrival order:
// { at, id, step, contentType, bytes }, and for a "hang", heldMs: how long the client kept it open.

const scenarios = new Map();

function scenario(name) {
  if (!scenarios.has(name)) scenarios.set(name, { script: [], stored: {}, accepted: {}, attempts: 0, log: [] });
  return scenarios.get(name);
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
    const match = /^\/collector\/([\w-]+)\/(script|received|v1\/submissions)$/.exec(ctx.path);
    if (!match) return next();
    const [, name, action] = match;
    const state = scenario(name);
    ctx.set('Cache-Control', 'no-store');

    if (action === 'script' && ctx.method === 'PUT') {
      state.script = JSON.parse((await readBody(ctx.req)).toString('utf8'));
      ctx.status = 204;
      return;
    }
    if (action === 'received') {
      ctx.body = { stored: state.stored, accepted: state.accepted, attempts: state.attempts, log: state.log };
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

    if (step === 'drop') {
      drop(ctx);
      return;
    }
    if (step === 'hang') {
      // Hold the request open far past the client's timeout; stop as soon as the client gives
      // up, so no timer outlives the test run.
      const entry = state.log.at(-1);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 30000);
        timer.unref?.();
        ctx.res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      // How long the client kept the request open.
      entry.heldMs = Date.now() - entry.at;
      ctx.req.socket.destroy();
      ctx.status = 204;
      ctx.respond = false;
      return;
    }
    if (typeof step === 'object' && step !== null && step.delay) {
      await new Promise((resolve) => setTimeout(resolve, step.delay).unref?.());
    }
    if (typeof step === 'object' && step !== null && step.status) {
      ctx.status = step.status;
      if (step.retryAfter) ctx.set('Retry-After', String(step.retryAfter));
      ctx.body = { error: `scripted ${step.status}` };
      return;
    }

    let submission;
    try {
      submission = JSON.parse(body);
    } catch {
      ctx.status = 400;
      ctx.body = { error: 'invalid JSON' };
      return;
    }
    const first = !(submission.id in state.stored);
    if (first) state.stored[submission.id] = submission;
    state.accepted[submission.id] = (state.accepted[submission.id] ?? 0) + 1;
    ctx.status = first ? 201 : 200;
    ctx.body = { id: submission.id };
  };
}
