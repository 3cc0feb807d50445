/**
 * Personal-data redaction for free text, run in the resident's browser before sending and
 * again on the server. Pure string work (no DOM), so it runs in browsers and in Node.
 *
 * Each match becomes a placeholder such as "[email]". Detectors run in a fixed order, most
 * specific first, and each match is swapped for a one-character marker so later detectors
 * cannot see it again: email, card (Luhn), NHS number (modulus 11), phone, NI number, postcode.
 * So a 10-digit run that passes the NHS check is labelled "nhs-number" even if it is also
 * phone-shaped, and a 13–19 digit run that passes Luhn is a "card".
 *
 * Every pattern is anchored by a lookbehind or \b and uses bounded repeats, so scanning stays
 * linear on hostile input.
 */

export type PersonalDataKind = 'email' | 'phone' | 'ni-number' | 'nhs-number' | 'postcode' | 'card';

/** `found` lists distinct kinds in order of first appearance in the text. */
export interface Redaction {
  text: string;
  found: PersonalDataKind[];
}

// A digit run stands alone: not glued to a word, a "+", or a decimal/thousands separator.
const START = String.raw`(?<![\w+]|\d[.,])`;
const END = String.raw`(?!\w|[.,]\d)`;

const luhn = (d: string): boolean => {
  let sum = 0;
  for (let i = d.length, odd = false; i--; odd = !odd) {
    const n = +d[i]! * (odd ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  }
  return sum % 10 == 0;
};

// NHS modulus 11: weights 10..2 on the first nine digits; a remainder giving 10 is never issued.
const nhs = (d: string): boolean => {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += +d[i]! * (10 - i);
  return (11 - (sum % 11)) % 11 == +d[9]!;
};

const LOCAL = String.raw`[\p{L}\p{N}_.%+-]`;
const LABEL = String.raw`[\p{L}\p{N}_-]+`;
// Mail that residents name without its ending ("jo@gmail"), so nothing else is read as one.
const PROVIDERS = 'gmail|googlemail|hotmail|outlook|yahoo|icloud|btinternet|aol|sky|virginmedia|talktalk|protonmail';
// Endings for an address with "dot" spelled out, so that "at the council dot site" is not one.
const ENDINGS = 'com|org|net|uk|cymru|wales|scot|ie|info|me|io';
// One or two spaces, or a dash, between groups of digits (people type both).
const GAP = '(?: {1,2}|-)';

const digits = (s: string): string => s.replace(/\D/g, '');

type Rule = [PersonalDataKind, RegExp, ((match: string) => boolean)?];

// Order is priority: see the file comment.
const RULES: Rule[] = [
  // Letters in any script (siân.jones@...), and an apostrophe only inside the name (o'neill@...,
  // but not the quote in 'jo@...'); a space either side of the "@" ("jo @ gmail.com"), or a
  // well-known provider with no ending ("jo@gmail"). The lookbehind makes each word one
  // attempt, not one per character, which would be quadratic.
  [
    'email',
    RegExp(String.raw`(?<!${LOCAL}'?)${LOCAL}+(?:'${LOCAL}+)*(?: ?@ ?${LABEL}(?:\.${LABEL})+|@(?:${PROVIDERS})\b)`, 'giu'),
  ],
  // "@" and "." written out: "jo(at)example.com", "jo [at] example [dot] com", "jo dot bloggs at
  // gmail dot com". Bare "at" counts only with a bare "dot" and a known ending after it.
  [
    'email',
    RegExp(
      String.raw`(?<!${LOCAL})${LOCAL}+ ?[([]at[)\]] ?${LABEL}(?:(?:\.| ?[([]dot[)\]] ?)${LABEL})+` +
        String.raw`|(?<!${LOCAL})${LOCAL}+(?: dot ${LOCAL}+)* at ${LABEL}(?: dot ${LABEL})* dot (?:${ENDINGS})\b`,
      'giu',
    ),
  ],
  // Cards: 13–19 digits, plain or grouped from a leading block of four (4-4-4-4, 4-6-5, ...).
  // Issuers never start with 0, so 0044 phone numbers are left for the phone rule.
  [
    'card',
    RegExp(START + String.raw`[1-9](?:\d{12,18}|\d{3}(?:${GAP}\d{3,6}){2,4})` + END, 'g'),
    (m) => {
      const d = digits(m);
      return d.length > 12 && d.length < 20 && luhn(d);
    },
  ],
  // NHS: ten digits, in the letter's 3-3-4 or any grouping of three or more digits a person
  // types (9434 765 919); the check digit keeps false hits to 1 in 11. Digits in pairs or
  // alone are read as a list ("scores 21 34 56 78 99"), not a number.
  [
    'nhs-number',
    RegExp(
      START +
        String.raw`(?:\d{3}\.\d{3}\.\d{4}|\d{10}|\d{3}${GAP}(?:\d{3}${GAP}\d{4}|\d{4}${GAP}\d{3}|\d{7})|\d{4}${GAP}(?:\d{3}${GAP}\d{3}|\d{6})|\d{5}${GAP}\d{5}|\d{6}${GAP}\d{4}|\d{7}${GAP}\d{3})` +
        END,
      'g',
    ),
    (m) => nhs(digits(m)),
  ],
  // Phones: 0, or 44 with or without "+" or "00" (and an optional "(0)" or 0 after it), then
  // 9–10 digits, each optionally after a space or two, a dash or the ")" closing "(01632)". No
  // UK numbers start 04 or 06. The last digit is never alone in its group, so "0800 123 456 3
  // times" keeps its count. Dots only in a number's usual shape (07700.900.123), never in
  // dates and times (01.12.2024 10.30).
  [
    'phone',
    RegExp(
      String.raw`(?<![\w+])(?:\(?(?:\+|00)?44\)?[ -]?(?:\(0\)[ -]?|0)?|\(?0)[1-35-9](?:\)?${GAP}?\d){7,8}\d(?!\d)` +
        String.raw`|(?<![\w+.])0\d{3,4}\.\d{3}\.?\d{3,4}(?![\d.])`,
      'g',
    ),
    (m) => digits(m).replace(/^(?:00)?44/, '0').replace(/^00/, '0').length >= 10,
  ],
  // Abroad: "+" and a country code, then 7 to 12 digits in any grouping, brackets too.
  ['phone', RegExp(String.raw`(?<![\w+])\+[1-9]\d{0,2}(?:[ -]?\(0\))?(?:\)?${GAP}?\(?\d){7,12}(?!\d)`, 'g')],
  // NI: prefixes without D F I Q U (V), no O second, none of the never-issued pairs; six digits
  // grouped any way; suffix A–D, often left off. Without it, no other lone letter may follow ("AB
  // 12 34 56 E" is not one), nor more digits ("on 2024-03-12" is a date), nor a dash and more (an id: "ac148810-d857-…").
  [
    'ni-number',
    /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?:[ -]?\d){6}(?:[ -]?[A-D]\b|\b(?![ -]?[A-Z]\b|[ \-/.:,]\d|-\w))/gi,
  ],
  // Postcodes in the six outward shapes (A9, A99, A9A, AA9, AA99, AA9A) plus GIR 0AA, using the
  // letters Royal Mail allows in each place. A spaced lower-case ordinal ("M1 2nd exit") is a
  // road, not a postcode; "B33 8TH" in capitals, "b338th" unspaced and "ne1 4st" still count.
  [
    'postcode',
    /\b(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?) {0,2}\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA)\b/gi,
    (m) => !/ (?:1st|2nd|3rd|[04-9]th)$/.test(m),
  ],
];

