/**
 * What residents type, in their own words (slips, missing apostrophes and all), and the
 * entry of examples/adult-social-care/catalogue.json that must be in the top three.
 * Add a case whenever the dashboard shows a need the finder missed.
 */
export interface RelevanceCase {
  query: string;
  expect: string;
  lang?: 'en' | 'cy';
}

/** Pairs where the first entry must rank above the second: an emergency above a class. */
export const orderCases: { query: string; above: string; below: string; lang?: 'en' | 'cy' }[] = [
  { query: 'mae mam wedi cwympo', above: 'fallen-now', below: 'falls-prevention', lang: 'cy' },
  { query: 'mum fell and cant get up', above: 'fallen-now', below: 'falls-prevention' },
];

/**
 * Welsh searches that must work on a catalogue with no Welsh text at all (the vocabulary
 * alone, synonyms.ts): most councils' catalogues start in English.
 */
export const welshOnEnglishCatalogue: RelevanceCase[] = [
  { query: 'gweithiwr cymdeithasol', expect: 'contact-social-worker', lang: 'cy' },
  { query: 'cwyno', expect: 'complaints', lang: 'cy' },
  { query: 'bathodyn glas wedi dod i ben', expect: 'blue-badge-renew', lang: 'cy' },
];

export const relevanceCases: RelevanceCase[] = [
  // The issue's own examples.
  { query: 'help getting mum washed', expect: 'help-at-home' },
  { query: 'meals on wheels', expect: 'meals-at-home' },
  { query: 'my dad keeps falling', expect: 'falls-prevention' },
  { query: 'blue badge', expect: 'blue-badge' },
  { query: "carer's break", expect: 'carers-break' },
  { query: 'I cant cope', expect: 'mental-health-crisis' },
  // Help at home and personal care.
  { query: 'someone to help dad get dressed', expect: 'help-at-home' },
  { query: 'carers coming in to help nan', expect: 'help-at-home' },
  { query: 'home care', expect: 'help-at-home' },
  { query: 'mum needs help with a shower', expect: 'help-at-home' },
  { query: 'meal delivery', expect: 'meals-at-home' },
  { query: 'hot dinners brought to the door', expect: 'meals-at-home' },
  { query: 'dad is not eating', expect: 'meals-at-home' },
  // Equipment and adaptations.
  { query: 'grab rail for the toilet', expect: 'minor-adaptations' },
  { query: 'walk in shower', expect: 'disabled-facilities-grant' },
  { query: 'stair lift', expect: 'stairlifts' },
  { query: 'cant get up the stairs', expect: 'stairlifts' },
  { query: 'bath seat', expect: 'equipment' },
  { query: 'zimmer frame', expect: 'equipment' },
  { query: 'wheelchair', expect: 'wheelchairs' },
  { query: 'OT assessment', expect: 'occupational-therapy' },
  { query: 'disabled facilities grant', expect: 'disabled-facilities-grant' },
  // Carers.
  { query: 'respite', expect: 'carers-break' },
  { query: 'I need a break from looking after my husband', expect: 'carers-break' },
  { query: 'carers assessment', expect: 'carers-assessment' },
  { query: 'exhausted from caring for mum', expect: 'carers-assessment' },
  // Care homes and money.
  { query: 'nursing home', expect: 'nursing-homes' },
  { query: 'old peoples home', expect: 'care-homes' },
  { query: 'mum can’t live on her own anymore', expect: 'care-homes' },
  { query: 'how much does a care home cost', expect: 'paying-for-care' },
  { query: 'will I have to sell my house', expect: 'deferred-payment' },
  { query: 'means test', expect: 'financial-assessment' },
  { query: 'direct payments', expect: 'direct-payments' },
  { query: 'attendance allowance', expect: 'benefits-advice' },
  // Safety.
  { query: 'report abuse', expect: 'safeguarding' },
  { query: 'someone is stealing from my mum', expect: 'safeguarding' },
  { query: 'pendant alarm', expect: 'telecare' },
  { query: 'careline', expect: 'telecare' },
  { query: 'mum fell and cant get up', expect: 'fallen-now' },
  { query: 'scam phone calls', expect: 'scams' },
  // Memory, loneliness, mental health.
  { query: 'dementia', expect: 'dementia-support' },
  { query: 'dad is getting confused', expect: 'dementia-support' },
  { query: 'alzheimers', expect: 'dementia-support' },
  { query: 'lonely', expect: 'befriending' },
  { query: 'no one to talk to', expect: 'befriending' },
  { query: 'feeling suicidal', expect: 'mental-health-crisis' },
  { query: 'coming out of hospital', expect: 'hospital-discharge' },
  { query: 'deaf', expect: 'deaf-hearing' },
  { query: 'going blind', expect: 'sight-loss' },
  { query: 'son has learning disabilities', expect: 'learning-disability' },
  { query: 'power of attorney', expect: 'power-of-attorney' },
  { query: 'lift to hospital appointment', expect: 'transport' },
  { query: 'complain about my carer', expect: 'complaints' },
  // Slips and half-typed words.
  { query: 'wahsing and dressing', expect: 'help-at-home' },
  { query: 'benifits', expect: 'benefits-advice' },
  { query: 'demntia', expect: 'dementia-support' },
  { query: 'respit', expect: 'carers-break' },
  { query: 'blue bad', expect: 'blue-badge' },
  { query: 'meals on whe', expect: 'meals-at-home' },
  { query: 'penadnt alarm', expect: 'telecare' },
  { query: 'befrinding', expect: 'befriending' },
  // Words in any order.
  { query: 'badge blue', expect: 'blue-badge' },
  { query: 'washed getting mum help', expect: 'help-at-home' },
  // Welsh.
  { query: 'bathodyn glas', expect: 'blue-badge', lang: 'cy' },
  { query: 'seibiant i ofalwyr', expect: 'carers-break', lang: 'cy' },
  { query: 'prydau ar glud', expect: 'meals-at-home', lang: 'cy' },
  { query: 'mam yn cwympo', expect: 'falls-prevention', lang: 'cy' },
  { query: 'cartref gofal', expect: 'care-homes', lang: 'cy' },
  { query: 'talu am ofal', expect: 'paying-for-care', lang: 'cy' },
  { query: 'teimlo’n unig', expect: 'befriending', lang: 'cy' },
  { query: 'methu ymdopi', expect: 'mental-health-crisis', lang: 'cy' },
  { query: 'help i ymolchi', expect: 'help-at-home', lang: 'cy' },
  // Welsh mutations and plurals (stem-cy.ts): each fails with the English stemmer alone.
  { query: 'gofalwr angen seibiant', expect: 'carers-break', lang: 'cy' }, // "Seibiant i ofalwyr": soft g→(gone), -wyr
  { query: 'cymorth i ofalwr', expect: 'carers-assessment', lang: 'cy' }, // "Asesiad gofalwr"
  { query: 'ffrâm gerdded', expect: 'equipment', lang: 'cy' }, // "fframiau cerdded": -iau, soft c→g
  { query: 'sedd doiled', expect: 'equipment', lang: 'cy' }, // "seddi toiled uwch": soft t→d
  { query: 'fy nghartref gofal', expect: 'care-homes', lang: 'cy' }, // nasal c→ngh
  { query: 'gwirfoddolwyr', expect: 'befriending', lang: 'cy' }, // "Gwirfoddolwr": -wyr
  // Natural Welsh, as residents type it (issue 12): Welsh stopwords ("mae", "yn", "fy") and
  // the Welsh groups of synonyms.ts; the example catalogue's Welsh text for these entries.
  { query: 'gweithiwr cymdeithasol', expect: 'contact-social-worker', lang: 'cy' },
  { query: 'siarad â fy ngweithiwr cymdeithasol', expect: 'contact-social-worker', lang: 'cy' },
  { query: 'cwyno', expect: 'complaints', lang: 'cy' },
  { query: 'cwyno am fy ngofalwr', expect: 'complaints', lang: 'cy' },
  { query: 'bathodyn glas wedi dod i ben', expect: 'blue-badge-renew', lang: 'cy' },
  { query: 'mae mam wedi cwympo', expect: 'fallen-now', lang: 'cy' },
  { query: 'mae dad wedi cwympo ac yn methu codi', expect: 'fallen-now', lang: 'cy' },
  // Welsh readers who search in English still find the entry.
  { query: 'blue badge', expect: 'blue-badge', lang: 'cy' },
];
