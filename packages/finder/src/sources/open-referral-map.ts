/**
 * An Open Referral UK service (v3, HSDS 3.0 UK profile, or the older v1 still widely
 * served) as a finder entry. Records vary a lot between directories, so every field is
 * read defensively: anything missing or malformed is left out, never a reason to fail.
 */
import type { CatalogueEntry } from '../catalogue.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const DAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** The first sentence: a directory's description is often paragraphs; the finder shows one line. */
export function firstSentence(text: string | undefined, max = 200): string {
  if (!text) return '';
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(clean)?.[0] ?? clean;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

// "10:00:00" → "10:00"
const time = (v: unknown) => textOf(v)?.replace(/^(\d\d:\d\d):\d\d$/, '$1');

function hoursOf(service: Json): string | undefined {
  const schedules = [...objects(service.schedules), ...objects(service.regular_schedules)];
  const parts: string[] = [];
  for (const schedule of schedules) {
    const described = textOf(schedule.description);
    if (described) {
      parts.push(described);
      continue;
    }
    const days = (textOf(schedule.byday) ?? textOf(schedule.weekday) ?? '')
      .split(',')
      .map((d) => DAYS[d.trim().toUpperCase()] ?? d.trim())
      .filter(Boolean);
    const [opens, closes] = [time(schedule.opens_at), time(schedule.closes_at)];
    const when = opens && closes ? `${opens} to ${closes}` : '';
    const line = [days.join(', '), when].filter(Boolean).join(', ');
    if (line) parts.push(line);
  }
  return parts.length ? [...new Set(parts)].join('; ') : undefined;
}

function costOf(service: Json): string | undefined {
  const options = objects(service.cost_options).map((o) => {
    const amount = typeof o.amount === 'number' ? `£${o.amount % 1 ? o.amount.toFixed(2) : o.amount}` : textOf(o.amount);
    const line = [amount, textOf(o.amount_description)].filter(Boolean).join(' ');
    const who = textOf(o.option);
    return who && line ? `${line} (${who})` : line || who;
  });
  const found = options.filter(Boolean);
  if (found.length) return found.join('; ');
  // "fees_description" is v3's free text; v1 called it "fees".
  return textOf(service.fees_description) ?? textOf(service.fees);
}

function eligibilityOf(service: Json): string | undefined {
  const described = [
    textOf(service.eligibility_description),
    ...objects(service.eligibilitys).map((e) => textOf(e.eligibility)),
  ].filter(Boolean);
  const ages = [service, ...objects(service.eligibilitys)].find((s) => typeof s.minimum_age === 'number' || typeof s.maximum_age === 'number');
  if (ages) {
    const [min, max] = [ages.minimum_age, ages.maximum_age];
    if (typeof min === 'number' && typeof max === 'number') described.push(`Ages ${min} to ${max}`);
    else if (typeof min === 'number') described.push(`Ages ${min} and over`);
    else if (typeof max === 'number') described.push(`Ages up to ${max}`);
  }
  return described.length ? described.join('. ') : undefined;
}

function phoneOf(service: Json): string | undefined {
  const holders = [
    service,
    ...objects(service.contacts),
    ...objects(service.service_at_locations).flatMap((sal) => [sal, isObject(sal.location) ? sal.location : {}]),
    isObject(service.organization) ? service.organization : {},
  ];
  for (const holder of holders) {
    for (const phone of objects(holder.phones)) {
      const number = textOf(phone.number);
      if (number) return number;
    }
  }
  return undefined;
}

function keywordsOf(service: Json): string[] {
  const terms = [
    ...objects(service.attributes).map((a) => (isObject(a.taxonomy_term) ? textOf(a.taxonomy_term.term) ?? textOf(a.taxonomy_term.name) : undefined)),
    ...objects(service.service_taxonomys).map((t) => (isObject(t.taxonomy) ? textOf(t.taxonomy.name) : undefined)),
  ];
  return [...new Set(terms.filter((t): t is string => !!t))];
}

const webAddress = (v: unknown) => {
  const url = textOf(v);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
};

/** A service record → an entry, or undefined when it has no id or name to show. */
export function entryOfService(service: unknown): CatalogueEntry | undefined {
  if (!isObject(service)) return undefined;
  const id = textOf(service.id) ?? (typeof service.id === 'number' ? String(service.id) : undefined);
  const title = textOf(service.name);
  if (!id || !title) return undefined;
  const description = textOf(service.description);
  const entry: CatalogueEntry = { id, title, summary: firstSentence(description) || title };
  const optional: Partial<CatalogueEntry> = {
    description,
    keywords: keywordsOf(service),
    url: webAddress(service.url) ?? (isObject(service.organization) ? webAddress(service.organization.website) : undefined),
    phone: phoneOf(service),
    hours: hoursOf(service),
    cost: costOf(service),
    eligibility: eligibilityOf(service),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) (entry as unknown as Json)[key] = value;
  }
  return entry;
}
