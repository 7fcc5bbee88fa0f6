import { AccountStoreError, ROLES, type AccountStore, type Role, type User } from '../storage/accountStore';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { newSessionToken, SESSION_HOURS, tokenFromCookie, tokenHash } from './sessionToken';

/**
 * Sign-in, sign-out, the first admin and user management, over an AccountStore. Free of Next.js,
 * so that the command-line script and the tests use the very code the pages use. Every change is
 * written to the audit log with who did it.
 */

/** Failed sign-ins allowed per username within the window before further attempts are refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

export type AccountProblem =
  | 'BadUsername'
  | 'BadRole'
  | 'PasswordTooShort'
  | 'PasswordTooLong'
  | 'UsernameTaken'
  | 'NotFirstUser'
  | 'LastAdmin'
  | 'NotFound'
  | 'Self'
  | 'WrongPassword'
  | 'Mismatch'
  | 'SamePassword'
  | 'Throttled';

/** A request the account rules refuse; `code` picks the message shown (lib/auth/messages.ts). */
export class AccountError extends Error {
  constructor(readonly code: AccountProblem) {
    super(code);
    this.name = 'AccountError';
  }
}

const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export function checkUsername(raw: unknown): string {
  const username = typeof raw === 'string' ? raw.trim() : '';
  if (!USERNAME.test(username)) throw new AccountError('BadUsername');
  return username;
}

export function checkRole(raw: unknown): Role {
  if (!ROLES.includes(raw as Role)) throw new AccountError('BadRole');
  return raw as Role;
}

function checkPassword(raw: unknown): string {
  const password = typeof raw === 'string' ? raw : '';
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem === 'TooShort' ? 'PasswordTooShort' : 'PasswordTooLong');
  return password;
}

/** Store refusals become the account rules' own errors. */
function fromStore(error: unknown): never {
  if (error instanceof AccountStoreError || (error instanceof Error && error.name === 'AccountStoreError')) {
    const code = (error as AccountStoreError).code;
    if (code === 'UsernameTaken' || code === 'NotFirstUser' || code === 'LastAdmin') throw new AccountError(code);
    if (code === 'BadInput') throw new AccountError('BadUsername');
  }
  throw error;
}

export interface NewSession {
  user: User;
  /** The cookie's value: `<token>.<signature>`. */
  cookieValue: string;
  expiresAt: Date;
}

