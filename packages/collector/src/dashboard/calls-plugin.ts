// Calls for help, mounted at /dashboard/offers/calls by plugin.js (which lends its session,
// CSRF and page helpers): the list and the business case, creating a call, the residents it
// proposes (fairly: limits.asksPerPersonPerMonth), recording whom staff asked, their answers
// and hours, and closing the call. Contact details are only ever masked here.
import { callFromForm, emptyCallValues, postedCallValues } from './calls/form.js';
import { maskedContact, openContact } from './offers/contact.js';
import { callPage } from './views/call.js';
import { callPath, callsPage, newCallPage } from './views/calls.js';
import { fieldOf, fieldsOf } from './fields.js';
import { CALL_STATUSES, ASK_ANSWERS } from '../store/call-store.js';
import type { AskAnswer, CallForHelp, CallStatus } from '../store/store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypedAnswer } from './views/call.js';
import type { SectionOptions } from './section.js';
import type { SignedIn } from './plugin.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MONTH = 30 * 24 * 60 * 60 * 1000;
const PROPOSED = 20;
const MAX_HOURS = 24 * 14;
const NOTICES = ({
  created: 'The call for help has been created.',
  asked: 'Recorded whom you asked.',
  'not-asked': 'Nobody was recorded: they had been asked already, reached the month’s limit, or withdrew their offer.',
  answered: 'The answer has been saved.',
  done: 'The call is marked as done.',
  cancelled: 'The call is cancelled.',
} as Record<string, string>);


