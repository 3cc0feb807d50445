// The dashboard's polls, mounted at /dashboard/polls by plugin.js (which lends its session,
// CSRF and page helpers): the list and each site's moderation policy, creating and editing
// polls, results and staff's response, the moderation queue, and CSV exports.
import { SLUG } from '../polls/definition.js';
import { pollBody } from '../polls/view.js';
import { formValues, pollFromForm, postedValues } from './poll-form.js';
import { resultsCsv, statementsCsv } from './poll-csv.js';
import { burstsCsv } from './views/poll-bursts.js';
import { pollFormPage } from './views/poll-form.js';
import { deleteStatementPage, pollListPage, pollPage, policyPage, statementsPage } from './views/polls.js';
import { fieldOf, fieldsOf } from './fields.js';
import type { PollRecord } from '../store/store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SectionOptions } from './section.js';
import type { SignedIn } from './plugin.js';

const STATEMENT_ID = /^\d{1,15}$/;
const STATUSES = ['pending', 'published', 'rejected'] as const;
const PAGE_SIZE = 50;
const EXPORT_CHUNK = 1000;
const MAX = { reason: 500, reply: 2000, response: 4000, policy: 4000 };

const NOTICES = ({
  created: 'The poll has been created.',
  saved: 'The poll has been saved.',
  response: 'Your response has been saved.',
  policy: 'The moderation policy has been saved.',
  published: 'The statement is published: residents can now agree or disagree with it.',
  rejected: 'The statement is not published. Its author can see your reason.',
  reply: 'Your reply has been saved. The statement’s author can see it.',
  missing: 'That statement no longer exists.',
  deleted: 'The statement, and every vote on it, has been deleted.',
} as Record<string, string>);


const formText = (value: unknown, max: number) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim().slice(0, max) : '');
const texts = (en: string, cy: string) => (en ? (cy ? { en, cy } : { en }) : null);
const pollPath = (id: string) => `/dashboard/polls/${encodeURIComponent(id)}`;

