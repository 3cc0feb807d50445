/**
 * A catalogue's text in the reader's language where the council gave it, English where not,
 * with the language it is in, so English inside a Welsh page is marked `lang="en"`.
 */
import type { CatalogueEntry, ContactRoute, WelshText } from './catalogue.js';

export interface Localised {
  text: string;
  /** The text's language when it is not the page's (for a `lang` attribute), else undefined. */
  lang: string | undefined;
}

type TextField = Exclude<keyof WelshText, 'needs' | 'keywords'>;

function pick(own: unknown, english: unknown, language: string): Localised {
  if (language === 'cy' && typeof own === 'string' && own.trim()) return { text: own, lang: undefined };
  const text = typeof english === 'string' ? english : '';
  // Catalogues and directories are written in English, with Welsh beside it where given.
  return { text, lang: language === 'en' || !text ? undefined : 'en' };
}

/** A field of an entry in the widget's language. */
export function entryText(entry: CatalogueEntry, field: TextField, language: string): Localised {
  return pick(entry.cy?.[field], entry[field], language);
}

export function contactText(contact: ContactRoute, field: 'label' | 'hours' | 'url', language: string): Localised {
  return pick(contact.cy?.[field], contact[field], language);
}
