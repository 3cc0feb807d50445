// The staff part of the store: dashboard accounts, their sessions, and failed sign-ins (for
// the lock-out). Emails arrive lower-cased.
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
  recordSignInFailure: (email: string, at: number) => Promise<void>;
  /** Failures at or after `since`. */
  countSignInFailures: (email: string, since: number) => Promise<number>;
  clearSignInFailures: (email: string) => Promise<void>;
};
