// A real HTTP stand-in for the collector, served by the test runner on loopback, whose
// behaviour each test scripts: answer, fail the connection, hang, or return 429/500/400.
// It stores each submission id once, as the collector does, and reports what arrived.
//
//   PUT  /collector/{scenario}/script        body: ["drop", "hang", {"status":429,"retryAfter":"1"}, …]
//   POST /collector/{scenario}/v1/submissions the endpoint under test; takes the next scripted step
//   GET  /collector/{scenario}/received      { stored: {id: submission}, accepted: {id: 2xx count}, attempts }

const scenarios = new Map();

function scenario(name) {
  if (!scenarios.has(name)) scenarios.set(name, { script: [], stored: {}, accepted: {}, attempts: 0 });
  return scenarios.get(name);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export function testCollector() {
  return async (ctx, next) => {
    const match = /^\/collector\/([\w-]+)\/(script|received|v1\/submissions)$/.exec(ctx.path);
    if (!match) return next();
    const [, name, action] = match;
    const state = scenario(name);

    if (action === 'script' && ctx.method === 'PUT') {
      state.script = JSON.parse(await readBody(ctx.req));
      ctx.status = 204;
      return;
    }
    if (action === 'received') {
      ctx.body = { stored: state.stored, accepted: state.accepted, attempts: state.attempts };
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

    state.attempts += 1;
    const body = await readBody(ctx.req);
    const step = state.script.shift() ?? 'ok';
    if (step === 'drop') {
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    if (step === 'hang') {
      // Hold the request open far past the client's timeout, then give up on it.
      await new Promise((resolve) => setTimeout(resolve, 30000));
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    if (typeof step === 'object' && step.status) {
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
