/**
 * What `<tandem-finder>` checks in its attributes, so a mistake is named in the console and
 * the page shows a short notice rather than a broken widget.
 */
import type { ConfigProblem } from '@tandem/core';
import type { Catalogue, ContactRoute } from './catalogue.js';
import { parseContact, POSTCODE } from './contact.js';
import { safeUrl } from './finder.templates.js';

/** The most characters "What did you need?" may have. */
export const NEED_MAX_LENGTH = 500;

export interface FinderConfig {
  catalogue: string | undefined;
  catalogueData: Catalogue | undefined;
  directory: string | undefined;
  directoryVersion: string | undefined;
  postcode: string | undefined;
  contact: string | undefined;
}

export function finderProblems(config: FinderConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const directory = config.directory?.trim();
  if (!config.catalogueData && !config.catalogue?.trim() && !directory) {
    problems.push({ attribute: 'catalogue', message: 'is missing: set it to the address of the catalogue (JSON), or set the catalogueData property (or "directory")' });
  }
  if (directory && !safeUrl(directory)) {
    problems.push({ attribute: 'directory', message: `must be the http(s) address of an Open Referral UK API, not "${directory}"` });
  }
  if (config.directoryVersion && !['v1', 'v3'].includes(config.directoryVersion)) {
    problems.push({ attribute: 'directory-version', message: `must be "v3" or "v1", not "${config.directoryVersion}"` });
  }
  if (config.postcode?.trim() && !POSTCODE.test(config.postcode.trim())) {
    problems.push({ attribute: 'postcode', message: `must be a UK postcode or its first part ("NS2 1EF" or "NS2"), not "${config.postcode}"` });
  }
  const contact = config.contact?.trim() ? parseContact(config.contact) : undefined;
  if (typeof contact === 'string') problems.push({ attribute: 'contact', message: contact });
  else if (directory && !contact) {
    problems.push({ attribute: 'contact', message: 'is missing: a directory needs the contact route, as JSON' });
  }
  return problems;
}

/** The `contact` attribute's route, if it holds a usable one. */
export function contactAttribute(value: string | undefined): ContactRoute | undefined {
  const own = value?.trim() ? parseContact(value) : undefined;
  return typeof own === 'object' ? own : undefined;
}
