import { AccountStoreError, AUDIT_ACTIONS, ROLES, type AuditAction, type NewAuditEntry, type NewUser, type Role } from './accountStore';
import { isUuid } from './ids';

/**
 * The account stores' input checks and the username key, shared by the SQLite and PostgreSQL
 * stores so that both refuse and fold exactly alike. Every refusal is AccountStoreError 'BadInput',
 * thrown before anything is written.
 */

export const MAX_USERNAME_CHARS = 100;
/** Most audit entries one listAudit returns, and how many without a limit. */
export const MAX_AUDIT_PAGE = 1000;
export const DEFAULT_AUDIT_PAGE = 100;

const bad = (message: string) => new AccountStoreError('BadInput', message);

/** Characters as the databases count them (code points, not UTF-16 units). */
const charCount = (s: string) => [...s].length;

/**
 * A stored string: NUL is refused because PostgreSQL text cannot hold it (SQLite can), and both
 * backends must accept the same inputs.
 */
function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw bad(`${what} must be a string`);
  if (value.includes('\0')) throw bad(`${what} must not contain a NUL character`);
  return value;
}

function nonEmpty(value: unknown, what: string): string {
  const s = text(value, what);
  if (s === '') throw bad(`${what} must not be empty`);
  return s;
}

/**
 * The unique, case-insensitive form of a username: NFC (an "é" typed precomposed or as e + accent
 * is one name) folded to lower case by JavaScript, not by the database, whose folding differs
 * (SQLite's lower() folds ASCII only; PostgreSQL's depends on the locale).
 */
export const usernameKey = (username: string): string => username.normalize('NFC').toLowerCase();

export function checkUsername(username: unknown): string {
  const s = nonEmpty(username, 'the username');
  if (charCount(s) > MAX_USERNAME_CHARS) throw bad(`the username is longer than ${MAX_USERNAME_CHARS} characters`);
  return s;
}

export function checkRole(role: unknown): Role {
  if (!(ROLES as readonly unknown[]).includes(role)) throw bad(`unknown role ${JSON.stringify(role)}; roles are ${ROLES.join(', ')}`);
  return role as Role;
}

export const checkPasswordHash = (hash: unknown): string => nonEmpty(hash, 'the password hash');

export function checkNewUser(input: NewUser): NewUser {
  if (typeof input !== 'object' || input === null) throw bad('a new user must be an object');
  return { username: checkUsername(input.username), role: checkRole(input.role), passwordHash: checkPasswordHash(input.passwordHash) };
}

export function checkUserChange(change: { role?: Role; passwordHash?: string }): { role?: Role; passwordHash?: string } {
  if (typeof change !== 'object' || change === null) throw bad('a user change must be an object');
  return {
    role: change.role === undefined ? undefined : checkRole(change.role),
    passwordHash: change.passwordHash === undefined ? undefined : checkPasswordHash(change.passwordHash),
  };
}

/** A Date that is a real time (not Invalid Date); returns its epoch milliseconds. */
export function checkTime(value: unknown, what: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw bad(`${what} must be a valid Date`);
  return value.getTime();
}

export const checkTokenHash = (hash: unknown): string => nonEmpty(hash, 'the session token hash');
export const checkFailureKey = (key: unknown): string => nonEmpty(key, 'the login failure key');
export const checkSecretName = (name: unknown): string => nonEmpty(name, 'the secret name');
export const checkSecretValue = (value: unknown): string => nonEmpty(value, 'the secret value');

function optionalText(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : text(value, what);
}

/** The entry as it will be stored: detail as JSON text (a plain object). */
export function checkAuditEntry(entry: NewAuditEntry): { actor: string | null; action: AuditAction; target: string | null; detail: string } {
  if (typeof entry !== 'object' || entry === null) throw bad('an audit entry must be an object');
  if (!(AUDIT_ACTIONS as readonly unknown[]).includes(entry.action)) throw bad(`unknown audit action ${JSON.stringify(entry.action)}`);
  const detail = entry.detail ?? {};
  if (typeof detail !== 'object' || Array.isArray(detail)) throw bad('the audit detail must be a JSON object');
  let json: string;
  try {
    json = JSON.stringify(detail);
  } catch (e) {
    throw bad(`the audit detail is not JSON-safe: ${(e as Error).message}`);
  }
  return { actor: optionalText(entry.actor, 'the audit actor'), action: entry.action, target: optionalText(entry.target, 'the audit target'), detail: json };
}

/** listAudit's options, checked: limit 1..MAX_AUDIT_PAGE (default DEFAULT_AUDIT_PAGE), before an id or null. */
export function checkAuditPage(options: { limit?: number; before?: number } = {}): { limit: number; before: number | null } {
  const limit = options.limit ?? DEFAULT_AUDIT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) throw bad(`the audit page limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}`);
  const before = options.before ?? null;
  if (before !== null && !Number.isSafeInteger(before)) throw bad('the audit page "before" must be an entry id');
  return { limit, before };
}

/**
 * A value looked up (a username, a session token hash, a failure key): null when no row can hold it
 * (not a string, or with a NUL, which neither store accepts), so both stores answer "none" alike
 * without asking the database.
 */
export const lookupText = (value: unknown): string | null => (typeof value === 'string' && !value.includes('\0') ? value : null);

/**
 * A user id looked up: null unless it is a UUID, the only ids the stores make, in lower case as
 * randomUUID writes them (PostgreSQL's uuid type compares without case, SQLite's text with it).
 */
export const lookupUserId = (value: unknown): string | null => (isUuid(value) ? value.toLowerCase() : null);
