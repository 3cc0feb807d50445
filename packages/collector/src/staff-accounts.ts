// Staff accounts from the command line (tandem-collector user add|list|remove), and the demo
// account a first `serve` creates so that a newcomer can open the dashboard at once.
import { hashPassword, passwordProblem, randomPassword } from './dashboard/passwords.js';
import { normalizeEmail } from './dashboard/sign-in.js';
import type { Store } from './store/store.js';

export const DEMO_EMAIL = 'demo@tandem.invalid';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Reads stdin to the end; the password is its first line. */
async function readPasswordFromStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * @param args after "user"
 * @returns exit code
 */
export async function userCommand(store: Store, [action, rawEmail, ...extra]: string[], { passwordStdin = false }: { passwordStdin?: boolean }): Promise<number> {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const fail = (text: string, code = 2) => (process.stderr.write(`tandem-collector: ${text}\n`), code);
  const email = normalizeEmail(rawEmail);
  if (action === 'list') {
    if (rawEmail) return fail('user list takes no email');
    const users = await store.staff.listUsers();
    if (!users.length) out('No staff accounts. Add one with: tandem-collector user add <email>');
    for (const user of users) out(`${user.email}\tadded ${new Date(user.createdAt).toISOString().slice(0, 10)}`);
    return 0;
  }
  if (action !== 'add' && action !== 'remove') return fail('user needs add, list or remove');
  if (!email || !EMAIL.test(email) || email.length > 254 || extra.length) return fail(`user ${action} needs one email address`);
  if (action === 'remove') {
    if (!(await store.staff.removeUser(email))) return fail(`no staff account for ${email}`, 1);
    out(`Removed ${email} and ended its sessions.`);
    return 0;
  }
  const password = passwordStdin ? await readPasswordFromStdin() : randomPassword();
  const problem = passwordProblem(password);
  if (problem) return fail(`the password ${problem}`);
  const outcome = await store.staff.saveUser(email, await hashPassword(password), Date.now());
  out(outcome === 'created' ? `Added ${email}.` : `Changed the password of ${email} and ended its sessions.`);
  if (!passwordStdin) out(`Password (shown once, give it to them privately): ${password}`);
  if (email !== DEMO_EMAIL && (await store.staff.removeUser(DEMO_EMAIL))) out(`Removed the demo account ${DEMO_EMAIL} and ended its sessions: a real account exists now.`);
  return 0;
}

/**
 * On a store with no staff accounts, creates the demo one; returns its password, else null.
 * Beside a real account, removes it: its password may have been seen by whoever ran the first start.
 */
export async function ensureDemoAccount(store: Store) {
  const users = await store.staff.listUsers();
  if (users.some((user) => user.email !== DEMO_EMAIL)) await store.staff.removeUser(DEMO_EMAIL);
  if (users.length) return null;
  const password = randomPassword();
  await store.staff.saveUser(DEMO_EMAIL, await hashPassword(password), Date.now());
  return password;
}
