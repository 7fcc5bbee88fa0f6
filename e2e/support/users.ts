import { AccountError, createAccount } from '../../lib/auth/accounts';
import type { Role } from '../../lib/storage/accountStore';
import { openAccountStoreFromEnv } from '../../lib/storage/storeFromEnv';

/**
 * The accounts the browser tests sign in with, one per role. They are created in the test
 * server's database before the server starts (seed.ts, run by playwright.config.ts), with the
 * product's own account rules, so the first-time setup page is not offered during the tests.
 */
export const E2E_USERS: Record<Role, { username: string; password: string }> = {
  admin: { username: 'e2e-admin', password: 'e2e admin password' },
  analyst: { username: 'e2e-analyst', password: 'e2e analyst password' },
  strategist: { username: 'e2e-strategist', password: 'e2e strategist password' },
  executive: { username: 'e2e-executive', password: 'e2e executive password' },
};

/** Creates the test accounts in the database the environment names (DATABASE_URL or DATA_DIR); existing ones are kept. */
export async function seedUsers(env: NodeJS.ProcessEnv): Promise<void> {
  const store = openAccountStoreFromEnv(env);
  try {
    for (const [role, user] of Object.entries(E2E_USERS))
      await createAccount(store, null, { ...user, role }).catch((e: unknown) => {
        if (!(e instanceof AccountError && e.code === 'UsernameTaken')) throw e;
      });
  } finally {
    await store.close();
  }
}

/** Signs in against a running server and returns the Cookie header to send. */
export async function sessionCookie(base: string, role: Role): Promise<string> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_USERS[role]) });
  if (!res.ok) throw new Error(`signing in as ${role} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pad_session='));
  if (!cookie) throw new Error('the sign-in answer set no session cookie');
  return cookie.split(';')[0];
}
