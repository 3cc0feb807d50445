/**
 * Checks the collector's ways to help list before the widget trusts it, and names the field
 * that is wrong ("ways[2].tier must be 1, 2, 3 or 4"). Hand-written, like the poll's: the shape
 * is small, and this runs on every page that asks for help.
 */
import { RISK_TIERS } from '@tandem/core/protocol.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => isObject(v) && typeof v.en === 'string' && (v.cy === undefined || typeof v.cy === 'string');
const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

function wayProblem(way: unknown, at: string, areas: Set<unknown>): string | undefined {
  if (!isObject(way)) return `${at} must be an object`;
  if (!isId(way.id)) return `${at}.id must be text`;
  for (const key of ['title', 'description']) if (!isText(way[key])) return `${at}.${key} must be text in English (and Welsh)`;
  if (!(RISK_TIERS as readonly unknown[]).includes(way.tier)) return `${at}.tier must be 1, 2, 3 or 4`;
  if (!Array.isArray(way.boundaries) || !way.boundaries.every(isText)) return `${at}.boundaries must be a list of texts`;
  if (!Array.isArray(way.areas) || !way.areas.every((id) => areas.has(id))) return `${at}.areas must be a list of the list's area ids`;
  for (const key of ['fromHome', 'openToYoungPeople']) if (typeof way[key] !== 'boolean') return `${at}.${key} must be true or false`;
  if (way.partner !== null && !(isObject(way.partner) && isText(way.partner.name))) return `${at}.partner must be null or have a name`;
  return undefined;
}

/** The first problem found, or undefined when the value is a ways to help list. */
export function pledgeListProblem(value: unknown): string | undefined {
  if (!isObject(value)) return '(body) must be an object';
  for (const key of ['id', 'site']) if (!isId(value[key])) return `${key} must be text`;
  for (const key of ['title', 'contactUse']) if (!isText(value[key])) return `${key} must be text in English (and Welsh)`;
  if (value.intro !== null && !isText(value.intro)) return 'intro must be text in English (and Welsh), or null';
  if (!Array.isArray(value.areas)) return 'areas must be a list';
  for (const [i, area] of value.areas.entries()) {
    if (!isObject(area) || !isId(area.id) || !isText(area.name)) return `areas[${i}] must have an id and a name`;
  }
  if (!Array.isArray(value.ways) || value.ways.length === 0) return 'ways must be a list of ways to help';
  const areas = new Set(value.areas.map((area) => (area as { id: unknown }).id));
  for (const [i, way] of value.ways.entries()) {
    const problem = wayProblem(way, `ways[${i}]`, areas);
    if (problem) return problem;
  }
  return undefined;
}
