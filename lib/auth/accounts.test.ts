import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore } from '../storage/accountStore';
import { openSqliteAccountStore } from '../storage/sqliteAccountStore';
import { AccountError, changeOwnPassword, createAccount, createFirstAdmin, deleteAccount, FAILURE_WINDOW_MINUTES, MAX_FAILURES, signIn, signOut, updateAccount, userForCookie } from './accounts';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
let dir: string;
let store: AccountStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pad-accounts-'));
  store = openSqliteAccountStore({ dataDir: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof AccountError ? e.code : String(e)));

describe('first-time setup', () => {
  it('creates the admin once, signs it in, and refuses a second setup', async () => {
    const session = await createFirstAdmin(store, { username: ' Alice ', password: 'first admin password' }, SECRET);
    expect(session.user).toMatchObject({ username: 'Alice', role: 'admin' });
    expect(await userForCookie(store, session.cookieValue, SECRET)).toMatchObject({ username: 'Alice' });
    expect(await code(createFirstAdmin(store, { username: 'mallory', password: 'second admin password' }, SECRET))).toBe('NotFirstUser');
    expect((await store.listUsers()).map((u) => u.username)).toEqual(['Alice']);
    expect((await store.listAudit()).map((e) => e.action)).toEqual(['setup.admin']);
  });

  it('checks the username and password before storing anything', async () => {
    expect(await code(createFirstAdmin(store, { username: '', password: 'long enough password' }, SECRET))).toBe('BadUsername');
    expect(await code(createFirstAdmin(store, { username: '<img src=x>', password: 'long enough password' }, SECRET))).toBe('BadUsername');
    expect(await code(createFirstAdmin(store, { username: 'bob', password: 'short' }, SECRET))).toBe('PasswordTooShort');
    expect(await code(createFirstAdmin(store, { username: 'bob', password: 'x'.repeat(201) }, SECRET))).toBe('PasswordTooLong');
    expect(await store.countUsers()).toBe(0);
  });
});

describe('sign-in', () => {
  beforeEach(async () => {
    await createAccount(store, null, { username: 'carol', role: 'analyst', password: 'carol password 1' });
  });

  it('signs in case-insensitively, makes a session cookie, and records it', async () => {
    const result = await signIn(store, { username: 'CAROL', password: 'carol password 1' }, SECRET);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await userForCookie(store, result.cookieValue, SECRET)).toMatchObject({ username: 'carol', role: 'analyst' });
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'login.success', actor: 'carol' });
  });

  it('answers a wrong password and an unknown name alike, and records both', async () => {
    expect(await signIn(store, { username: 'carol', password: 'wrong password!' }, SECRET)).toEqual({ ok: false, reason: 'Invalid' });
    expect(await signIn(store, { username: 'nobody', password: 'carol password 1' }, SECRET)).toEqual({ ok: false, reason: 'Invalid' });
    expect(await signIn(store, { username: 42, password: null }, SECRET)).toEqual({ ok: false, reason: 'Invalid' });
    const failures = (await store.listAudit()).filter((e) => e.action === 'login.failure');
    expect(failures.map((e) => e.detail.reason)).toEqual(['unknown username', 'unknown username', 'wrong password']);
  });

  it(`refuses further attempts after ${MAX_FAILURES} failures within ${FAILURE_WINDOW_MINUTES} minutes, even with the right password`, async () => {
    const t0 = new Date('2026-01-01T10:00:00Z');
    for (let i = 0; i < MAX_FAILURES; i++) expect((await signIn(store, { username: 'carol', password: `wrong ${i} password` }, SECRET, t0)).ok).toBe(false);
    const blocked = await signIn(store, { username: 'carol', password: 'carol password 1' }, SECRET, new Date(t0.getTime() + 60_000));
    expect(blocked).toMatchObject({ ok: false, reason: 'Throttled' });
    // Another username is not affected; after the window the right password works again.
    await createAccount(store, null, { username: 'dave', role: 'strategist', password: 'dave password 12' });
    expect((await signIn(store, { username: 'dave', password: 'dave password 12' }, SECRET, t0)).ok).toBe(true);
    expect((await signIn(store, { username: 'carol', password: 'carol password 1' }, SECRET, new Date(t0.getTime() + (FAILURE_WINDOW_MINUTES + 1) * 60_000))).ok).toBe(true);
  });

  it('a success clears the failure count', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(store, { username: 'carol', password: 'nope nope nope' }, SECRET);
    expect((await signIn(store, { username: 'carol', password: 'carol password 1' }, SECRET)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(store, { username: 'carol', password: 'nope nope nope' }, SECRET);
    expect((await signIn(store, { username: 'carol', password: 'carol password 1' }, SECRET)).ok).toBe(true);
  });

  it('signing out ends the session on the server', async () => {
    const result = await signIn(store, { username: 'carol', password: 'carol password 1' }, SECRET);
    if (!result.ok) throw new Error('sign-in failed');
    await signOut(store, result.cookieValue, SECRET);
    expect(await userForCookie(store, result.cookieValue, SECRET)).toBeNull();
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'logout', actor: 'carol' });
  });

  it('a session expires after its hours', async () => {
    const t0 = new Date('2026-01-01T10:00:00Z');
    const result = await signIn(store, { username: 'carol', password: 'carol password 1' }, SECRET, t0);
    if (!result.ok) throw new Error('sign-in failed');
    expect(await userForCookie(store, result.cookieValue, SECRET, new Date(result.expiresAt.getTime() - 1000))).not.toBeNull();
    expect(await userForCookie(store, result.cookieValue, SECRET, result.expiresAt)).toBeNull();
  });
});

