/**
 * The finder's search: a catalogue in, a person's words in, the entries that meet their
 * need out, best first. MiniSearch holds the index and scores with BM25; this class
 * decides which exact terms to ask it for (see query-plan.ts) and how to rank what comes
 * back: entries that meet every part of the need first, pins above all.
 */
import type { Catalogue, CatalogueEntry, SearchResult } from '../catalogue.js';
import type MiniSearch from 'minisearch';
import { BulkMiniSearch } from './bulk-index.js';
import { FIELDS, FIELD_BOOSTS, GUESS_FIELDS, documentOf, isWelsh, localise, type IndexedDocument } from './documents.js';
import { analyse, fieldTerms, termOf, words } from './normalise.js';
import { QueryPlanner, type Concept, type Plan, type Slot } from './query-plan.js';
import { DEFAULT_SYNONYMS, SynonymTable } from './synonyms.js';
import { Vocabulary, type Expansion } from './vocabulary.js';

export interface FinderSearchOptions {
  /** The reader's language; `cy` searches and shows the entries' Welsh text where given. */
  lang?: string;
}

interface Index {
  mini: MiniSearch<IndexedDocument>;
  /** The short fields, of those indexed: where guesses and common words are looked for. */
  guessFields: string[];
  planner: QueryPlanner;
  vocabulary: Vocabulary;
  pins: Map<string, number>;
  conceptCache: Map<string, Scores>;
  termCache: Map<string, Scores>;
}

interface Ranked {
  id: number;
  score: number;
}

// A term indexed more often than this (per field, across entries) counts as common.
const COMMON_SHARE = 0.05;
const COMMON_MIN = 50;
// Concepts whose results are kept: enough for a few queries typed and edited.
const CONCEPT_CACHE = 24;
// Terms whose scores are kept: the words of the last few queries and their expansions.
const TERM_CACHE = 200;

const commonCount = (documents: number) => Math.max(COMMON_MIN, documents * COMMON_SHARE);

const byWhitespace = (text: string) => text.split(' ');
const same = (term: string) => term;

export class FinderSearch {
  private readonly welsh: boolean;
  private index?: Index;

  constructor(
    private readonly catalogue: Catalogue,
    options: FinderSearchOptions = {},
  ) {
    this.welsh = isWelsh(options.lang);
  }

  /** Builds the index now rather than on the first search (for example when the box gets focus). */
  build(): void {
    this.ensureIndex();
  }

  /** Entries for a query as typed, best first. Never throws on any text. */
  search(query: string, limit = 10): SearchResult[] {
    if (typeof query !== 'string' || limit <= 0) return [];
    const index = this.ensureIndex();
    const plan = index.planner.plan(query);
    const ranked = plan.concepts.length > 0 ? this.rank(index, plan, Math.min(limit, 100)) : [];
    return this.withPin(index, plan.key, ranked)
      .slice(0, limit)
      .map(({ id, score }) => ({ entry: this.entryAt(id), score }));
  }

  /**
   * Titles and needs close to what was typed, to offer when a search finds nothing:
   * each word is allowed more slips than search allows, and the phrase of each nearby
   * entry that shares most with the query is offered.
   */
  suggestions(query: string, limit = 3): string[] {
    if (typeof query !== 'string' || limit <= 0) return [];
    const { vocabulary, mini } = this.ensureIndex();
    const wanted = new Map<string, number>();
    for (const word of words(query.slice(0, 200)).slice(0, 8)) {
      const term = termOf(word, this.welsh);
      if (!term || term.length < 3) continue;
      if (vocabulary.has(term)) wanted.set(term, 1);
      for (const { term: near, weight } of vocabulary.near(term, term.length >= 6 ? 2 : 1, 6)) wanted.set(near, weight);
      for (const { term: near, weight } of vocabulary.near(term, 1, 3, true)) wanted.set(near, Math.max(wanted.get(near) ?? 0, weight));
    }
    if (wanted.size === 0) return [];
    // Offering back what was typed helps nobody.
    const typedKey = analyse(query.slice(0, 200), this.welsh).join(' ');
    const results = mini.search([...wanted.keys()].join(' '), {
      tokenize: byWhitespace,
      processTerm: same,
      boost: FIELD_BOOSTS,
      boostTerm: (term) => wanted.get(term) ?? 1,
    });
    const phrases: string[] = [];
    for (const result of results) {
      const phrase = this.closestPhrase(this.entryAt(result.id as number), wanted);
      if (phrase && !phrases.includes(phrase) && analyse(phrase, this.welsh).join(' ') !== typedKey) phrases.push(phrase);
      if (phrases.length >= limit) break;
    }
    return phrases;
  }

