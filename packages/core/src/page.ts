import { redactText } from './redact.js';

/**
 * The page address as sent: origin and path only. Query strings and fragments often hold
 * search terms, names or tokens, so they never leave the page; the path is redacted too.
 */
export function cleanPageUrl(href: string): string {
  const url = new URL(href, document.baseURI);
  const path = url.pathname
    .split('/')
    .map((segment) => {
      const decoded = safeDecode(segment);
      return redactText(decoded) === decoded ? segment : encodeURIComponent(redactText(decoded));
    })
    .join('/');
  return `${url.origin}${path}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