describe('account management', () => {
  it('creates, changes and deletes accounts, keeps the last admin, and audits each step', async () => {
    const root = (await createFirstAdmin(store, { username: 'root', password: 'root password 1' }, SECRET)).user;
    const erin = await createAccount(store, root.username, { username: 'erin', role: 'executive', password: 'erin password 1' });
    expect(await code(createAccount(store, root.username, { username: 'ERIN', role: 'analyst', password: 'erin password 2' }))).toBe('UsernameTaken');
    expect(await code(createAccount(store, root.username, { username: 'frank', role: 'superuser', password: 'frank password' }))).toBe('BadRole');
    expect((await updateAccount(store, root, erin.id, { role: 'analyst' })).role).toBe('analyst');
    await updateAccount(store, root, erin.id, { password: 'erin new password' });
    expect((await signIn(store, { username: 'erin', password: 'erin new password' }, SECRET)).ok).toBe(true);
    expect(await code(updateAccount(store, root, root.id, { role: 'analyst' }))).toBe('LastAdmin');
    expect(await code(deleteAccount(store, root, root.id))).toBe('Self');
    await deleteAccount(store, root, erin.id);
    expect(await code(deleteAccount(store, root, erin.id))).toBe('NotFound');
    const actions = (await store.listAudit()).map((e) => `${e.actor}:${e.action}:${e.target}`);
    expect(actions).toEqual(expect.arrayContaining(['root:user.create:erin', 'root:user.update:erin', 'root:user.delete:erin', 'root:setup.admin:root']));
  });
});