  private entryAt(id: number): CatalogueEntry {
    return localise(this.catalogue.entries[id]!, this.welsh);
  }

  private closestPhrase(entry: CatalogueEntry, wanted: Map<string, number>): string | undefined {
    let best: string | undefined;
    let bestShared = 0;
    for (const phrase of [entry.title, ...(entry.needs ?? [])]) {
      const shared = analyse(phrase, this.welsh).filter((t) => wanted.has(t)).length;
      if (shared > bestShared) [best, bestShared] = [phrase, shared];
    }
    return best ?? entry.title;
  }

  private ensureIndex(): Index {
    if (this.index) return this.index;
    const vocabulary = new Vocabulary();
    const entries = Array.isArray(this.catalogue?.entries) ? this.catalogue.entries : [];
    // Fields no entry fills cost a little for every entry and every search: leave them out.
    const fields = FIELDS.filter((field) => (field === 'english' ? this.welsh : field !== 'description' || entries.some((e) => e?.description)));
    const guessFields: string[] = GUESS_FIELDS.filter((field) => fields.includes(field));
    const docs = entries.map((entry, i) => documentOf(entry, i, this.welsh));

    // First count every term. Catalogues repeat text (the same needs, hours, eligibility
    // on many entries), so each distinct string is split and stemmed once; each entry's
    // terms are kept for the second pass, which so looks no text up again.
    const seen = new Map<string, string[]>();
    const docTerms = docs.map((doc) =>
      fields.map((field) => {
        const text = doc[field];
        let terms = seen.get(text);
        if (!terms) seen.set(text, (terms = fieldTerms(text, this.welsh)));
        for (const term of terms) vocabulary.add(term);
        return terms;
      }),
    );
    seen.clear();
    vocabulary.seal();

    // Then index. Common words are only ever looked up in the short fields (see
    // termResults), so their postings in long text would be dead weight: they are about
    // half of all postings, and leaving them out halves the build.
    const common = commonCount(docs.length);
    const pruned = new Map<string[], string[]>();
    const guessing = fields.map((field) => guessFields.includes(field));
    const mini = new BulkMiniSearch<IndexedDocument>({ fields: [...fields], processTerm: same, tokenize: byWhitespace });
    mini.addAllInBulk(docs.length, fields, (doc, field) => {
      const terms = docTerms[doc]![field]!;
      if (guessing[field]) return terms;
      let kept = pruned.get(terms);
      if (!kept) pruned.set(terms, (kept = terms.filter((t) => vocabulary.count(t) <= common)));
      return kept;
    });

    const own = Array.isArray(this.catalogue.synonyms) ? this.catalogue.synonyms.filter(Array.isArray) : [];
    const synonyms = new SynonymTable([...DEFAULT_SYNONYMS, ...own.map((group) => group.filter((p) => typeof p === 'string'))], this.welsh);
    const ids = new Map(entries.map((entry, i) => [entry?.id, i]));
    const pins = new Map<string, number>();
    for (const [need, id] of Object.entries(this.catalogue.pins && typeof this.catalogue.pins === 'object' ? this.catalogue.pins : {})) {
      const at = ids.get(id);
      if (at !== undefined) pins.set(analyse(need, this.welsh).join(' '), at);
    }
    this.index = { mini, guessFields, planner: new QueryPlanner(vocabulary, synonyms, this.welsh), vocabulary, pins, conceptCache: new Map(), termCache: new Map() };
    return this.index;
  }