export default async function callDashboard(app: FastifyInstance, { store, config, contactSealer, requireSession, checkCsrf, sendPage, forbidden }: SectionOptions): Promise<void> {
  const { pledges, calls } = store;
  const cap = config.limits.asksPerPersonPerMonth;
  const fairness = (now: number) => ({ since: now - MONTH, cap });
  const notice = (query: unknown) => {
    const done = fieldOf(query, 'done');
    return typeof done === 'string' && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
  };
  /** The list the query names, or the first. */
  const listOf = async (query: unknown) => {
    const lists = await pledges.listLists();
    return { lists, list: lists.find((l) => l.id === fieldOf(query, 'list')) ?? lists[0] };
  };
  /** Each offer id's contact details, masked. */
  const masked = async (ids: string[]) => {
    const sealed = await pledges.sealedContacts(ids);
    return (id: string) => maskedContact(openContact(contactSealer, sealed.get(id), id));
  };

  app.get('/', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const { lists, list } = await listOf(req.query);
    const [listed, given, finder] = await Promise.all([
      list ? calls.list({ listId: list.id }) : [],
      calls.hoursGiven(list ? { listId: list.id } : {}),
      store.dashboard.finderSummary(list ? { site: list.site } : {}, Date.now()),
    ]);
    const business = { ...given, valuePerHour: config.valuePerVolunteerHour ?? null, contactsAvoided: finder[90].answered, costPerContact: config.costPerContact ?? null };
    return sendPage(reply, callsPage({ user: session, list, lists, calls: listed, business, notice: notice(req.query) }));
  });

  app.get('/new', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const { list } = await listOf(req.query);
    if (!list) return reply.callNotFound();
    return sendPage(reply, newCallPage({ user: session, list, values: emptyCallValues(), problems: [] }));
  });

  app.post('/new', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const { list } = await listOf(req.query);
    if (!list) return reply.callNotFound();
    const values = postedCallValues(fieldsOf(req.body));
    const built = callFromForm(values, list, { by: session.email, now: Date.now() });
    if (!built.ok) return sendPage(reply, newCallPage({ user: session, list, values, problems: built.problems }), 422);
    await calls.create(built.call);
    req.log.info({ call: built.call.id, list: list.id, by: session.email }, 'call for help created');
    return reply.redirect(`${callPath(built.call.id)}?done=created`, 303);
  });

  /** The call named in the path, or undefined (a 404). */
  const callOf = async (req: FastifyRequest) => {
    const id = fieldOf(req.params, 'id');
    return typeof id === 'string' && UUID.test(id) ? calls.get(id) : undefined;
  };

  /** @param inError which part the problem is in ('offers': whom to ask), @param typed an answer as posted, shown again */
  const renderCall = async (reply: FastifyReply, session: SignedIn, call: CallForHelp, problems: { field: string, message: string }[], message?: string, inError?: 'offers', typed?: TypedAnswer) => {
    const [list, candidates, asks] = await Promise.all([
      pledges.getList(call.listId),
      call.status === 'open' ? calls.candidates(call, fairness(Date.now()), PROPOSED) : [],
      calls.asks(call.id),
    ]);
    const contact = await masked([...candidates.map((c) => c.id), ...asks.map((a) => a.offerId)]);
    // Asked from a page left open: nobody fits any more, so the summary links to the section.
    if (inError === 'offers' && candidates.length === 0) problems = problems.map((problem) => ({ ...problem, field: 'proposed-heading' }));
    return sendPage(reply, callPage({
      user: session, call, list, cap, problems, notice: message, offersError: inError === 'offers' ? problems[0]?.message : undefined, typed,
      candidates: candidates.map((candidate) => ({ ...candidate, contact: contact(candidate.id) })),
      asks: asks.map((ask) => ({ ...ask, contact: contact(ask.offerId) })),
    }), problems.length ? 422 : 200);
  };

  app.get('/:id', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const call = await callOf(req);
    if (!call) return reply.callNotFound();
    return renderCall(reply, session, call, [], notice(req.query));
  });

  app.post('/:id/ask', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const call = await callOf(req);
    if (!call) return reply.callNotFound();
    const chosen = [fieldsOf(req.body).offer].flat().filter((id): id is string => typeof id === 'string' && UUID.test(id)).slice(0, PROPOSED);
    if (call.status !== 'open') return reply.redirect(callPath(call.id), 303);
    if (chosen.length === 0) return renderCall(reply, session, call, [{ field: 'offers-first', message: 'Choose whom you asked' }], undefined, 'offers');
    const now = Date.now();
    const asked = await calls.ask(call, chosen, session.email, now, fairness(now));
    req.log.info({ call: call.id, asked: asked.length, by: session.email }, 'residents asked for a call for help');
    return reply.redirect(`${callPath(call.id)}?done=${asked.length ? 'asked' : 'not-asked'}#asked-heading`, 303);
  });

  app.post('/:id/answer', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const call = await callOf(req);
    if (!call) return reply.callNotFound();
    const body = fieldsOf(req.body);
    const offer = typeof body.offer === 'string' && UUID.test(body.offer) ? body.offer : '';
    const ask = (await calls.asks(call.id)).find((a) => a.offerId === offer);
    if (!ask) return reply.callNotFound();
    const answer = (ASK_ANSWERS as readonly string[]).includes(String(body.answer)) ? (body.answer as AskAnswer) : undefined;
    const typed = typeof body.hours === 'string' ? body.hours.trim().slice(0, 20) : '';
    const hours = typed === '' ? null : Number(typed);
    const problem = !answer
      ? { field: `answer-${offer}`, message: 'Choose their answer: yes, no or not answered yet' }
      : hours !== null && (!/^\d{1,3}(\.\d{1,2})?$/.test(typed) || hours > MAX_HOURS)
        ? { field: `hours-${offer}`, message: `Enter the hours given as a number, like 2.5, up to ${MAX_HOURS}` }
        : undefined;
    if (problem || !answer) return renderCall(reply, session, call, problem ? [problem] : [], undefined, undefined, { offerId: offer, answer: String(body.answer ?? ''), hours: typed });
    await calls.answer(call.id, offer, { answer, hours: answer === 'yes' ? hours : null });
    return reply.redirect(`${callPath(call.id)}?done=answered#asked-heading`, 303);
  });

  app.post('/:id/status', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const call = await callOf(req);
    if (!call) return reply.callNotFound();
    const status = fieldOf(req.body, 'status');
    if (!(CALL_STATUSES as readonly string[]).includes(String(status)) || status === 'open') return reply.callNotFound();
    // Done or cancelled is final: its record (and its hours) stay as they were closed.
    if (call.status !== 'open') return reply.redirect(callPath(call.id), 303);
    await calls.setStatus(call.id, status as CallStatus);
    req.log.info({ call: call.id, status, by: session.email }, 'call for help closed');
    return reply.redirect(`${callPath(call.id)}?done=${status}`, 303);
  });
}
