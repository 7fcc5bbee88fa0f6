import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { ApiError } from '../../lib/api/errors';
import type { AuditAction, User } from '../../lib/storage/accountStore';
import { DatasetAccess } from '../../lib/storage/datasetAccess';
import { getDatasetRegistry } from '../../lib/storage/datasetRegistry';
import { getAccountStore } from '../../lib/storage/storeFromEnv';
import { userForCookie } from '../../lib/auth/accounts';
import { can, type Permission } from '../../lib/auth/permissions';
import { sessionSecret } from '../../lib/auth/sessionSecret';
import { SESSION_COOKIE } from '../../lib/auth/sessionToken';

/**
 * The signed-in user of the current request, for server components, server actions and route
 * handlers (Next.js request APIs). Looked up once per request (React cache).
 */
export const currentUser = cache(async (): Promise<User | null> => {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  // No cookie, no database query: signed-out visitors of the public pages cost nothing here.
  if (!value) return null;
  const store = getAccountStore();
  return userForCookie(store, value, await sessionSecret(store));
});

/** The datasets this request may see (lib/storage/datasetAccess.ts). */
export async function requestDatasets(): Promise<DatasetAccess> {
  const user = await currentUser();
  return new DatasetAccess(getDatasetRegistry(), { signedIn: user !== null, canWrite: can(user?.role, 'datasets.write') });
}

/**
 * For route handlers and server actions that change something: the signed-in user holding the
 * permission, or ApiError 401 (not signed in) / 403 (signed in without the role). Also refuses a
 * request sent from another site (the Origin header), on top of the SameSite cookie.
 */
export async function requirePermission(permission: Permission): Promise<User> {
  await refuseCrossSite();
  const user = await currentUser();
  if (!user) throw new ApiError(401, 'SignInRequired', 'sign in first (POST /api/session with username and password)');
  if (!can(user.role, permission)) throw new ApiError(403, 'Forbidden', `your role (${user.role}) may not do this: it needs ${permission === 'users.manage' ? 'the admin role' : 'the analyst or admin role'}`);
  return user;
}

export async function refuseCrossSite(): Promise<void> {
  const h = await headers();
  const origin = h.get('origin');
  if (!origin || origin === 'null') return;
  const host = h.get('x-forwarded-host') ?? h.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    /* a malformed Origin is refused below */
  }
  if (!host || originHost !== host) throw new ApiError(403, 'CrossSite', 'this request came from another site and was refused');
}

/** Sets the session cookie: httpOnly (no script can read it), SameSite=Lax, Secure over HTTPS. */
export async function setSessionCookie(value: string, expires: Date): Promise<void> {
  const h = await headers();
  const https = h.get('x-forwarded-proto') === 'https' || process.env.COOKIE_SECURE === '1';
  (await cookies()).set(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: https, path: '/', expires });
}

/** Records a change in the audit log, by the signed-in user. */
export async function audit(user: User | null, entry: { action: AuditAction; target: string | null; detail?: Record<string, unknown> }): Promise<void> {
  await getAccountStore().appendAudit({ actor: user?.username ?? null, action: entry.action, target: entry.target, detail: entry.detail ?? {} });
}

/** A local path to return to after signing in: only same-site paths, so a link cannot send the user elsewhere. */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 1000 || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001f]/.test(raw)) return '/';
  return raw;
}

/** The return path a page asked for (?next=), if it is a valid local path; null when none was asked for (then the role's landing page). */
export function askedReturnPath(raw: unknown): string | null {
  return typeof raw === 'string' && raw !== '' && safeReturnPath(raw) === raw ? raw : null;
}
