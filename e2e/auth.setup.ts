import { expect, test as setup } from '@playwright/test';
import type { Role } from '../lib/storage/accountStore';
import { storageStatePath } from './support/paths';
import { E2E_USERS } from './support/users';

/**
 * Signs in once per role through the HTTP API and keeps each browser state; the specs run signed
 * in as the analyst by default (playwright.config.ts) and switch with test.use({ storageState }).
 */
for (const role of Object.keys(E2E_USERS) as Role[])
  setup(`sign in as the ${role}`, async ({ request }) => {
    const response = await request.post('/api/session', { data: E2E_USERS[role] });
    expect(response.status()).toBe(200);
    expect((await response.json()).user).toMatchObject({ username: E2E_USERS[role].username, role });
    await request.storageState({ path: storageStatePath(role) });
  });