describe('changing one\'s own password', () => {
  let gina: Awaited<ReturnType<typeof createAccount>>;
  beforeEach(async () => {
    gina = await createAccount(store, null, { username: 'gina', role: 'strategist', password: 'gina password 1' });
  });
  const signsIn = async (password: string) => (await signIn(store, { username: 'gina', password }, SECRET)).ok;
  // A change made without a session cookie keeps no session.
  const noSession = { cookieValue: undefined, secret: SECRET };

  it('signs out every other session of the user, keeps the one it was made in, and leaves other users signed in', async () => {
    const session = async (username: string, password: string) => {
      const result = await signIn(store, { username, password }, SECRET);
      if (!result.ok) throw new Error('sign-in failed');
      return result.cookieValue;
    };
    const here = await session('gina', 'gina password 1');
    const phone = await session('gina', 'gina password 1');
    await createAccount(store, null, { username: 'hank', role: 'analyst', password: 'hank password 1' });
    const hank = await session('hank', 'hank password 1');
    await changeOwnPassword(store, gina, { current: 'gina password 1', password: 'gina password 2', repeat: 'gina password 2' }, { cookieValue: here, secret: SECRET });
    expect(await userForCookie(store, here, SECRET)).toMatchObject({ username: 'gina' });
    expect(await userForCookie(store, phone, SECRET)).toBeNull();
    expect(await userForCookie(store, hank, SECRET)).toMatchObject({ username: 'hank' });
    const change = (await store.listAudit()).find((e) => e.action === 'user.update');
    expect(change).toMatchObject({ actor: 'gina', target: 'gina', detail: { password: 'changed by the user', otherSessionsEnded: 1 } });
  });

  it('keeps every session when the change is refused', async () => {
    const signedIn = await signIn(store, { username: 'gina', password: 'gina password 1' }, SECRET);
    const other = await signIn(store, { username: 'gina', password: 'gina password 1' }, SECRET);
    if (!signedIn.ok || !other.ok) throw new Error('sign-in failed');
    expect(await code(changeOwnPassword(store, gina, { current: 'wrong password!', password: 'gina password 2', repeat: 'gina password 2' }, { cookieValue: signedIn.cookieValue, secret: SECRET }))).toBe('WrongPassword');
    expect(await userForCookie(store, other.cookieValue, SECRET)).toMatchObject({ username: 'gina' });
  });

  it('needs the current password, then the new one works, the old one no longer, and the log says so', async () => {
    await changeOwnPassword(store, gina, { current: 'gina password 1', password: 'gina password 2', repeat: 'gina password 2' }, noSession);
    expect(await signsIn('gina password 2')).toBe(true);
    expect(await signsIn('gina password 1')).toBe(false);
    const change = (await store.listAudit()).find((e) => e.action === 'user.update');
    expect(change).toMatchObject({ actor: 'gina', target: 'gina', detail: { password: 'changed by the user' } });
    // Neither password appears anywhere in the log.
    expect(JSON.stringify(await store.listAudit())).not.toMatch(/gina password/);
  });

  it('refuses a wrong current password, a mismatch, a password against the rules and the same password, changing nothing', async () => {
    const attempt = (current: string, password: string, repeat = password) => code(changeOwnPassword(store, gina, { current, password, repeat }, noSession));
    expect(await attempt('not my password', 'gina password 2')).toBe('WrongPassword');
    expect(await attempt('gina password 1', 'gina password 2', 'gina password 3')).toBe('Mismatch');
    expect(await attempt('gina password 1', 'short')).toBe('PasswordTooShort');
    expect(await attempt('gina password 1', 'x'.repeat(201))).toBe('PasswordTooLong');
    expect(await attempt('gina password 1', 'gina password 1')).toBe('SamePassword');
    expect(await code(changeOwnPassword(store, gina, { current: 42, password: 'gina password 2', repeat: 'gina password 2' }, noSession))).toBe('WrongPassword');
    expect(await signsIn('gina password 1')).toBe(true);
    expect((await store.listAudit()).filter((e) => e.action === 'user.update')).toEqual([]);
    expect((await store.listAudit()).filter((e) => e.action === 'login.failure').map((e) => e.detail.reason)).toEqual(['wrong current password', 'wrong current password']);
  });

  it(`counts wrong current passwords as failed sign-ins: after ${MAX_FAILURES}, even the right one waits`, { timeout: 120_000 }, async () => {
    const t0 = new Date('2026-01-01T10:00:00Z');
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await code(changeOwnPassword(store, gina, { current: `guess ${i} guess`, password: 'gina password 2', repeat: 'gina password 2' }, noSession, t0))).toBe('WrongPassword');
    expect(await code(changeOwnPassword(store, gina, { current: 'gina password 1', password: 'gina password 2', repeat: 'gina password 2' }, noSession, t0))).toBe('Throttled');
    expect(await code(changeOwnPassword(store, gina, { current: 'gina password 1', password: 'gina password 2', repeat: 'gina password 2' }, noSession, new Date(t0.getTime() + (FAILURE_WINDOW_MINUTES + 1) * 60_000)))).toBe('resolved');
  });

  it('refuses a user that no longer exists', async () => {
    const admin = await createAccount(store, null, { username: 'root', role: 'admin', password: 'root password 1' });
    await deleteAccount(store, admin, gina.id);
    expect(await code(changeOwnPassword(store, gina, { current: 'gina password 1', password: 'gina password 2', repeat: 'gina password 2' }, noSession))).toBe('NotFound');
  });
});
