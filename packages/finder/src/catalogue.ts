/**
 * The finder's catalogue: what a council offers, described in the words people use.
 * A static JSON file of this shape (see README), or built from an Open Referral UK API.
 */

/** Text a council may give in Welsh too; any field left out falls back to English. */
export interface WelshText {
  title?: string;
  summary?: string;
  needs?: string[];
  keywords?: string[];
  answer?: string;
  hours?: string;
  cost?: string;
  eligibility?: string;
  url?: string;
}

export interface CatalogueEntry {
  /** Stable id, e.g. `help-at-home`. */
  id: string;
  /** The service's name as the council writes it: "Help at home (home care)". */
  title: string;
  /** One plain-English line: what it is and who it is for. */
  summary: string;
  /** Curated needs in residents' own words: "help getting washed and dressed". Ranked above descriptions. */
  needs?: string[];
  /** Other words people use for it. */
  keywords?: string[];
  /** Longer description; searched, but ranked lowest. */
  description?: string;
  /** Where choosing it goes. */
  url?: string;
  /** The answer itself, shown inline instead of going to a page (plain text; blank lines separate paragraphs). */
  answer?: string;
  phone?: string;
  hours?: string;
  cost?: string;
  eligibility?: string;
  cy?: WelshText;
}

/** How to reach a person when nothing fits: the call co-design cannot yet avoid. */
export interface ContactRoute {
  label: string;
  phone?: string;
  hours?: string;
  url?: string;
  cy?: { label?: string; hours?: string; url?: string };
}

export interface Catalogue {
  version: 1;
  name: string;
  entries: CatalogueEntry[];
  /** Groups of words or phrases that mean the same: [["meals on wheels", "meal delivery"], ["mum", "mother", "parent"]]. */
  synonyms?: string[][];
  /** A need (as typed, lower case) → the entry id a council pins to the top for it. */
  pins?: Record<string, string>;
  contact: ContactRoute;
}

export interface SearchResult {
  entry: CatalogueEntry;
  score: number;
}
