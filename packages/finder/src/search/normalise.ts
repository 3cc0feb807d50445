/**
 * Turns text into the terms the finder indexes and searches: folded, split into words,
 * common words dropped, and each word reduced to its stem. Index and query share it, so
 * "Carer's breaks" and "carers break" meet on the same terms.
 */
import { stem } from './stem.js';
import { welshKey } from './stem-cy.js';

/** Words that carry no meaning for finding a service; never indexed. */
const STOPWORDS = new Set(
  ('a an and are as at be been but by do does for from has have i if im in into is it its me my of on or our so ' +
    'that the their them there they this to too us was we were what when where which who will with you your ' +
    'am can could would should shall how why')
    .split(' '),
);

/**
 * Welsh words that carry no meaning for finding a service, dropped on Welsh pages only:
 * "mae" (is), "yn", "y"/"yr" (the), "fy" (my)… so "mae mam wedi cwympo" searches for
 * "mam wedi cwympo". "wedi" stays: "wedi cwympo" (has fallen) is not "yn cwympo" (keeps falling).
 */
const WELSH_STOPWORDS = new Set(
  ('mae yn y yr ac ei fy eich ein eu sydd oes dw dwi rwy rwyf rydw rydyn rydych ydw ydy yw oedd ond neu gyda gan ' +
    'ar o na nac nid ni ddim hefyd iawn bod fod mor')
    .split(' '),
);

/**
 * Words people add to a need that say little about which service fits ("I need help
 * getting…"). They are indexed (someone may search for them alone) but dropped from a
 * query that has other words, so they neither narrow nor skew its results.
 */
const WEAK_WORDS = ['help', 'need', 'get', 'want', 'keep', 'someone', 'please', 'support', 'service', 'find', 'look', 'some', 'any', 'more', 'very', 'about', 'just', 'now', 'still', 'really'];
/** The same in Welsh: "angen" (need), "eisiau" (want), "cymorth" (support), "rhywun" (someone)… */
const WELSH_WEAK_WORDS = ['angen', 'eisiau', 'moyn', 'cymorth', 'gwasanaeth', 'rhywun', 'plis', 'cael', 'chwilio', 'dal', 'nawr', 'rhagor'];
export const WEAK_TERMS = new Set(WEAK_WORDS);
let welshWeak: Set<string> | undefined;

/** Whether a query's term is one of the weak words above, in the page's language (Welsh pages take English words too). */
export function isWeak(term: string, welsh = false): boolean {
  if (!welsh) return WEAK_TERMS.has(term);
  welshWeak ??= new Set([...WEAK_WORDS, ...WELSH_WEAK_WORDS].map((word) => welshKey(word, stem)));
  return welshWeak.has(term);
}

// Apostrophes of every kind go, so "can't" and "cant", "carer's" and "carers" meet.
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/g;
const COMBINING = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_WORD_ASCII = /[^a-z0-9]+/;

/** Lower case, accents off (Welsh ŵ ŷ â match w y a), apostrophes removed. */
export function fold(text: string): string {
  // Most text is plain ASCII; NFD is the slowest step of indexing, so only pay it when needed.
  const plain = NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING, '') : text;
  return plain.toLowerCase().replace(APOSTROPHES, '');
}

/** Words of folded text, as typed (no stemming, stopwords kept). */
export function words(text: string): string[] {
  const folded = fold(text);
  // An ASCII split is several times faster than a Unicode-aware one, and most text is ASCII.
  return folded.split(NON_ASCII.test(folded) ? NON_WORD : NON_WORD_ASCII).filter(Boolean);
}

/**
 * A field's distinct terms, for the index. Each counts once per field: fields are short,
 * a word repeated across needs should not outweigh one that names the service, and fewer
 * insertions keep the index build quick.
 */
export function fieldTerms(text: string, welsh = false): string[] {
  const found: string[] = [];
  for (const word of words(text)) {
    const term = termOf(word, welsh);
    // Fields are short: a scan beats a Set.
    if (term && !found.includes(term)) found.push(term);
  }
  return found;
}

export function isStopword(word: string, welsh = false): boolean {
  return STOPWORDS.has(word) || (welsh && WELSH_STOPWORDS.has(word));
}

// A catalogue repeats the same few thousand words; stemming each once halves index time.
const terms = new Map<string, string | null>();
const welshTerms = new Map<string, string | null>();

/**
 * One word → its index term, or null when the word is not worth indexing. On Welsh pages
 * (`welsh`), Welsh plurals and mutations are brought together too (see stem-cy.ts).
 */
export function termOf(word: string, welsh = false): string | null {
  const cache = welsh ? welshTerms : terms;
  let term = cache.get(word);
  if (term !== undefined) return term;
  // Very long tokens are noise (pasted URLs, keyboard mashing) and slow every comparison.
  term = isStopword(word, welsh) || word.length > 40 ? null : welsh ? welshKey(word, stem) : stem(word);
  if (cache.size > 50_000) cache.clear();
  cache.set(word, term);
  return term;
}

/** Text → its terms, in order. */
export function analyse(text: string, welsh = false): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const term = termOf(word, welsh);
    if (term) out.push(term);
  }
  return out;
}
