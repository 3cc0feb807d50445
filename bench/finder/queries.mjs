// What residents type, in their own words (with the odd slip), and every prefix of each as
// it is typed, one keystroke at a time: the searches a finder actually runs.
export const QUERIES = [
  'help getting mum washed', 'meals on wheels', 'my dad keeps falling', 'blue badge', "carer's break",
  'I cant cope', 'stairlift', 'dementia support for my mum', 'lonely', 'care home costs',
  'pendant alarm', 'help with shopping', 'wheelchair', 'coming home from hospital', 'grab rails in bathroom',
  'benifits advice', 'wahsing and dressing', 'someone to talk to', 'day centre near me', 'respite for carers',
  'hearing loss', 'going blind', 'learning disability day service', 'lift to hospital', 'house too cold',
  'worried about my neighbour', 'domestic abuse', 'my husband had a stroke', 'memory clinic', 'falls class',
  'bath seat', 'help at home', 'paying for care', 'incontinence pads', 'bereavement',
  'job coach', 'parkinsons group', 'debt advice', 'sheltered housing', 'occupational therapist',
  'lunch club Northtown', 'befriending service', 'mental health crisis', 'nursing home', 'handyman repairs',
];

/** Every prefix of every query, as typed: "h", "he", "hel", … */
export function typedPrefixes(queries = QUERIES) {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}
