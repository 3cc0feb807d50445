// A "ways to help" list (offers of help, protocol v1): the same shape from a JSON file named
// in the configuration and, later, from the dashboard's form, checked by one schema so both
// give the same errors. What it gives is what GET /v1/pledges/{list} serves.
import { RISK_TIERS, SLUG } from '@tandem/core/protocol.js';
import type { PledgeListView } from '@tandem/core/protocol.js';
import * as v from 'valibot';
import { definitionProblems } from '../definition-problems.js';
import type { Problem } from '../errors.js';
import { Text } from '../polls/definition.js';

export const PLEDGE_LIMITS = Object.freeze({ title: 200, intro: 1000, description: 1000, boundary: 300, areas: 100, ways: 50, boundaries: 10 });

const Slug = (what: string) => v.pipe(v.string(), v.regex(SLUG, `must be a ${what}: lower-case letters, digits and dashes, at most 63`));
const unique = (list: { id: string }[]) => new Set(list.map((item) => item.id)).size === list.length;
const strict = <T extends v.ObjectEntries>(entries: T, what: string) =>
  v.strictObject(entries, (issue) => (issue.expected === 'never' ? `is not a ${what} setting (check its spelling)` : 'must be an object'));

const HttpsUrl = v.pipe(v.string(), v.url('must be a full address, like https://www.example-council.gov.uk/volunteer'), v.regex(/^https?:\/\//, 'must start with https:// (or http://)'), v.maxLength(2000));

const Area = strict({ id: Slug('area id'), name: Text(PLEDGE_LIMITS.title) }, 'area');

const Way = v.pipe(
  strict({
    id: Slug('way to help id'),
    title: Text(PLEDGE_LIMITS.title),
    description: Text(PLEDGE_LIMITS.description),
    tier: v.picklist(RISK_TIERS, 'must be a risk tier: 1 (from home or by phone), 2 (outdoors or on the doorstep, in public), 3 (in a supervised group) or 4 (personal care, children or adults who need support)'),
    boundaries: v.optional(v.pipe(v.array(Text(PLEDGE_LIMITS.boundary)), v.maxLength(PLEDGE_LIMITS.boundaries, `must have at most ${PLEDGE_LIMITS.boundaries} boundaries`)), []),
    areas: v.optional(v.array(Slug('area id')), []),
    fromHome: v.optional(v.boolean(), false),
    openToYoungPeople: v.optional(v.boolean(), false),
    partner: v.optional(v.nullable(strict({ name: Text(PLEDGE_LIMITS.title) }, 'partner')), null),
  }, 'way to help'),
  v.check((way) => way.areas.length > 0 || way.fromHome, 'a way to help covers at least one area, or is done from home ("fromHome": true)'),
  v.check((way) => new Set(way.areas).size === way.areas.length, 'must not name an area twice'),
  // Tiers 3 and 4 never ask about criminal records here: a partner arranges what the role needs.
  v.check((way) => way.tier < 3 || way.partner !== null, 'a tier 3 or 4 task names the partner organisation that arranges what the role needs ("partner": { "name": { "en": "…" } })'),
  v.check((way) => way.tier >= 3 || way.partner === null, 'only tier 3 and 4 tasks have a partner organisation'),
  // A cautious default: regulated activity is for adults here, whatever a partner might allow.
  v.check((way) => way.tier < 4 || !way.openToYoungPeople, 'a tier 4 task (personal care, children or adults who need support) is not open to 16 and 17 year olds'),
);

export const PledgeListSchema = v.pipe(
  strict({
    id: Slug('list id'),
    site: Slug('site id'),
    title: Text(PLEDGE_LIMITS.title),
    intro: v.optional(v.nullable(Text(PLEDGE_LIMITS.intro)), null),
    contactUse: Text(PLEDGE_LIMITS.intro),
    /** Who publishes the list's opportunities in the volunteering data export: the council. */
    publisher: v.optional(strict({ name: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(PLEDGE_LIMITS.title)), url: HttpsUrl }, 'publisher')),
    /** The page residents offer help on, linked from the export. */
    page: v.optional(HttpsUrl),
    areas: v.pipe(v.array(Area), v.maxLength(PLEDGE_LIMITS.areas, `must have at most ${PLEDGE_LIMITS.areas} areas`), v.check((list) => unique(list), 'must not use an area id twice')),
    ways: v.pipe(
      v.array(Way),
      v.minLength(1, 'must have at least one way to help'),
      v.maxLength(PLEDGE_LIMITS.ways, `must have at most ${PLEDGE_LIMITS.ways} ways to help`),
      v.check((list) => unique(list), 'must not use a way to help id twice'),
    ),
  }, 'ways to help list'),
  v.check((list) => list.ways.every((way) => way.areas.every((area) => list.areas.some((known) => known.id === area))), 'every area a way to help covers must be one of the list\'s "areas"'),
);

export type PledgeList = v.InferOutput<typeof PledgeListSchema> & PledgeListView;

export function checkPledgeList(value: unknown): { ok: true, list: PledgeList } | { ok: false, problems: Problem[] } {
  const result = v.safeParse(PledgeListSchema, value);
  if (result.success) return { ok: true, list: result.output };
  return { ok: false, problems: definitionProblems(result.issues, '(list)') };
}
