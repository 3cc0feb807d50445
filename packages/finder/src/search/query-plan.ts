/**
 * Turns what someone typed into a plan MiniSearch can run with exact terms only:
 * concepts (a word, or a phrase the synonym table knows), each a choice of ways of saying
 * it, each way a set of terms that must all match, each term widened to near spellings
 * and, for the word still being typed, its completions.
 */
import { stem } from './stem.js';
import { isStopword, isWeak, termOf, words } from './normalise.js';
import type { Phrase, SynonymTable } from './synonyms.js';
import type { Expansion, Vocabulary } from './vocabulary.js';

/** Terms any one of which fills a place in a phrase. */
export type Slot = Expansion[];
/** One way of saying the concept: every slot must match. */
export interface Way {
  slots: Slot[];
}
/** A concept of the query: any one of its ways matches it. */
export interface Concept {
  /** Same key, same ways: what the engine caches a concept's results under. */
  key: string;
  ways: Way[];
}
export interface Plan {
  concepts: Concept[];
  /** The query's terms, in order: what pins are matched against. */
  key: string;
}

// Long pastes are cut: nobody describes a need in more than a few words, and every
// extra concept costs time on each keystroke.
const MAX_CHARS = 200;
const MAX_CONCEPTS = 8;
// Short prefixes have many completions, mostly common words that cost most to score.
const completionsFor = (prefix: string) => (prefix.length <= 2 ? 4 : prefix.length === 3 ? 6 : 8);
const NEAR = 4;
const SYNONYM_WEIGHT = 0.5;
const CACHE_LIMIT = 5000;

export class QueryPlanner {
  private slotCache = new Map<string, Slot>();

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly synonyms: SynonymTable,
    private readonly welsh = false,
  ) {}

  plan(query: string): Plan {
    const text = query.slice(0, MAX_CHARS);
    const typed = words(text).filter((w) => !isStopword(w, this.welsh) && w.length <= 40);
    // The last word is still being typed unless something (a space, a full stop) follows it.
    const lastIsPartial = typed.length > 0 && /[\p{L}\p{N}]$/u.test(text);
    // A single letter being typed says nothing yet, and its completions are the costliest search.
    if (lastIsPartial && typed.at(-1)!.length < 2) typed.pop();
    const terms = typed.map((w) => termOf(w, this.welsh)!);

    const concepts: { phrase: Phrase; from: number; weak: boolean }[] = [];
    for (let at = 0; at < terms.length; ) {
      const phrase = this.synonyms.match(terms, at, lastIsPartial) ?? [terms[at]!];
      const weak = phrase.length === 1 && isWeak(phrase[0]!, this.welsh);
      concepts.push({ phrase, from: at, weak });
      at += phrase.length;
    }
    const strong = concepts.filter((c) => !c.weak);
    const kept = (strong.length > 0 ? strong : concepts)
      .filter((c, i, all) => all.findIndex((d) => d.phrase.join(' ') === c.phrase.join(' ')) === i)
      .slice(0, MAX_CONCEPTS);

    return {
      key: terms.join(' '),
      concepts: kept.map(({ phrase, from }) => {
        const typedWays: Way = {
          slots: phrase.map((_, k) => {
            const index = from + k;
            const partial = lastIsPartial && index === terms.length - 1;
            return this.slot(terms[index]!, partial ? typed[index]! : undefined);
          }),
        };
        const partial = lastIsPartial && from + phrase.length === terms.length;
        const key = `${phrase.join(' ')}${partial ? `\u0000${typed.at(-1)}` : ''}`;
        const ways = [typedWays];
        for (const alternative of this.synonyms.alternativesOf(phrase)) {
          ways.push({ slots: alternative.map((term) => this.known(term, SYNONYM_WEIGHT)) });
        }
        return { key, ways: ways.filter((way) => way.slots.every((slot) => slot.length > 0)) };
      }),
    };
  }

  /** A synonym's term: exact only (the council wrote it, so it is spelt right). */
  private known(term: string, weight: number): Slot {
    return this.vocabulary.has(term) ? [{ term, weight }] : [];
  }

  /** A typed term's expansions; `partialWord` is set for the word still being typed. */
  private slot(term: string, partialWord?: string): Slot {
    const cacheKey = partialWord === undefined ? term : `${term}\u0000${partialWord}`;
    const cached = this.slotCache.get(cacheKey);
    if (cached) return cached;
    if (this.slotCache.size > CACHE_LIMIT) this.slotCache.clear();

    const found = new Map<string, number>();
    const add = (list: Expansion[]) => {
      for (const { term: t, weight } of list) found.set(t, Math.max(found.get(t) ?? 0, weight));
    };
    if (this.vocabulary.has(term)) found.set(term, 1);
    if (partialWord !== undefined) {
      for (const prefix of stemsOfPartial(partialWord, term, this.welsh)) add(this.vocabulary.completions(prefix, completionsFor(prefix)));
    }
    // Near spellings only for a word not known as typed: a real word is rarely a typo,
    // and short words have too many neighbours to guess between.
    if (found.size === 0 && term.length >= 4) {
      add(this.vocabulary.near(term, term.length >= 8 ? 2 : 1, NEAR));
      if (found.size === 0 && partialWord !== undefined) add(this.vocabulary.near(partialWord, 1, NEAR, true));
    }
    const slot = [...found].map(([t, weight]) => ({ term: t, weight }));
    this.slotCache.set(cacheKey, slot);
    return slot;
  }
}

/**
 * Stems a half-typed word could be heading for. The index holds stems, so "falli" must
 * look for "fall" (of "falling"), and "washe" for "wash" (of "washed").
 */
function stemsOfPartial(word: string, term: string, welsh: boolean): string[] {
  const stems = new Set([term, word]);
  const of = (whole: string) => (welsh ? termOf(whole, true) ?? whole : stem(whole));
  if (word.endsWith('i')) stems.add(of(word + 'ng'));
  if (word.endsWith('in')) stems.add(of(word + 'g'));
  if (word.endsWith('e')) stems.add(of(word + 'd'));
  if (word.endsWith('ie')) stems.add(of(word + 's'));
  return [...stems].filter((s) => s.length > 0);
}
