/**
 * Welsh, lightly, for Welsh pages: plural endings off, and the first consonant's mutations
 * brought together, so "gofalwr", "ofalwyr" and "fy ngofalwyr" meet, as "mam" and "ei fam",
 * "taliadau" and "a thaliad" do. Not a full stemmer: Welsh plurals are often irregular
 * ("plentyn"/"plant") and the rest of a catalogue's needs carry those.
 *
 * Mutation turns one radical into several initials (soft c→g, p→b, t→d, g→(gone), b and
 * m→f, d→dd, ll→l, rh→r; nasal c→ngh, p→mh, t→nh, g→ng, b→m, d→n; aspirate c→ch, p→ph,
 * t→th), and one initial can come from several radicals (f from b or m). So each word's
 * initial is replaced by a key shared by every initial a radical can take: the result is a
 * search key, not a word. It joins a few unrelated words ("pen" and "ben"); ranking by the
 * rest of the need keeps them apart, and missing every mutated word would be worse.
 */

// Longest first. The keys: b (labials), d (dentals), g (velars and lost g), l, r.
const INITIALS: [string, string][] = [
  ['ngh', 'g'], ['mh', 'b'], ['ph', 'b'], ['nh', 'd'], ['th', 'd'], ['ch', 'g'], ['ng', 'g'], ['dd', 'd'], ['ll', 'l'], ['rh', 'r'], ['ff', 'ff'],
  ['c', 'g'], ['p', 'b'], ['f', 'b'], ['m', 'b'], ['t', 'd'], ['n', 'd'],
];
const VOWEL_START = /^[aeiouwy]/;

/** Plural endings, longest first; what is left must still look like a word. */
const PLURALS: [string, string][] = [
  ['iaid', ''], ['oedd', ''], ['iau', ''], ['ion', ''], ['wyr', 'wr'], ['iwr', 'wr'], ['au', ''],
];

function singular(word: string): string {
  for (const [ending, becomes] of PLURALS) {
    // "-ion" of an English word ("station", "session") is not a plural: leave t and s alone.
    if (word.endsWith(ending) && word.length - ending.length >= 3 && !(ending === 'ion' && /[ts]ion$/.test(word))) {
      return word.slice(0, -ending.length) + becomes;
    }
  }
  return word;
}

function radicalKey(word: string): string {
  // "a", "i", "yn", "ei", "am": too short to tell a mutation from another word.
  if (word.length < 3) return word;
  // Soft mutation drops a g: "gofal" → "ofal". Every vowel start may be one.
  if (VOWEL_START.test(word)) return 'g' + word;
  for (const [initial, key] of INITIALS) if (word.startsWith(initial)) return key + word.slice(initial.length);
  return word;
}

/** A folded Welsh word → its search key; `stem` is the English stemmer, for English words on Welsh pages. */
export function welshKey(word: string, stem: (word: string) => string): string {
  return radicalKey(stem(singular(word)));
}
