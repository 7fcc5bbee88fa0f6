/**
 * Where accounts, sessions, failed-login counts and the audit log live: a small async interface,
 * implemented on the same database as the datasets (SQLite file or PostgreSQL), so that several
 * app instances sharing one PostgreSQL share users, sessions and one audit log.
 *
 * This module knows nothing of passwords or cookies: it stores password hashes and session token
 * hashes made elsewhere (lib/auth). Usernames are compared case-insensitively (stored as typed,
 * unique on their lower-case form).
 */

export const ROLES = ['admin', 'analyst', 'strategist', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  role: Role;
  /** ISO 8601 (UTC). */
  createdAt: string;
}

export interface UserWithSecret extends User {
  /** The stored password hash (lib/auth/password.ts format), never shown. */
  passwordHash: string;
}

export interface NewUser {
  username: string;
  role: Role;
  passwordHash: string;
}

export const AUDIT_ACTIONS = [
  'setup.admin',
  'login.success',
  'login.failure',
  'logout',
  'user.create',
  'user.update',
  'user.delete',
  'dataset.upload',
  'dataset.delete',
  'dataset.codebook',
  'dataset.append',
  'dataset.weight.save',
  'dataset.weight.delete',
  'dataset.weight.default',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Increasing with time of recording (a sequence), unique. */
  id: number;
  /** ISO 8601 (UTC). */
  at: string;
  /** The username who did it, or null (a signed-out visitor, a command-line script). */
  actor: string | null;
  action: AuditAction;
  /** What it was done to: a dataset id, a username; null when nothing. */
  target: string | null;
  /** Small JSON-safe facts (dataset name, respondents, new role, reason). */
  detail: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AccountStore {
  countUsers(): Promise<number>;
  /**
   * Creates a user. With `onlyIfNoUsers`, the creation and the check that no user exists are one
   * atomic step (two first visitors racing to create the admin: exactly one wins, the other gets
   * AccountStoreError 'NotFirstUser').
   */
  createUser(input: NewUser, options?: { onlyIfNoUsers?: boolean }): Promise<User>;
  /** Case-insensitive lookup. */
  userByUsername(username: string): Promise<UserWithSecret | null>;
  userById(id: string): Promise<User | null>;
  /** Every user, by username (case-insensitive order). */
  listUsers(): Promise<User[]>;
  /** Changes role and/or password hash; null if no such user. Refuses ('LastAdmin') to demote the last admin. */
  updateUser(id: string, change: { role?: Role; passwordHash?: string }): Promise<User | null>;
  /** Deletes a user and their sessions; false if none. Refuses ('LastAdmin') to delete the last admin. */
  deleteUser(id: string): Promise<boolean>;

  /** Stores a session by the hash of its token (the token itself is never stored). */
  createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void>;
  /** The session's user, if the session exists and expires after `now`. */
  sessionUser(tokenHash: string, now: Date): Promise<User | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Ends every session of the user except `keepTokenHash` (the one making the request: a password
   * change signs out the other browsers, not the one it was made in); returns how many.
   */
  deleteOtherSessions(userId: string, keepTokenHash: string): Promise<number>;
  /** Removes every session that expired at or before `now`; returns how many. */
  deleteExpiredSessions(now: Date): Promise<number>;

  /** Rate limiting of failed logins: one failure under `key` (e.g. "user:alice") at `at`. */
  recordLoginFailure(key: string, at: Date): Promise<void>;
  /** Failures under `key` at or after `since`. */
  countLoginFailures(key: string, since: Date): Promise<number>;
  clearLoginFailures(key: string): Promise<void>;
  /** Forgets every failure recorded before `before` (under any key); returns how many. */
  deleteLoginFailuresBefore(before: Date): Promise<number>;

  /** Appends to the audit log (never updated or deleted through this interface). */
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first; `before` pages back by id. */
  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]>;

  /**
   * A named secret shared by every instance on this database (the session-signing key): returns
   * the stored value, or stores `candidate` and returns it if there was none. Atomic: instances
   * starting together all end up with the same value.
   */
  sharedSecret(name: string, candidate: string): Promise<string>;

  close(): Promise<void>;
}

/** A write the account store refused; nothing was written. */
export class AccountStoreError extends Error {
  constructor(
    readonly code: 'UsernameTaken' | 'NotFirstUser' | 'LastAdmin' | 'BadInput' | 'Closed',
    message: string,
  ) {
    super(message);
    this.name = 'AccountStoreError';
  }
}