export default async function pollDashboard(app: FastifyInstance, { store, config, requireSession, checkCsrf, sendPage, forbidden }: SectionOptions): Promise<void> {
  const siteIds = config.sites.map((site) => site.id);
  const notice = (query: unknown) => {
    const done = fieldOf(query, 'done');
    return typeof done === 'string' ? NOTICES[done] : undefined;
  };

  /** The poll named in the path, or a 404 page. */
  const pollOf = async (req: FastifyRequest) => {
    const { id } = req.params as { id: string };
    return SLUG.test(id) ? store.polls.get(id) : undefined;
  };
  const notFound = (reply: FastifyReply) => reply.callNotFound();

  app.get('/', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const polls = await store.polls.list();
    const sites = await Promise.all(config.sites.map(async (site) => {
      const saved = await store.polls.getSitePolicy(site.id);
      return { id: site.id, policy: saved ?? site.moderationPolicy ?? null, fromConfig: !saved && Boolean(site.moderationPolicy) };
    }));
    return sendPage(reply, pollListPage({ user: session, polls, sites, notice: notice(req.query), now: Date.now() }));
  });

  // Moderation policies, one per site.

  app.get('/policies/:site', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const site = config.sites.find((s) => s.id === fieldOf(req.params, 'site'));
    if (!site) return notFound(reply);
    const policy = (await store.polls.getSitePolicy(site.id)) ?? site.moderationPolicy ?? null;
    return sendPage(reply, policyPage({ user: session, site: site.id, values: { policy_en: policy?.en ?? '', policy_cy: policy?.cy ?? '' }, fromConfig: site.moderationPolicy ?? null, problems: [] }));
  });

  app.post('/policies/:site', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const site = config.sites.find((s) => s.id === fieldOf(req.params, 'site'));
    if (!site) return notFound(reply);
    const body = fieldsOf(req.body);
    const values = { policy_en: formText(body.policy_en, MAX.policy), policy_cy: formText(body.policy_cy, MAX.policy) };
    if (!values.policy_en && (values.policy_cy || !site.moderationPolicy)) {
      const problems = [{ field: 'policy_en', message: 'Enter the moderation policy in English' }];
      return sendPage(reply, policyPage({ user: session, site: site.id, values, fromConfig: site.moderationPolicy ?? null, problems }), 422);
    }
    await store.polls.setSitePolicy(site.id, texts(values.policy_en, values.policy_cy), session.email, Date.now());
    req.log.info({ site: site.id, by: session.email }, 'moderation policy changed');
    return reply.redirect('/dashboard/polls?done=policy', 303);
  });

  // Creating and editing polls made here.

  app.get('/new', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    return sendPage(reply, pollFormPage({ user: session, values: formValues(null, siteIds[0]), siteIds, problems: [], editing: false }));
  });

  app.post('/new', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const values = postedValues(fieldsOf(req.body));
    const built = pollFromForm(values, { siteIds, previous: null });
    let problems = built.ok ? [] : built.problems;
    if (built.ok) {
      if (await store.polls.create(built.poll, session.email, Date.now())) {
        req.log.info({ poll: built.poll.id, by: session.email }, 'poll created');
        return reply.redirect(`${pollPath(built.poll.id)}?done=created`, 303);
      }
      problems = [{ field: 'id', message: 'There is already a poll with this id: choose another' }];
    }
    return sendPage(reply, pollFormPage({ user: session, values, siteIds, problems, editing: false }), 422);
  });

  app.get('/:id/edit', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    if (!record) return notFound(reply);
    if (record.source !== 'dashboard') return reply.redirect(pollPath(record.definition.id), 303);
    return sendPage(reply, pollFormPage({ user: session, values: formValues(record.definition), siteIds, problems: [], editing: true }));
  });

  app.post('/:id/edit', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const record = await pollOf(req);
    if (!record) return notFound(reply);
    if (record.source !== 'dashboard') return reply.redirect(pollPath(record.definition.id), 303);
    const values = { ...postedValues(fieldsOf(req.body)), id: record.definition.id };
    const built = pollFromForm(values, { siteIds, previous: record.definition });
    if (!built.ok) return sendPage(reply, pollFormPage({ user: session, values, siteIds, problems: built.problems, editing: true }), 422);
    await store.polls.update(built.poll, session.email, Date.now());
    req.log.info({ poll: built.poll.id, by: session.email }, 'poll changed');
    return reply.redirect(`${pollPath(built.poll.id)}?done=saved`, 303);
  });

  // One poll: results and staff's response.

  const bodyOf = async (id: string) => {
    const reading = await store.polls.read(id);
    return reading && { reading, body: pollBody(reading, null, Date.now()) };
  };

  const renderPoll = async (reply: FastifyReply, session: SignedIn, record: PollRecord, values: { response_en: string, response_cy: string } | null, problems: { field: string, message: string }[], message?: string) => {
    const id = record.definition.id;
    const [read, statementCounts, bursts] = await Promise.all([bodyOf(id), store.polls.countStatements(id), store.polls.listBursts(id)]);
    if (!read) return notFound(reply);
    const response = read.reading.poll.response;
    return sendPage(reply, pollPage({
      user: session, record: read.reading.poll, body: read.body, statementCounts, bursts, problems, notice: message,
      values: values ?? { response_en: response?.en ?? '', response_cy: response?.cy ?? '' },
    }), problems.length ? 422 : 200);
  };

  app.get('/:id', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    if (!record) return notFound(reply);
    return renderPoll(reply, session, record, null, [], notice(req.query));
  });

  app.post('/:id/response', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const record = await pollOf(req);
    if (!record) return notFound(reply);
    const body = fieldsOf(req.body);
    const values = { response_en: formText(body.response_en, MAX.response), response_cy: formText(body.response_cy, MAX.response) };
    if (!values.response_en && values.response_cy) {
      return renderPoll(reply, session, record, values, [{ field: 'response_en', message: 'Enter the response in English too, or empty both to remove it' }]);
    }
    await store.polls.setResponse(record.definition.id, texts(values.response_en, values.response_cy), session.email, Date.now());
    return reply.redirect(`${pollPath(record.definition.id)}?done=response#response-heading`, 303);
  });

  // The moderation queue.

  const renderStatements = async (reply: FastifyReply, session: SignedIn, record: PollRecord, query: Record<string, unknown>, problems: { field: string, message: string }[] = []) => {
    const id = record.definition.id;
    const status = STATUSES.find((s) => s === query.status) ?? 'pending';
    const page = Math.max(1, Math.min(100000, Number.parseInt(String(query.p ?? ''), 10) || 1));
    const [statements, counts, reading] = await Promise.all([
      store.polls.listStatements(id, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      store.polls.countStatements(id),
      store.polls.read(id),
    ]);
    const results = Object.fromEntries(Object.entries(reading?.counts ?? {}).map(([q, c]) => [q, { total: 0, counts: c }]));
    return sendPage(reply, statementsPage({
      user: session, record, status, statements, counts, results, problems, notice: typeof query.done === 'string' ? NOTICES[query.done] : undefined, page, pageSize: PAGE_SIZE,
    }), problems.length ? 422 : 200);
  };

  app.get('/:id/statements', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    if (!record) return notFound(reply);
    return renderStatements(reply, session, record, fieldsOf(req.query));
  });

  app.get('/:id/statements/:sid/delete', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    const { sid } = req.params as { sid: string };
    const statement = record && STATEMENT_ID.test(sid) ? await store.polls.getStatement(Number(sid)) : undefined;
    if (!record || !statement || statement.pollId !== record.definition.id) return notFound(reply);
    return sendPage(reply, deleteStatementPage({ user: session, record, statement }));
  });

  app.post('/:id/statements/:sid/:action', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const record = await pollOf(req);
    const { sid, action } = req.params as { sid: string, action: string };
    if (!record || !STATEMENT_ID.test(sid) || !['publish', 'reject', 'reply', 'delete'].includes(action)) return notFound(reply);
    const pollId = record.definition.id;
    const statement = await store.polls.getStatement(Number(sid));
    const back = (done: string, status = statement?.status ?? 'pending') => reply.redirect(`${pollPath(pollId)}/statements?status=${status}&done=${done}`, 303);
    if (!statement || statement.pollId !== pollId) return back('missing', 'pending');
    const body = fieldsOf(req.body);
    const at = Date.now();
    if (action === 'delete') {
      await store.polls.deleteStatement(pollId, statement.id);
      // Who deleted which statement, never its words: the log is the record of the request.
      req.log.info({ poll: pollId, statement: statement.id, by: session.email }, 'statement deleted on request');
      return back('deleted');
    }
    if (action === 'publish') {
      await store.polls.moderateStatement(pollId, statement.id, { status: 'published', reason: null, by: session.email, at });
    } else if (action === 'reject') {
      const reason = formText(body[`reason-${sid}`], MAX.reason);
      if (!reason) {
        const problems = [{ field: `reason-${sid}`, message: `Enter why statement s-${sid} is not published: its author sees this` }];
        return renderStatements(reply, session, record, { status: statement.status }, problems);
      }
      await store.polls.moderateStatement(pollId, statement.id, { status: 'rejected', reason, by: session.email, at });
    } else {
      const en = formText(body[`reply-en-${sid}`], MAX.reply);
      const cy = formText(body[`reply-cy-${sid}`], MAX.reply);
      if (!en && cy) {
        const problems = [{ field: `reply-en-${sid}`, message: `Enter the reply to statement s-${sid} in English too, or empty both to remove it` }];
        return renderStatements(reply, session, record, { status: statement.status }, problems);
      }
      await store.polls.replyToStatement(pollId, statement.id, texts(en, cy), session.email, at);
    }
    // Ids and who, never the statement's words.
    req.log.info({ poll: pollId, statement: statement.id, action, by: session.email }, 'statement moderated');
    const done = action === 'publish' ? 'published' : action === 'reject' ? 'rejected' : 'reply';
    return back(done, statement.status);
  });

  // CSV exports.

  const attachment = (reply: FastifyReply, name: string) =>
    reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`);

  app.get('/:id/results.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    const read = record && (await bodyOf(record.definition.id));
    if (!read) return notFound(reply);
    return attachment(reply, `tandem-poll-${record.definition.id}-results`).send(resultsCsv(read.body));
  });

  app.get('/:id/bursts.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    if (!record) return notFound(reply);
    return attachment(reply, `tandem-poll-${record.definition.id}-bursts`).send(burstsCsv(await store.polls.listBursts(record.definition.id)));
  });

  app.get('/:id/statements.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const record = await pollOf(req);
    const reading = record && (await store.polls.read(record.definition.id));
    if (!record || !reading) return notFound(reply);
    let csv = '\ufeff';
    for (let offset = 0; ; offset += EXPORT_CHUNK) {
      const rows = await store.polls.listStatements(record.definition.id, { limit: EXPORT_CHUNK, offset });
      csv += statementsCsv(rows, reading.counts, offset === 0);
      if (rows.length < EXPORT_CHUNK) break;
    }
    return attachment(reply, `tandem-poll-${record.definition.id}-statements`).send(csv);
  });
}
