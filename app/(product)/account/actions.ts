'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AccountError, changeOwnPassword, createAccount, createFirstAdmin, deleteAccount, signIn, signOut, updateAccount } from '@/lib/auth/accounts';
import { askedReturnPath, currentUser, setSessionCookie } from '@/app/server/request';
import { can, landingPath } from '@/lib/auth/permissions';
import { sessionSecret } from '@/lib/auth/sessionSecret';
import { SESSION_COOKIE } from '@/lib/auth/sessionToken';
import { getAccountStore } from '@/lib/storage/storeFromEnv';

/**
 * Sign-in, sign-out, first-time setup and account management as server actions behind plain HTML
 * forms (they work before the page's JavaScript has loaded). Outcomes travel back in the URL as a
 * code (?error=Invalid, ?created=name), never as free text and never with a password.
 */

const langOf = (form: FormData) => (form.get('lang') === 'nl' ? 'nl' : 'en');
const withQuery = (path: string, form: FormData, query: Record<string, string>) => {
  const params = new URLSearchParams(query);
  if (langOf(form) === 'nl') params.set('lang', 'nl');
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export async function signInAction(form: FormData): Promise<void> {
  const store = getAccountStore();
  // A return path the visitor was sent with (a page that needed signing in) wins over the role's landing page.
  const next = askedReturnPath(text(form, 'next'));
  const result = await signIn(store, { username: text(form, 'username'), password: text(form, 'password') }, await sessionSecret(store));
  if (!result.ok) redirect(withQuery('/login', form, { error: result.reason, ...(next ? { next } : {}) }));
  await setSessionCookie(result.cookieValue, result.expiresAt);
  redirect(next ?? withQuery(landingPath(result.user.role), form, {}));
}

export async function signOutAction(form: FormData): Promise<void> {
  const store = getAccountStore();
  const jar = await cookies();
  await signOut(store, jar.get(SESSION_COOKIE)?.value, await sessionSecret(store));
  jar.delete(SESSION_COOKIE);
  redirect(withQuery('/', form, {}));
}

export async function setupAction(form: FormData): Promise<void> {
  const store = getAccountStore();
  // Sent back to the form on a refusal: what was typed, except the passwords (never in a URL).
  const typed = { username: text(form, 'username').slice(0, 64) };
  if (text(form, 'password') !== text(form, 'password2')) redirect(withQuery('/setup', form, { error: 'Mismatch', ...typed }));
  try {
    const session = await createFirstAdmin(store, { username: text(form, 'username'), password: text(form, 'password') }, await sessionSecret(store));
    await setSessionCookie(session.cookieValue, session.expiresAt);
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    redirect(e.code === 'NotFirstUser' ? withQuery('/login', form, { error: 'NotFirstUser' }) : withQuery('/setup', form, { error: e.code, ...typed }));
  }
  redirect(withQuery('/admin/users', form, {}));
}

/** The signed-in admin, or back to the sign-in page (signed out) or the users page's refusal. */
async function admin(form: FormData) {
  const user = await currentUser();
  if (!user) redirect(withQuery('/login', form, { next: '/admin/users' }));
  if (!can(user.role, 'users.manage')) redirect(withQuery('/admin/users', form, {}));
  return user;
}

/** `typed`: what the form sends back after a refusal (never a password), so that nothing typed is lost. */
async function accountChange(form: FormData, change: () => Promise<Record<string, string>>, typed: Record<string, string> = {}, anchor = ''): Promise<void> {
  let outcome: Record<string, string>;
  try {
    outcome = await change();
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    outcome = { error: e.code, ...typed };
  }
  redirect(withQuery('/admin/users', form, outcome) + anchor);
}

export async function createUserAction(form: FormData): Promise<void> {
  const actor = await admin(form);
  await accountChange(
    form,
    async () => {
      const user = await createAccount(getAccountStore(), actor.username, { username: text(form, 'username'), role: text(form, 'role'), password: text(form, 'password') });
      return { created: user.username };
    },
    { on: 'create', username: text(form, 'username').slice(0, 64), role: text(form, 'role').slice(0, 20) },
    // The outcome is shown beside the form: the page returns to it rather than to the top.
    '#new-account',
  );
}

export async function updateUserAction(form: FormData): Promise<void> {
  const actor = await admin(form);
  await accountChange(form, async () => {
    const user = await updateAccount(getAccountStore(), actor, text(form, 'id'), { role: text(form, 'role') || undefined, password: text(form, 'password') || undefined });
    return { updated: user.username };
  });
}

export async function deleteUserAction(form: FormData): Promise<void> {
  const actor = await admin(form);
  await accountChange(form, async () => {
    await deleteAccount(getAccountStore(), actor, text(form, 'id'));
    return { deleted: '1' };
  });
}

/** The signed-in user changes their own password (the account page); signed out, to the sign-in page first. */
export async function changePasswordAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) redirect(withQuery('/login', form, { next: '/account' }));
  let outcome: Record<string, string> = { changed: '1' };
  try {
    const store = getAccountStore();
    const session = { cookieValue: (await cookies()).get(SESSION_COOKIE)?.value, secret: await sessionSecret(store) };
    await changeOwnPassword(store, user, { current: text(form, 'current'), password: text(form, 'password'), repeat: text(form, 'password2') }, session);
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    outcome = { error: e.code };
  }
  redirect(withQuery('/account', form, outcome));
}