// Markers come from Unicode's noncharacters (U+FDD0...), reserved for internal use and never
// valid in interchanged text, so they cannot clash with what a resident typed.
const MARKERS = /[\uFDD0-\uFDEF]/g;

export function redact(text: string): Redaction {
  let out = text.replace(MARKERS, '');
  // Every kind above needs a digit, an "@" or an "at", and many answers have none.
  if (!/[0-9@]|\bat\b/i.test(out)) return { text: out, found: [] };
  RULES.forEach(([, re, valid], i) => {
    out = out.replace(re, (m) => (valid && !valid(m) ? m : String.fromCharCode(0xfdd0 + i)));
  });
  const found: PersonalDataKind[] = [];
  out = out.replace(MARKERS, (c) => {
    const kind = RULES[c.charCodeAt(0) - 0xfdd0]![0];
    if (!found.includes(kind)) found.push(kind);
    return `[${kind}]`;
  });
  return { text: out, found };
}

export function redactText(text: string): string {
  return redact(text).text;
}

/**
 * A page address (origin and path: the query and fragment never leave the page) with each
 * path segment redacted, since a path can hold an email or a reference number ("/cases/AB123456C").
 */
export function redactPageUrl(href: string): string {
  const url = new URL(href);
  const path = url.pathname
    .split('/')
    .map((segment) => {
      const decoded = decodedSegment(segment);
      const redacted = redactText(decoded);
      return redacted === decoded ? segment : encodeURIComponent(redacted);
    })
    .join('/');
  return `${url.origin}${path}`;
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Text as every store can keep it exactly: a lone surrogate (half of an emoji, cut off by a
 * length limit) becomes U+FFFD, and NUL, which PostgreSQL text cannot hold, is dropped.
 * Run by the collector on every text an answer carries (the browser sends what the resident typed).
 */
export const storableText = (text: string): string => text.replace(STORABLE_PROBLEM, (found) => (found === '\0' ? '' : '\uFFFD'));

// With the u flag a paired surrogate is one code point, so \p{Cs} finds only the lone ones.
const STORABLE_PROBLEM = /[\p{Cs}\0]/gu;
