// The sign-in page. One message for an unknown email and a wrong password.
import { html } from '../html.js';
import { errorSummary, layout } from './layout.js';

export function signInPage({ csrfToken, email = '', problems = [], notice }: { csrfToken: string, email?: string, problems?: { field: string, message: string }[], notice?: string }) {
  const error = problems[0];
  return layout({
    title: 'Sign in',
    hasErrors: problems.length > 0,
    body: html`${errorSummary(problems)}
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<h1>Sign in</h1>
<p>Sign in with the staff account you were given. Ask your collector's administrator if you do not have one.</p>
<p>To keep residents' answers safe, you are signed out after 30 minutes without using the dashboard, and 8 hours after you sign in.</p>
<form method="post" action="/dashboard/sign-in" novalidate>
<input type="hidden" name="_csrf" value="${csrfToken}">
<div class="form-group${error ? ' form-group--error' : ''}">
<label class="label" for="email">Email address</label>
${error ? html`<p class="error-message" id="email-error"><span class="visually-hidden">Error:</span> ${error.message}</p>` : ''}
<input class="input" id="email" name="email" type="email" autocomplete="username" spellcheck="false" value="${email}"${error ? html` aria-describedby="email-error"` : ''}>
</div>
<div class="form-group">
<label class="label" for="password">Password</label>
<input class="input" id="password" name="password" type="password" autocomplete="current-password">
</div>
<button class="button" type="submit">Sign in</button>
</form>`,
  });
}
