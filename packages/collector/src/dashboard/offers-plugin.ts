// The dashboard's offers of help, mounted at /dashboard/offers by plugin.js (which lends its
// session, CSRF and page helpers): counts and the list with contact details masked, each
// offer's page with them in full, moving an offer on, CSV without contact details, and the ways
// to help and open calls for help in the volunteering data standard's JSON-LD.
// Contact details are opened here, with the collector's contact key, and never logged.
import { Readable } from 'node:stream';
import { maskedContact, openContact } from './offers/contact.js';
import { offersCsv } from './offers/csv.js';
import { parseOfferFilters } from './offers/filters.js';
import { STATUS_HINTS } from './offers/words.js';
import { offerPage } from './views/offer.js';
import { offersPage } from './views/offers.js';
import { fieldOf, fieldsOf } from './fields.js';
import { volunteeringOpportunities } from '../pledges/volunteering-data.js';
import type { OfferRecord, OfferStatus } from '../store/store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SectionOptions } from './section.js';
import type { SignedIn } from './plugin.js';

const OFFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PAGE_SIZE = 25;
const EXPORT_CHUNK = 1000;
const MAX_NOTES = 4000;
const NOTICES = ({
  saved: 'The status and notes have been saved.',
  withdrawn: 'The resident has withdrawn this offer, so nothing was changed.',
} as Record<string, string>);


const offerPath = (id: string) => `/dashboard/offers/${encodeURIComponent(id)}`;

export default async function offerDashboard(app: FastifyInstance, { store, config, contactSealer, requireSession, checkCsrf, sendPage, forbidden }: SectionOptions): Promise<void> {
  const { pledges } = store;

  app.get('/', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const lists = await pledges.listLists();
    const { list, filter, values, page } = parseOfferFilters(req.query as Record<string, unknown>, lists);
    const [counts, found] = list
      ? await Promise.all([pledges.countOffers(filter), pledges.listOffers(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })])
      : [{ byWay: [], byWayAndArea: [], byWayAndSlot: [] }, { rows: [], total: 0 }];
    const sealed = await pledges.sealedContacts(found.rows.map((row) => row.id));
    const rows = found.rows.map((row) => ({ ...row, contact: maskedContact(openContact(contactSealer, sealed.get(row.id), row.id)) }));
    return sendPage(reply, offersPage({ user: session, lists, list, values, ways: filter.ways, counts, rows, total: found.total, page, pageSize: PAGE_SIZE }));
  });

  app.get('/export.csv', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const { list, filter } = parseOfferFilters(req.query as Record<string, unknown>, await pledges.listLists());
    if (!list) return reply.callNotFound();
    // Fixed at the start, so offers arriving during the export cannot shift its pages.
    const bounded = { ...filter, receivedBefore: Date.now() + 1 };
    async function* chunks() {
      yield '\ufeff'; // so spreadsheet programs read the file as UTF-8
      for (let offset = 0; ; offset += EXPORT_CHUNK) {
        const { rows } = await pledges.listOffers(bounded, { limit: EXPORT_CHUNK, offset });
        yield offersCsv(list, rows, offset === 0);
        if (rows.length < EXPORT_CHUNK) return;
      }
    }
    req.log.info({ list: list.id, by: session.email }, 'offers exported');
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="tandem-offers-${list.id}-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(Readable.from(chunks()));
  });

  // The ways to help and open calls in the Volunteering Data Standard's JSON-LD: no personal data.
  app.get('/volunteering.jsonld', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const { list } = parseOfferFilters(req.query as Record<string, unknown>, await pledges.listLists());
    if (!list) return reply.callNotFound();
    const origin = config.sites.find((site) => site.id === list.site)?.origins[0] ?? '';
    const publisher = list.publisher ?? { name: list.site, url: `${origin}/` };
    const calls = await store.calls.list({ listId: list.id, status: 'open' });
    return reply
      .type('application/ld+json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="tandem-volunteering-${list.id}-${new Date().toISOString().slice(0, 10)}.jsonld"`)
      .send(JSON.stringify(volunteeringOpportunities({ list, calls, publisher, pageUrl: list.page ?? publisher.url }), null, 2));
  });

  /** The offer named in the path, or undefined (a 404). */
  const offerOf = async (req: FastifyRequest) => {
    const id = fieldOf(req.params, 'id');
    return typeof id === 'string' && OFFER_ID.test(id) ? pledges.getOffer(id) : undefined;
  };

  const renderOffer = async (reply: FastifyReply, session: SignedIn, offer: OfferRecord, values: { status: string, notes: string } | null, problems: { field: string, message: string }[], notice?: string) => {
    const list = await pledges.getList(offer.listId);
    const contact = openContact(contactSealer, offer.sealedContact, offer.id);
    return sendPage(reply, offerPage({ user: session, offer, list, contact, values: values ?? { status: offer.status, notes: offer.notes }, problems, notice }), problems.length ? 422 : 200);
  };

  app.get('/:id', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const offer = await offerOf(req);
    if (!offer) return reply.callNotFound();
    const done = fieldOf(req.query, 'done');
    return renderOffer(reply, session, offer, null, [], typeof done === 'string' && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined);
  });

  app.post('/:id', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    if (!checkCsrf(session, req.body)) return forbidden(reply, session);
    const offer = await offerOf(req);
    if (!offer) return reply.callNotFound();
    const body = fieldsOf(req.body);
    const status = typeof body.status === 'string' && Object.hasOwn(STATUS_HINTS, body.status) ? (body.status as Exclude<OfferStatus, 'withdrawn'>) : undefined;
    const notes = typeof body.notes === 'string' ? body.notes.replace(/\r\n?/g, '\n').trim() : '';
    const values = { status: status ?? '', notes };
    if (offer.status === 'withdrawn') return reply.redirect(`${offerPath(offer.id)}?done=withdrawn`, 303);
    if (!status) return renderOffer(reply, session, offer, values, [{ field: 'status', message: 'Choose a status' }]);
    if (notes.length > MAX_NOTES) return renderOffer(reply, session, offer, values, [{ field: 'notes', message: `Notes must be ${MAX_NOTES} characters or fewer` }]);
    // false only if the resident withdrew it since the page was read.
    if (!(await pledges.setOfferStatus(offer.id, { status, notes, by: session.email, at: Date.now() }))) return reply.redirect(`${offerPath(offer.id)}?done=withdrawn`, 303);
    // Not the offer's id: its reference, which withdraws it, can be worked out from it.
    req.log.info({ list: offer.listId, status, by: session.email }, 'offer moved on');
    return reply.redirect(`${offerPath(offer.id)}?done=saved`, 303);
  });
}
