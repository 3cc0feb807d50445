// The staff part of the store: dashboard accounts, their sessions, and failed sign-ins (for
// the sign-in limits). Emails arrive lower-cased.
export type StaffUser = {
  id: number;
  email: string;
  passwordHash: string;
  createdAt: number;
};

export type StaffSession = {
  userId: number;
  email: string;
  csrfToken: string;
  expiresAt: number;
};

/** Who tried to sign in: the email typed (an account's or not) and the network address it came from. */
export type SignInAttempt = { email: string, address: string };

/** Failures by the email and address together, by the address alone, or by the email alone. */
export type FailureKey = { email: string, address: string } | { address: string } | { email: string };

export type NewSession = { idHash: string, userId: number, csrfToken: string, createdAt: number, expiresAt: number };

export type StaffStore = {
  /** Creates the account, or replaces its password and ends its sessions. */
  saveUser: (email: string, passwordHash: string, now: number) => Promise<'created' | 'updated'>;
  /** undefined when there is no such account. */
  findUser: (email: string) => Promise<StaffUser | undefined>;
  /** By email. */
  listUsers: () => Promise<{ email: string, createdAt: number }[]>;
  /** Ends its sessions too; false when there is no such account. */
  removeUser: (email: string) => Promise<boolean>;
  createSession: (session: NewSession) => Promise<void>;
  /** A session that has neither expired nor gone unused for idleMs; finding it counts as use. */
  findSession: (idHash: string, now: number, idleMs: number) => Promise<StaffSession | undefined>;
  deleteSession: (idHash: string) => Promise<void>;
  recordSignInFailure: (attempt: SignInAttempt, at: number) => Promise<void>;
  /** When the failures matching `key` at or after `since` happened: newest first, at most `limit`. */
  recentSignInFailures: (key: FailureKey, since: number, limit: number) => Promise<number[]>;
  /** The pair's failures only: a sign-in clears its own address's, never others' (an attacker's). */
  clearSignInFailures: (attempt: SignInAttempt) => Promise<void>;
};
