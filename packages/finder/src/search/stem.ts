/**
 * A small English stemmer: plurals, -ing, -ed and a few irregular forms, enough that
 * "falls", "fallen", "falling" and "fell" all meet at "fall". Porter's full algorithm
 * conflates too much for short service names ("care"/"career"); this keeps to endings
 * people actually vary when they describe a need.
 */

const IRREGULAR: Record<string, string> = {
  fallen: 'fall', fell: 'fall', children: 'child', women: 'woman', men: 'man', people: 'person',
  feet: 'foot', cannot: 'cant', couldnt: 'cant', teeth: 'tooth', wives: 'wife', knives: 'knife', lives: 'life', crises: 'crisis',
  got: 'get', gotten: 'get', went: 'go', gone: 'go', paid: 'pay', bought: 'buy', told: 'tell',
  felt: 'feel', lost: 'lose', left: 'leave', ate: 'eat', eaten: 'eat', took: 'take', taken: 'take',
  gave: 'give', given: 'give', did: 'do', done: 'do', was: 'be', were: 'be', been: 'be', is: 'be',
  are: 'be', am: 'be', being: 'be', doing: 'do', going: 'go', dying: 'die', lying: 'lie', has: 'have', had: 'have', mice: 'mouse', older: 'old', elderly: 'old',
};

const VOWEL = /[aeiouy]/;

const isVowel = (ch: string | undefined) => ch !== undefined && 'aeiou'.includes(ch);

/** Consonant-vowel-consonant at the end (not w, x, y): "car" of "caring" wants its e back. */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const [a, b, c] = [word[n - 3], word[n - 2], word[n - 1]];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && !'wxy'.includes(c!);
}

/** What is left after -ing or -ed, tidied so it meets the word's other forms. */
function restore(base: string): string {
  const n = base.length;
  const last = base[n - 1]!;
  // "getting" → "gett" → "get"; but "falling" keeps its double l, "dressing" its ss.
  if (n >= 3 && last === base[n - 2] && !isVowel(last) && !'lsz'.includes(last)) return base.slice(0, -1);
  // "disabled" → "disabl" → "disable"; "organised" → "organis" → "organise".
  if (/(at|iz|v|c|[^n]g|u|[aeiou]s|[^aeioul]l)$/.test(base)) return base + 'e';
  // "caring" → "car" → "care", "used" → "us" → "use"; but not "visit" or "cook".
  if (n === 2 || (endsCvc(base) && !VOWEL.test(base.slice(0, -3)))) return base + 'e';
  return base;
}

export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;

  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(sh|ch|x|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 4) {
    const base = word.slice(0, -3);
    if (VOWEL.test(base)) return restore(base);
  }
  if (word.endsWith('ed') && word.length >= 4 && !word.endsWith('eed')) {
    const base = word.slice(0, -2);
    if (VOWEL.test(base)) return restore(base);
  }
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
