/**
 * What the index holds for an entry, in the reader's language: the entry's Welsh text
 * where the council gave it (English where not), and in Welsh the English words too, at
 * a lower weight, as many Welsh speakers search in English.
 */
import type { CatalogueEntry } from '../catalogue.js';

export interface IndexedDocument {
  id: number;
  title: string;
  needs: string;
  keywords: string;
  summary: string;
  description: string;
  english: string;
}

export const FIELDS = ['title', 'needs', 'keywords', 'summary', 'description', 'english'] as const;

/** Where completions and near spellings are looked for. */
export const GUESS_FIELDS = ['title', 'needs', 'keywords', 'english'] as const;

/** Ranking favours a service's name and its curated needs over its descriptions. */
export const FIELD_BOOSTS: Record<(typeof FIELDS)[number], number> = {
  title: 3,
  needs: 3,
  keywords: 1.5,
  summary: 1,
  description: 0.3,
  english: 0.6,
};

// Needs are phrases; a full stop between them keeps one need's end from reading as the
// next one's start in a phrase match.
// Unchecked catalogues (set as a property) may hold anything: index what is text, skip the rest.
const list = (items: unknown) => (Array.isArray(items) ? items.filter((i) => typeof i === 'string').join(' . ') : '');
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function isWelsh(lang: string | undefined): boolean {
  return /^cy(-|$)/i.test(lang ?? '');
}

export function documentOf(entry: CatalogueEntry, id: number, welsh: boolean): IndexedDocument {
  const cy = welsh && entry?.cy && typeof entry.cy === 'object' ? entry.cy : undefined;
  return {
    id,
    title: text(cy?.title) || text(entry?.title),
    needs: list(cy?.needs ?? entry?.needs),
    keywords: cy ? list(cy.keywords) : list(entry?.keywords),
    summary: text(cy?.summary) || text(entry?.summary),
    description: cy ? '' : text(entry?.description),
    english: cy ? [text(entry.title), list(entry.needs), list(entry.keywords), text(entry.summary)].join(' . ') : '',
  };
}

/** The entry as the reader sees it: Welsh fields over English ones where given. */
export function localise(entry: CatalogueEntry, welsh: boolean): CatalogueEntry {
  if (!welsh || !entry.cy) return entry;
  const { cy } = entry;
  return {
    ...entry,
    title: cy.title ?? entry.title,
    summary: cy.summary ?? entry.summary,
    needs: cy.needs ?? entry.needs,
    keywords: cy.keywords ?? entry.keywords,
    answer: cy.answer ?? entry.answer,
    hours: cy.hours ?? entry.hours,
    cost: cy.cost ?? entry.cost,
    eligibility: cy.eligibility ?? entry.eligibility,
    url: cy.url ?? entry.url,
  };
}