async function startSession(store: AccountStore, user: User, secret: string, now: Date): Promise<NewSession> {
  const { token, cookieValue } = newSessionToken(secret);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await store.createSession({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
  return { user, cookieValue, expiresAt };
}

export type SignInResult = ({ ok: true } & NewSession) | { ok: false; reason: 'Invalid' } | { ok: false; reason: 'Throttled'; retryAfterSeconds: number };

export async function signIn(store: AccountStore, input: { username: unknown; password: unknown }, secret: string, now = new Date()): Promise<SignInResult> {
  const username = typeof input.username === 'string' ? input.username.trim().slice(0, 64) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const key = `user:${username.toLowerCase()}`;
  const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  if ((await store.countLoginFailures(key, since)) >= MAX_FAILURES) {
    await store.appendAudit({ actor: null, action: 'login.failure', target: username || null, detail: { reason: 'throttled' } });
    return { ok: false, reason: 'Throttled', retryAfterSeconds: FAILURE_WINDOW_MINUTES * 60 };
  }
  const user = username ? await store.userByUsername(username) : null;
  // Always verify against some hash, so that unknown names answer as slowly as wrong passwords.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches) {
    // Failures older than the window count for nothing: forget them, so attempts on made-up names do not pile up.
    await store.deleteLoginFailuresBefore(since);
    await store.recordLoginFailure(key, now);
    await store.appendAudit({ actor: null, action: 'login.failure', target: username || null, detail: { reason: user ? 'wrong password' : 'unknown username' } });
    return { ok: false, reason: 'Invalid' };
  }
  await store.clearLoginFailures(key);
  // Housekeeping on the way: sign-ins are rare and the delete is indexed.
  await store.deleteExpiredSessions(now);
  const plain: User = { id: user.id, username: user.username, role: user.role, createdAt: user.createdAt };
  const session = await startSession(store, plain, secret, now);
  await store.appendAudit({ actor: user.username, action: 'login.success', target: user.username, detail: {} });
  return { ok: true, ...session };
}

/** The signed-in user for a cookie value, or null (no cookie, forged, expired, user deleted). */
export async function userForCookie(store: AccountStore, cookieValue: string | undefined, secret: string, now = new Date()): Promise<User | null> {
  const token = tokenFromCookie(cookieValue, secret);
  return token ? store.sessionUser(tokenHash(token), now) : null;
}

export async function signOut(store: AccountStore, cookieValue: string | undefined, secret: string): Promise<void> {
  const token = tokenFromCookie(cookieValue, secret);
  if (!token) return;
  const user = await store.sessionUser(tokenHash(token), new Date());
  await store.deleteSession(tokenHash(token));
  if (user) await store.appendAudit({ actor: user.username, action: 'logout', target: user.username, detail: {} });
}

/** The first visit of a fresh install: creates the admin account (only while there is no user at all) and signs it in. */
export async function createFirstAdmin(store: AccountStore, input: { username: unknown; password: unknown }, secret: string, now = new Date()): Promise<NewSession> {
  const username = checkUsername(input.username);
  const passwordHash = await hashPassword(checkPassword(input.password));
  const user = await store.createUser({ username, role: 'admin', passwordHash }, { onlyIfNoUsers: true }).catch(fromStore);
  await store.appendAudit({ actor: user.username, action: 'setup.admin', target: user.username, detail: { role: 'admin' } });
  return startSession(store, user, secret, now);
}

/** An admin (or the command line, actor null) creates an account. */
export async function createAccount(store: AccountStore, actor: string | null, input: { username: unknown; role: unknown; password: unknown }): Promise<User> {
  const username = checkUsername(input.username);
  const role = checkRole(input.role);
  const passwordHash = await hashPassword(checkPassword(input.password));
  const user = await store.createUser({ username, role, passwordHash }).catch(fromStore);
  await store.appendAudit({ actor, action: 'user.create', target: user.username, detail: { role } });
  return user;
}

export async function updateAccount(store: AccountStore, actor: User, id: string, change: { role?: unknown; password?: unknown }): Promise<User> {
  const role = change.role === undefined ? undefined : checkRole(change.role);
  const password = change.password === undefined || change.password === '' ? undefined : checkPassword(change.password);
  const updated = await store.updateUser(id, { role, passwordHash: password ? await hashPassword(password) : undefined }).catch(fromStore);
  if (!updated) throw new AccountError('NotFound');
  const detail: Record<string, unknown> = {};
  if (role) detail.role = role;
  if (password) detail.password = 'changed';
  await store.appendAudit({ actor: actor.username, action: 'user.update', target: updated.username, detail });
  return updated;
}

export async function deleteAccount(store: AccountStore, actor: User, id: string): Promise<void> {
  // An admin removing themselves would sign themselves out mid-page; another admin can do it.
  if (id === actor.id) throw new AccountError('Self');
  const user = await store.userById(id);
  if (!user) throw new AccountError('NotFound');
  const deleted = await store.deleteUser(id).catch(fromStore);
  if (!deleted) throw new AccountError('NotFound');
  await store.appendAudit({ actor: actor.username, action: 'user.delete', target: user.username, detail: { role: user.role } });
}

/**
 * A signed-in user changes their own password: the current one must match (so that a session left
 * open on someone else's screen cannot lock its owner out), the new one follows the same rules as
 * every other password and is typed twice. Wrong current passwords count as failed sign-ins of that
 * username, so this form is no way around the sign-in's throttle. Recorded as an account change by
 * the user on themselves. Every other session of the user ends (a password changed because it leaked
 * must also shut out whoever signed in with it); the session the change was made in (`session`, the
 * request's cookie) stays signed in.
 */
export async function changeOwnPassword(
  store: AccountStore,
  user: User,
  input: { current: unknown; password: unknown; repeat: unknown },
  session: { cookieValue: string | undefined; secret: string },
  now = new Date(),
): Promise<void> {
  const current = typeof input.current === 'string' ? input.current : '';
  const password = checkPassword(input.password);
  if (password !== input.repeat) throw new AccountError('Mismatch');
  const key = `user:${user.username.toLowerCase()}`;
  const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  if ((await store.countLoginFailures(key, since)) >= MAX_FAILURES) throw new AccountError('Throttled');
  const stored = await store.userByUsername(user.username);
  if (!stored || stored.id !== user.id) throw new AccountError('NotFound');
  if (!(await verifyPassword(current, stored.passwordHash))) {
    await store.recordLoginFailure(key, now);
    await store.appendAudit({ actor: user.username, action: 'login.failure', target: user.username, detail: { reason: 'wrong current password' } });
    throw new AccountError('WrongPassword');
  }
  if (current === password) throw new AccountError('SamePassword');
  const updated = await store.updateUser(user.id, { passwordHash: await hashPassword(password) }).catch(fromStore);
  if (!updated) throw new AccountError('NotFound');
  await store.clearLoginFailures(key);
  // No token (a forged or missing cookie, which currentUser would not have let through): nothing to keep.
  const token = tokenFromCookie(session.cookieValue, session.secret);
  const ended = await store.deleteOtherSessions(user.id, token ? tokenHash(token) : '');
  await store.appendAudit({ actor: user.username, action: 'user.update', target: user.username, detail: { password: 'changed by the user', otherSessionsEnded: ended } });
}
