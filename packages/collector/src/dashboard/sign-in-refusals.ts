// What the sign-in page says, and with which status, when a sign-in does not succeed. Every
// message is about the email and the network, never whether an account exists.
import type { SignInResult } from './sign-in.js';

const WRONG = 'Enter the email address and password of a staff account. Either the email address or the password is not right';

/** "30 seconds", "1 minute", "15 minutes": rounded up, so waiting that long is always enough. */
export function waitFor(ms: number) {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function signInRefusalPage(result: Exclude<SignInResult, { ok: true }>): { status: number, message: string, retryAfterSeconds?: number } {
  if (result.reason === 'wrong') return { status: 401, message: WRONG };
  const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  const wait = waitFor(result.retryAfterMs);
  const messages = {
    pair: `There have been too many failed attempts to sign in with this email address from your network. Wait ${wait}, then try again`,
    address: `There have been too many failed attempts to sign in from your network. Wait ${wait}, then try again`,
    account: `There have been many failed attempts to sign in with this email address. Wait ${wait}, then try again`,
    busy: `The dashboard is busy signing other people in. Wait ${wait}, then try again`,
  };
  return { status: result.reason === 'busy' ? 503 : 429, message: messages[result.reason], retryAfterSeconds };
}
