import { expect, test, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverReady, startOwnServer, stopOwnServer } from './support/ownServer';
import { storageStatePath } from './support/paths';
import { E2E_USERS } from './support/users';

/**
 * Accounts and roles: the first-time setup of a fresh install, sign-in and sign-out, the roles'
 * limits enforced by the server (not only hidden buttons), uploads invisible to signed-out
 * visitors on every page and API, and the audit log.
 */

const root = path.join(__dirname, '..');
const studyG = readFileSync(path.join(root, 'data', 'study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const csv = (n: number) => studyG.slice(0, n + 1).join('\n') + '\n';
const NAME = 'Client survey, confidential';

const uploadAsAnalyst = async (request: APIRequestContext, name = NAME): Promise<string> => {
  const response = await request.post('/api/datasets', { multipart: { file: { name: 'client.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(80)) }, name } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { dataset: { id: string } }).dataset.id;
};

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('an uploaded dataset cannot be read through any page or the API', async ({ page, request, playwright, baseURL }) => {
    test.setTimeout(90_000);
    const analyst = await playwright.request.newContext({ baseURL, storageState: storageStatePath('analyst') });
    const id = await uploadAsAnalyst(analyst);
    await analyst.dispose();

    const listed = ((await (await request.get('/api/datasets')).json()) as { datasets: { id: string; reference: boolean }[] }).datasets;
    expect(listed.map((d) => d.id)).toEqual(['study-g', 'study-p']);
    for (const url of [`/api/datasets/${id}`, `/api/datasets/${id}/acceptance?by=country`, `/api/datasets/${id}/acceptance?format=csv`, `/api/datasets/${id}/columns`, `/api/summary/pdf?dataset=${id}`, `/api/summary/pptx?dataset=${id}`]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(401);
      expect(await response.text(), url).not.toContain(NAME);
    }
    // An id that does not exist answers the same: the refusal does not tell which ids exist.
    expect((await request.get('/api/datasets/00000000-0000-4000-8000-000000000000')).status()).toBe(401);

    for (const url of [`/?dataset=${id}`, `/explore?dataset=${id}`, `/planner?dataset=${id}`, `/findings?dataset=${id}`, `/benchmark?dataset=${id}`, `/compare?dataset=${id}`, `/compare?dataset=study-g&mode=datasets&with=${id}`]) {
      await page.goto(url);
      await expect(page.getByTestId('sign-in-required'), url).toBeVisible();
      await expect(page.locator('body'), url).not.toContainText(NAME);
    }
    await page.goto('/datasets');
    await expect(page.getByTestId('upload-locked')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(NAME);

    // Writes are refused too.
    expect((await request.delete(`/api/datasets/${id}`)).status()).toBe(401);
    expect((await request.post('/api/datasets', { multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(5)) } } })).status()).toBe(401);

    // The sign-in link leads back to the dataset.
    await page.goto(`/explore?dataset=${id}`);
    await page.getByTestId('sign-in-required').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill(E2E_USERS.strategist.username);
    await page.getByLabel('Password').fill(E2E_USERS.strategist.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signing in hashes the password: seconds on a busy machine.
    await expect(page).toHaveURL(new RegExp(`/explore\\?dataset=${id}`), { timeout: 30_000 });
    await expect(page.locator('select#dataset, [data-testid="dataset-select"]').first()).toBeVisible();
    await expect(page.getByTestId('signed-in-as')).toContainText('e2e-strategist');
  });

  test('a wrong password is refused with a clear message, and repeated failures are slowed down', async ({ page, request }) => {
    // Seven password checks (scrypt): more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    await page.goto('/login');
    await page.getByLabel('Username').fill(E2E_USERS.executive.username);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.form-error')).toHaveText('The username or password is not right.', { timeout: 30_000 });
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

    // Five failures for one username, then even the right password waits (an unknown name counts too).
    const victim = { username: 'nobody-by-this-name', password: 'guess guess guess' };
    for (let i = 0; i < 5; i++) expect((await request.post('/api/session', { data: victim })).status()).toBe(401);
    const throttled = await request.post('/api/session', { data: victim });
    expect(throttled.status()).toBe(429);
    expect(throttled.headers()['retry-after']).toBe('900');
    await page.goto('/login?lang=nl');
    await page.getByLabel('Gebruikersnaam').fill(victim.username);
    await page.getByLabel('Wachtwoord').fill(victim.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('.form-error')).toContainText('Te veel mislukte pogingen', { timeout: 30_000 });
  });

  test('the session cookie is httpOnly and SameSite, and signing out ends the session on the server', async ({ page, request }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill(E2E_USERS.executive.username);
    await page.getByLabel('Password').fill(E2E_USERS.executive.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as e2e-executive (Executive)', { timeout: 30_000 });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'pad_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.cookie')).not.toContain('pad_session');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    // The old cookie no longer opens anything, even when replayed.
    const replay = await request.get('/api/session', { headers: { cookie: `pad_session=${cookie.value}` } });
    expect((await replay.json()).user).toBeNull();
  });
});

test.describe('strategist', () => {
  test.use({ storageState: storageStatePath('strategist') });

  test('cannot upload or delete: the server refuses, and the page offers neither', async ({ page, request, playwright, baseURL }) => {
    test.setTimeout(90_000);
    const analyst = await playwright.request.newContext({ baseURL, storageState: storageStatePath('analyst') });
    const id = await uploadAsAnalyst(analyst, 'Kept from strategists');
    await analyst.dispose();

    const post = await request.post('/api/datasets', { multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(5)) } } });
    expect(post.status()).toBe(403);
    expect((await post.json()).error.code).toBe('Forbidden');
    const del = await request.delete(`/api/datasets/${id}`);
    expect(del.status()).toBe(403);
    expect((await request.get(`/api/datasets/${id}`)).status()).toBe(200);

    await page.goto(`/datasets?confirm=${id}`);
    await expect(page.getByTestId('upload-locked')).toContainText('Strategist');
    await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
    await expect(page.locator(`tr[data-dataset="${id}"]`).getByRole('link', { name: /delete/i })).toHaveCount(0);
    // But reading is open to every role.
    await page.goto(`/explore?dataset=${id}`);
    await expect(page.getByTestId('sign-in-required')).toHaveCount(0);

    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not for your role');
  });
});

test.describe('admin', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('manages accounts and reads the audit log of uploads and deletes', async ({ page, playwright, baseURL }) => {
    // An upload, a delete and three account changes (a password hash each): minutes on a busy machine.
    test.setTimeout(150_000);
    const analyst = await playwright.request.newContext({ baseURL, storageState: storageStatePath('analyst') });
    const id = await uploadAsAnalyst(analyst, 'Audited upload');
    expect((await analyst.delete(`/api/datasets/${id}`)).status()).toBe(204);
    await analyst.dispose();

    await page.goto('/admin/audit');
    const upload = page.locator('tr[data-action="dataset.upload"]', { hasText: id }).first();
    await expect(upload).toContainText('e2e-analyst');
    await expect(upload).toContainText('Audited upload');
    await expect(page.locator('tr[data-action="dataset.delete"]', { hasText: id }).first()).toContainText('e2e-analyst');

    await page.goto('/admin/users');
    const username = `temp-${Date.now()}`;
    await page.locator('#new-username').fill(username);
    await page.locator('#new-role').selectOption('executive');
    await page.locator('#new-password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The browser's own check (minlength) stops a short password; the server would refuse it too.
    await expect(page.locator(`tr[data-username="${username}"]`)).toHaveCount(0);
    await page.locator('#new-password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('.form-done')).toHaveText(`Account ${username} created.`, { timeout: 30_000 });
    const row = page.locator(`tr[data-username="${username}"]`);
    await expect(row).toContainText('Executive');
    await row.getByLabel(`Role: ${username}`).selectOption('analyst');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.form-done')).toHaveText(`Account ${username} saved.`, { timeout: 30_000 });
    await expect(page.locator(`tr[data-username="${username}"]`)).toContainText('Analyst');
    // The page has finished arriving (a late re-render would close the confirmation again).
    await page.waitForLoadState('networkidle');
    await page.locator(`tr[data-username="${username}"]`).getByLabel(`Delete the account ${username}`).click();
    await page.locator(`tr[data-username="${username}"]`).getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.locator('.form-done')).toHaveText('Account deleted.', { timeout: 30_000 });
    await expect(page.locator(`tr[data-username="${username}"]`)).toHaveCount(0);

    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/admin-users.png', fullPage: true });
  });
});

test.describe('first visit of a fresh install', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  const port = Number(process.env.E2E_SETUP_PORT ?? 3113);

  test('offers to create the admin account, once', async ({ browser }) => {
    test.setTimeout(120_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pad-setup-'));
    const server = startOwnServer(port, dataDir);
    try {
      await serverReady(server.base);
      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('link', { name: 'Create the admin account' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome: create the admin account');
      await page.screenshot({ path: 'e2e/screenshots/setup.png', fullPage: true });
      await page.getByLabel('Username').fill('owner');
      await page.getByLabel('Password', { exact: true }).fill('the owner password');
      await page.getByLabel('Password again').fill('the owner passwore');
      await page.getByRole('button', { name: 'Create the admin account and sign in' }).click();
      await expect(page.locator('.form-error')).toHaveText('The two passwords differ.');
      // Everything typed comes back except the passwords (never sent back, never in the URL).
      await expect(page.getByLabel('Username')).toHaveValue('owner');
      await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
      expect(page.url()).not.toContain('passwor');
      await page.getByLabel('Password', { exact: true }).fill('the owner password');
      await page.getByLabel('Password again').fill('the owner password');
      await page.getByRole('button', { name: 'Create the admin account and sign in' }).click();
      await expect(page.getByRole('button', { name: 'Creating…' })).toBeDisabled();
      await expect(page).toHaveURL(/\/admin\/users$/, { timeout: 30_000 });
      await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as owner (Admin)');

      // Nobody else can take the install over now.
      const stranger = await browser.newContext({ baseURL: server.base });
      const other = await stranger.newPage();
      await other.goto('/setup');
      await expect(other).toHaveURL(/\/login\?error=NotFirstUser$/);
      await expect(other.locator('.form-error')).toHaveText('The admin account exists already: sign in.');
      await expect(other.getByRole('link', { name: 'Create the admin account' })).toHaveCount(0);
      await stranger.close();
      await context.close();
    } finally {
      await stopOwnServer(server.process);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
