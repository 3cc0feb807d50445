// The ways to help and the open calls for help as JSON-LD in the Volunteering Data Standard
// (https://standard.volunteeringdata.io, the ODI's for DCMS), so a volunteer centre or a
// volunteering platform can list them. The shape is its "recommended structure": organisations
// in a graph, each embedding its activities, each with its roles and sessions. Only staff's
// words about the tasks go in: the input holds no resident's data and nothing here adds any.
import { FROM_HOME, partnerOf } from '@tandem/core/protocol.js';
import type { PollText } from '@tandem/core/protocol.js';
import type { PledgeList } from './definition.js';

/** A call for help as it may be published: no details in staff's words, nobody asked. */
export type CallForHelpSummary = {
  id: string,
  wayId: string,
  /** An area id of the list, or 'home'. */
  area: string,
  /** Milliseconds since the epoch. */
  startsAt: number,
  endsAt: number | null,
  peopleNeeded: number,
  status: 'open' | 'done' | 'cancelled',
};

type Way = PledgeList['ways'][number];
type Node = Record<string, unknown>;

const VOCABULARY = 'https://ns.volunteeringdata.io/';
const OWL_TIME = 'http://www.w3.org/2006/time#';

// The standard's context, and the few terms it leaves to others: OWL-Time for a dated session,
// as its ontology page says to; schema.org for how many people a call needs and which way to
// help it is for. Its own context has no `time:` or `rdfs:` prefix, so they are named here.
const context = () => [
  'https://api.volunteeringdata.io/context/v1',
  {
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    hasBeginning: `${OWL_TIME}hasBeginning`,
    hasEnd: `${OWL_TIME}hasEnd`,
    inXSDDateTimeStamp: { '@id': `${OWL_TIME}inXSDDateTimeStamp`, '@type': 'http://www.w3.org/2001/XMLSchema#dateTimeStamp' },
    totalJobOpenings: 'https://schema.org/totalJobOpenings',
    isPartOf: { '@id': 'https://schema.org/isPartOf', '@type': '@id' },
  },
];

// Its context has no language maps, so a text is a set of @language-tagged values, English first.
const text = (value: PollText) => [{ '@value': value.en, '@language': 'en' }, ...(value.cy ? [{ '@value': value.cy, '@language': 'cy' }] : [])];

// Welsh only when every part has it, so a Welsh value is never half English.
const joined = (parts: PollText[]): PollText => {
  const cy = parts.map((part) => part.cy);
  return { en: parts.map((part) => part.en).join(' '), ...(cy.every(Boolean) ? { cy: cy.join(' ') } : {}) };
};

const slug = (words: string) => words.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const iso = (ms: number) => new Date(ms).toISOString();

// A call's date and time as an OWL-Time interval; its label the ISO 8601 interval, in no language.
const dated = (call: CallForHelpSummary) => ({
  type: 'Time',
  'rdfs:label': call.endsAt === null ? iso(call.startsAt) : `${iso(call.startsAt)}/${iso(call.endsAt)}`,
  hasBeginning: { inXSDDateTimeStamp: iso(call.startsAt) },
  ...(call.endsAt === null ? {} : { hasEnd: { inXSDDateTimeStamp: iso(call.endsAt) } }),
});

export function volunteeringOpportunities(input: {
  list: PledgeList,
  calls: CallForHelpSummary[],
  /** The council (site) publishing it. */
  publisher: { name: string, url: string },
  /** Where residents offer help (the page with the widget): an absolute URL. */
  pageUrl: string,
}): Record<string, unknown> {
  const { list, calls, publisher, pageUrl } = input;
  const page = pageUrl.split('#')[0];
  const council: Node & { activity: Node[] } = { type: 'Organisation', id: publisher.url, name: publisher.name, website: publisher.url, activity: [] };
  const partners = new Map<string, Node & { activity: Node[] }>();

  // Tiers 3 and 4 are run by the partner that arranges what the role needs, so it is their organisation.
  const organiserOf = (way: Way) => {
    const partner = partnerOf(way);
    if (!partner) return council;
    const id = `${page}#partner-${slug(partner.name.en)}`;
    const known = partners.get(id) ?? { type: 'Organisation', id, name: text(partner.name), activity: [] };
    partners.set(id, known);
    return known;
  };

  // Areas by name: a session for each set of areas ('home' and unknown ids have no place).
  const session = (areaIds: string[], time: Node[] = []) => {
    const location = list.areas.filter((area) => areaIds.includes(area.id))
      .map((area) => ({ type: 'Location', id: `${page}#area-${area.id}`, name: text(area.name) }));
    return { type: 'Session', ...(location.length ? { location } : {}), ...(time.length ? { time } : {}) };
  };

  const role = (way: Way, remote: boolean, extra: Node = {}) => ({
    type: 'Role',
    title: text(way.title),
    // What the resident won't be asked to do belongs with what the role is.
    description: text(joined([way.description, ...way.boundaries])),
    applyLink: pageUrl,
    allowsRemoteParticipation: remote,
    // 16 and 17 year olds only where staff said so; a string, as in the standard's examples.
    minimumAge: way.openToYoungPeople ? '16' : '18',
    // Tier 4 may be regulated activity: the partner arranges the check (Tandem never asks about records).
    ...(way.tier === 4 ? { requirement: [{ id: `${VOCABULARY}DBSCheck` }] } : {}),
    ...extra,
  });

  for (const way of list.ways) {
    const organiser = organiserOf(way);
    const common = { type: 'Activity', title: text(way.title), description: text(way.description), organisation: organiser.id };
    // A standing way to help has no set time; one done only from home has no place either.
    const where = session(way.areas);
    organiser.activity.push({ id: `${page}#way-${way.id}`, ...common, role: [role(way, way.fromHome)], ...('location' in where ? { session: [where] } : {}) });
    // Each open call is a dated opportunity of its own, part of its way to help; done and cancelled ones are over.
    for (const call of calls) {
      if (call.wayId !== way.id || call.status !== 'open') continue;
      organiser.activity.push({
        id: `${page}#call-${call.id}`,
        ...common,
        isPartOf: `${page}#way-${way.id}`,
        role: [role(way, way.fromHome || call.area === FROM_HOME, { totalJobOpenings: call.peopleNeeded })],
        session: [session([call.area], [dated(call)])],
      });
    }
  }

  // conformsTo and publisher as in the standard's "sharing opportunities with metadata" example.
  return { '@context': context(), conformsTo: VOCABULARY, publisher: publisher.url, '@graph': [council, ...partners.values()] };
}
