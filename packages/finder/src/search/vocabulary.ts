/**
 * Every term in the index, with how often it occurs, so the engine can expand a query
 * term itself (completions of a half-typed word, near spellings of a typo) and hand
 * MiniSearch only exact terms. Expanding here lets us cap and cache each expansion,
 * which is what keeps a keystroke's search inside its few milliseconds.
 */
import { editDistance } from './edit-distance.js';

export interface Expansion {
  term: string;
  /** 1 for the term itself; less for a completion or a near spelling. */
  weight: number;
}

/** Terms whose first letter matches, for near spellings; typos rarely hit the first letter. */
type Buckets = Map<string, string[]>;

export class Vocabulary {
  private counts = new Map<string, number>();
  private sorted: string[] = [];
  private byInitial: Buckets = new Map();

  add(term: string): void {
    this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
  }

  /** Call once all terms are added. */
  seal(): void {
    this.sorted = [...this.counts.keys()].sort();
    for (const term of this.sorted) {
      const initial = term[0]!;
      let bucket = this.byInitial.get(initial);
      if (!bucket) this.byInitial.set(initial, (bucket = []));
      bucket.push(term);
    }
  }

  /** How many times the term was indexed (once per field it is in). */
  count(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  has(term: string): boolean {
    return this.counts.has(term);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Up to `limit` terms that start with `prefix` (the shortest, so the likeliest, first). */
  completions(prefix: string, limit: number): Expansion[] {
    const found: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const term = this.sorted[i]!;
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    found.sort((a, b) => a.length - b.length || (this.counts.get(b) ?? 0) - (this.counts.get(a) ?? 0));
    return found.slice(0, limit).map((term) => ({
      term,
      // As MiniSearch weighs prefix matches: closer in length, nearer to the typed word.
      weight: term === prefix ? 1 : (0.7 * term.length) / (term.length + 0.3 * (term.length - prefix.length)),
    }));
  }

  /**
   * Terms within `max` edits of `term` (or, with `asPrefix`, whose beginning is), the
   * nearest first. Looks first in terms with the same first letter, then everywhere when
   * that finds nothing, as the first letter is occasionally the slip.
   */
  near(term: string, max: number, limit: number, asPrefix = false): Expansion[] {
    const same = this.byInitial.get(term[0] ?? '') ?? [];
    let found = this.scan(same, term, max, asPrefix);
    if (found.length === 0) found = this.scan(this.sorted, term, max, asPrefix);
    found.sort((a, b) => a.distance - b.distance || (this.counts.get(b.term) ?? 0) - (this.counts.get(a.term) ?? 0));
    return found.slice(0, limit).map(({ term: near, distance }) => ({
      term: near,
      weight: (0.5 * near.length) / (near.length + distance),
    }));
  }

  private scan(terms: string[], term: string, max: number, asPrefix: boolean) {
    const found: { term: string; distance: number }[] = [];
    for (const candidate of terms) {
      if (candidate === term) continue;
      if (asPrefix) {
        if (candidate.length < term.length - max) continue;
        // Compare with the candidate's beginning, a letter shorter or longer too.
        let best = max + 1;
        for (let k = -max; k <= max; k++) {
          const end = term.length + k;
          if (end < 1 || end > candidate.length) continue;
          best = Math.min(best, editDistance(term, candidate.slice(0, end), max));
        }
        if (best <= max) found.push({ term: candidate, distance: best });
      } else if (Math.abs(candidate.length - term.length) <= max) {
        const distance = editDistance(term, candidate, max);
        if (distance <= max) found.push({ term: candidate, distance });
      }
    }
    return found;
  }
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
