import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AccountStore, Role } from '../../storage/accountStore';

/**
 * For route tests called in-process: a throwaway SQLite data folder (DATA_DIR set before any store
 * is opened) with one signed-in account per role asked for, and their session cookies. The test file
 * still mocks next/headers itself (vi.mock is hoisted per file) to hand a cookie to the routes.
 */
export async function throwawayStoreWithAccounts(prefix: string, roles: readonly Role[]): Promise<{ dir: string; cookies: Partial<Record<Role, string>>; store: AccountStore }> {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  const { getAccountStore } = await import('../../storage/storeFromEnv');
  const { createAccount, signIn } = await import('../../auth/accounts');
  const { sessionSecret } = await import('../../auth/sessionSecret');
  const store = getAccountStore();
  const cookies: Partial<Record<Role, string>> = {};
  for (const role of roles) {
    const user = { username: `${prefix}-${role}`, password: `${prefix} ${role} password` };
    await createAccount(store, null, { ...user, role });
    const signedIn = await signIn(store, user, await sessionSecret(store));
    if (!signedIn.ok) throw new Error(`the test ${role} could not sign in`);
    cookies[role] = signedIn.cookieValue;
  }
  return { dir, cookies, store };
}
