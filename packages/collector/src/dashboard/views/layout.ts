// The frame every dashboard page shares: one h1 (given by the page), a skip link, header,
// main and footer landmarks, and the one stylesheet (allowed by the CSP's style-src 'self').
import { html } from '../html.js';
import type { SafeHtml } from '../html.js';

/** The dashboard's sections, in the header for signed-in staff: id, address, name. */
const SECTIONS = [
  ['feedback', '/dashboard', 'Feedback'],
  ['finder', '/dashboard/finder', 'Finder'],
  ['polls', '/dashboard/polls', 'Polls'],
  ['offers', '/dashboard/offers', 'Offers of help'],
];

/** The signed-in member of staff a page is for: shown in the header, with their sign-out form. */
export type User = { email: string, csrfToken: string };

type Page = {
  /** The page's own title; "Error: " is prefixed when there are errors. */
  title: string;
  /** Starts with the h1. */
  body: SafeHtml;
  /** Signed in: shows the sign-out button. */
  user?: User | null;
  hasErrors?: boolean;
  /** Which of SECTIONS the page belongs to, for aria-current. */
  section?: string;
};

export function layout({ title, body, user = null, hasErrors = false, section }: Page) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${hasErrors ? 'Error: ' : ''}${title} – Tandem dashboard</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header class="header">
<div class="width-container header__inner">
<a class="header__name" href="/dashboard">Tandem dashboard</a>
${user
  ? html`<nav class="header__nav" aria-label="Dashboard sections">
${SECTIONS.map(([id, href, label]) => html`<a class="header__link" href="${href}"${id === section ? html` aria-current="page"` : ''}>${label}</a>`)}
</nav>`
  : ''}
${user
  ? html`<form class="header__sign-out" method="post" action="/dashboard/sign-out">
<span class="header__user">Signed in as ${user.email}</span>
<input type="hidden" name="_csrf" value="${user.csrfToken}">
<button class="button button--secondary" type="submit">Sign out</button>
</form>`
  : ''}
</div>
</header>
<main class="width-container main" id="main-content" tabindex="-1">
${body}
</main>
<footer class="footer"><div class="width-container"><p>Residents' answers are personal data: use them only to improve the service, and delete one when a resident asks.</p></div></footer>
</body>
</html>
`;
}

/**
 * GOV.UK's error summary: first in main, linking to each field in error.
 */
export function errorSummary(problems: { field: string, message: string }[]) {
  if (!problems.length) return '';
  // Focus starts here when the page loads (autofocus, so it works without JavaScript): the
  // first thing a screen reader reads is what to fix.
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
<ul class="error-summary__list">
${problems.map((problem) => html`<li><a href="#${problem.field}">${problem.message}</a></li>`)}
</ul>
</div>`;
}

/**
 * What a page shows above its h1: the error summary, the notice of what was just done (a
 * status message), and a link back up.
 */
export function pageTop({ problems = [], notice, back }: { problems?: { field: string, message: string }[], notice?: string | undefined, back?: [href: string, text: string] }) {
  return html`${errorSummary(problems)}
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
${back ? html`<p><a href="${back[0]}">${back[1]}</a></p>` : ''}`;
}

/**
 * A labelled select that sits beside others in a filter form.
 * @param options value, text
 */
export function select(name: string, label: string, selected: string, options: [string, string][]) {
  return html`<div class="form-group form-group--inline">
<label class="label" for="${name}">${label}</label>
<select class="select" id="${name}" name="${name}">
${options.map(([value, text]) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${text}</option>`)}
</select>
</div>`;
}
