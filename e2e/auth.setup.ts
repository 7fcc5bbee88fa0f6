import { expect, test as setup } from '@playwright/test';
import type { Role } from '../lib/storage/accountStore';
import { stateFile } from './support/paths';
import { E2E_USERS } from './support/users';

/**
 * Signs in once per role on every worker's server (playwright.config.ts starts one per worker)
 * through the HTTP API and keeps each browser state in that server's folder; the specs run signed
 * in as the analyst by default and switch with test.use({ storageState }). Cookies are scoped to
 * the host, not the port, so each state is only valid on the server whose database holds its session.
 */
const servers: { port: number; dir: string }[] = JSON.parse(process.env.E2E_SERVERS ?? '[]');

for (const { port, dir } of servers)
  for (const role of Object.keys(E2E_USERS) as Role[])
    setup(`sign in as the ${role} on the server at port ${port}`, async ({ playwright }) => {
      const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
      const response = await request.post('/api/session', { data: E2E_USERS[role] });
      expect(response.status()).toBe(200);
      expect((await response.json()).user).toMatchObject({ username: E2E_USERS[role].username, role });
      await request.storageState({ path: stateFile(dir, role) });
      await request.dispose();
    });