  /** Runs the plan and ranks: the share of the query's concepts an entry meets counts most. */
  private rank(index: Index, plan: Plan, limit: number): Ranked[] {
    const total = plan.concepts.length;
    const found = new Map<number, { score: number; met: number }>();
    for (const concept of plan.concepts) {
      for (const [id, score] of this.conceptResults(index, concept)) {
        const known = found.get(id);
        if (known) {
          known.score += score;
          known.met += 1;
        } else found.set(id, { score, met: 1 });
      }
    }
    // Only the best few are wanted: keep a short sorted list rather than sort thousands.
    const best: Ranked[] = [];
    for (const [id, { score, met }] of found) {
      // An entry that meets under half of a longer need ("washing machine repair" and
      // home care's "washing") is not an answer: better the kind no-result message.
      if (met * 2 < total) continue;
      const share = met / total;
      const ranked = { id, score: score * share * share * (met === total ? 2 : 1) };
      if (best.length === limit && ranked.score <= best[limit - 1]!.score) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < ranked.score) at--;
      best.splice(at, 0, ranked);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /**
   * One concept's entries and scores: any of its ways, each needing all its slots, each
   * slot any of its terms. Cached by concept: as someone types, only the last word
   * changes, so every earlier concept is a cache hit and a keystroke costs one concept.
   */
  private conceptResults(index: Index, concept: Concept): Scores {
    const cached = touch(index.conceptCache, concept.key);
    if (cached) return cached;
    const results: Scores = new Map();
    for (const way of concept.ways) {
      const slots = way.slots.map((slot) => this.slotResults(index, slot)).sort((a, b) => a.size - b.size);
      // All slots must match: walk the smallest, look each entry up in the others.
      const [smallest, ...others] = slots;
      if (!smallest) continue;
      for (const [id, score] of smallest) {
        let sum = score;
        for (const other of others) {
          const more = other.get(id);
          if (more === undefined) {
            sum = -1;
            break;
          }
          sum += more;
        }
        if (sum >= 0) results.set(id, (results.get(id) ?? 0) + sum);
      }
    }
    remember(index.conceptCache, concept.key, results, CONCEPT_CACHE);
    return results;
  }

  /** Entries with any of the slot's terms, each term's score weighed by how sure a match it is. */
  private slotResults(index: Index, slot: Slot): Scores {
    if (slot.length === 1) {
      const [{ term, weight }] = slot as [Expansion];
      return weight === 1 ? this.termResults(index, term, weight) : scaled(this.termResults(index, term, weight), weight);
    }
    const results: Scores = new Map();
    for (const { term, weight } of slot) {
      for (const [id, score] of this.termResults(index, term, weight)) results.set(id, (results.get(id) ?? 0) + score * weight);
    }
    return results;
  }

  /**
   * One term's BM25 scores from MiniSearch, cached: the same words recur keystroke after
   * keystroke. Guesses (completions, near spellings, synonyms) and very common words
   * ("help", "care") are looked for only in the short fields: that is where they say
   * something about an entry, and their postings in long text are most of a search's cost.
   */
  private termResults({ mini, vocabulary, termCache, guessFields }: Index, term: string, weight: number): Scores {
    const shortOnly = weight !== 1 || vocabulary.count(term) > commonCount(mini.documentCount);
    const key = shortOnly ? `${term}\u0000` : term;
    const cached = touch(termCache, key);
    if (cached) return cached;
    const results: Scores = new Map();
    const options = { tokenize: byWhitespace, processTerm: same, boost: FIELD_BOOSTS, ...(shortOnly ? { fields: guessFields } : {}) };
    for (const result of mini.search(term, options)) results.set(result.id as number, result.score);
    remember(termCache, key, results, TERM_CACHE);
    return results;
  }

  /** A council's pinned answer for this need goes first. */
  private withPin(index: Index, key: string, ranked: Ranked[]): Ranked[] {
    const pinned = index.pins.get(key);
    if (pinned === undefined) return ranked;
    const top = (ranked[0]?.score ?? 0) + 1;
    return [{ id: pinned, score: top }, ...ranked.filter((r) => r.id !== pinned)];
  }
}

type Scores = Map<number, number>;

/** A cached value, moved to the back so the least recently used goes first. */
function touch<V>(cache: Map<string, V>, key: string): V | undefined {
  const value = cache.get(key);
  if (value !== undefined) {
    cache.delete(key);
    cache.set(key, value);
  }
  return value;
}

function remember<V>(cache: Map<string, V>, key: string, value: V, limit: number): void {
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function scaled(scores: Scores, weight: number): Scores {
  const out: Scores = new Map();
  for (const [id, score] of scores) out.set(id, score * weight);
  return out;
}
