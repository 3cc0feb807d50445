/**
 * The page address as sent: origin and path only. Query strings and fragments often hold
 * search terms, names or tokens, so they never leave the page. (The path is redacted when
 * the submission is prepared: see prepare.ts.)
 */
export function pageAddress(href: string): string {
  const url = new URL(href, document.baseURI);
  return `${url.origin}${url.pathname}`;
}
