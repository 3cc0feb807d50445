/**
 * Plain-language synonyms: groups of words or phrases that mean the same to the person
 * typing. The default list covers adult social care; a catalogue adds its own groups.
 * Phrases are matched on analysed terms, so "meals on wheels", "Meal on wheels" and
 * "meals-on-wheels" are one phrase.
 */
import { analyse } from './normalise.js';

export const DEFAULT_SYNONYMS: string[][] = [
  ['meals on wheels', 'meal delivery', 'hot meals delivered', 'food delivered'],
  ['mum', 'mother', 'mam', 'parent'],
  ['dad', 'father', 'parent'],
  ['nan', 'gran', 'grandma', 'grandmother', 'grandparent'],
  ['grandad', 'grandpa', 'grandfather', 'grandparent'],
  ['wife', 'husband', 'partner', 'spouse'],
  ['cant cope', 'crisis support', 'crisis', 'breaking point', 'struggling to cope'],
  ['carers break', 'respite', 'short break', 'replacement care', 'sitting service'],
  ['wash', 'bath', 'shower', 'personal care'],
  ['dressed', 'dressing', 'personal care'],
  ['pendant alarm', 'personal alarm', 'careline', 'telecare', 'lifeline', 'alarm button'],
  ['blue badge', 'disabled parking', 'disabled badge', 'parking permit'],
  ['care home', 'nursing home', 'residential care', 'old peoples home', 'residential home'],
  ['home care', 'help at home', 'care at home', 'domiciliary care', 'carers coming in'],
  ['stairlift', 'stair lift'],
  ['grab rail', 'handrail', 'hand rail'],
  ['abuse', 'safeguarding', 'neglect', 'harm', 'exploitation'],
  ['pay for care', 'paying for care', 'care costs', 'charges', 'fees', 'financial assessment'],
  ['dementia', 'alzheimers', 'memory problems', 'memory loss', 'forgetful', 'confused'],
  ['lonely', 'loneliness', 'isolated', 'befriending', 'no one to talk to'],
  ['deaf', 'hearing loss', 'hard of hearing'],
  ['blind', 'sight loss', 'visually impaired', 'partially sighted', 'poor eyesight'],
  ['ot', 'occupational therapist', 'occupational therapy'],
  ['dfg', 'disabled facilities grant', 'adaptations grant'],
  ['hospital discharge', 'leaving hospital', 'coming out of hospital', 'home from hospital'],
  ['direct payments', 'personal budget', 'personal assistant'],
  ['suicidal', 'suicide', 'mental health crisis', 'want to end my life'],
  ['learning disability', 'learning difficulty', 'learning disabilities'],
  ['wheelchair', 'mobility aid', 'walking aid', 'walking frame', 'zimmer frame'],
  ['money', 'benefits', 'allowance', 'income'],
  ['complain', 'complaint', 'cwyno', 'cwyn'],
  ['social worker', 'care manager', 'gweithiwr cymdeithasol'],
  ['expired', 'run out', 'running out', 'out of date', 'wedi dod i ben', 'wedi rhedeg allan'],
  ['emergency', 'urgent', 'argyfwng', 'brys'],
];

/** One way of saying something: its terms, matched in order. */
export type Phrase = string[];

/**
 * Phrase (terms joined by spaces) → the other phrases of every group it is in. A phrase
 * in two groups ("parent" in mum's and dad's) gets the alternatives of both.
 */
export class SynonymTable {
  private alternatives = new Map<string, Phrase[]>();
  /** Phrases by their first term, longest first, for matching a query left to right. */
  private byFirst = new Map<string, Phrase[]>();

  constructor(groups: readonly (readonly string[])[], welsh = false) {
    for (const group of groups) {
      const phrases = group.map((phrase) => analyse(phrase, welsh)).filter((p) => p.length > 0);
      for (const phrase of phrases) {
        const key = phrase.join(' ');
        const others = phrases.filter((p) => p.join(' ') !== key);
        const known = this.alternatives.get(key);
        if (known) {
          for (const p of others) if (!known.some((k) => k.join(' ') === p.join(' '))) known.push(p);
          continue;
        }
        this.alternatives.set(key, others);
        const first = phrase[0]!;
        const list = this.byFirst.get(first) ?? [];
        list.push(phrase);
        list.sort((a, b) => b.length - a.length);
        this.byFirst.set(first, list);
      }
    }
  }

  alternativesOf(phrase: Phrase): Phrase[] {
    return this.alternatives.get(phrase.join(' ')) ?? [];
  }

  /**
   * The longest phrase that starts at `terms[at]`. With `lastIsPartial`, the query's
   * final term may be the start of the phrase's final term ("meals on whe").
   */
  match(terms: readonly string[], at: number, lastIsPartial: boolean): Phrase | undefined {
    const candidates = this.byFirst.get(terms[at]!) ?? [];
    for (const phrase of candidates) {
      if (at + phrase.length > terms.length) continue;
      const fits = phrase.every((term, k) => {
        const typed = terms[at + k]!;
        const partial = lastIsPartial && at + k === terms.length - 1 && k > 0;
        return typed === term || (partial && typed.length >= 2 && term.startsWith(typed));
      });
      if (fits) return phrase;
    }
    return undefined;
  }
}
