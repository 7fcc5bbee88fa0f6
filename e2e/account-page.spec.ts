import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createAccount } from '../lib/auth/accounts';
import type { Role } from '../lib/storage/accountStore';
import { openAccountStoreFromEnv } from '../lib/storage/storeFromEnv';
import { watchPageErrors } from './helpers/pageErrors';
import { storageStatePath } from './support/paths';
import { E2E_USERS } from './support/users';

/**
 * A first-time user's path through accounts (issue 18): feedback while an account is created, the
 * own account page with a password change, each role's landing page, a branded not-found page
 * without CSP errors, no unused CSS preloads, and an audit log in words.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** The test server's own account store (the throwaway DATA_DIR of playwright.config.ts, or DATABASE_URL). */
const withStore = async <T,>(work: (store: ReturnType<typeof openAccountStoreFromEnv>) => Promise<T>): Promise<T> => {
  const store = openAccountStoreFromEnv({ ...process.env, DATA_DIR: process.env.E2E_DATA_DIR });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

const signInThroughForm = async (page: Page, username: string, password: string, lang: 'en' | 'nl' = 'en') => {
  await page.getByLabel(lang === 'nl' ? 'Gebruikersnaam' : 'Username').fill(username);
  await page.getByLabel(lang === 'nl' ? 'Wachtwoord' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: lang === 'nl' ? 'Inloggen' : 'Sign in' }).click();
};

const signedOut = (browser: Browser, viewport = DESKTOP) => browser.newContext({ storageState: { cookies: [], origins: [] }, viewport });

test.describe('admin creates an account', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('the button shows the request is under way, the result appears beside the form, and a refusal keeps what was typed', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/admin/users');
    await page.waitForLoadState('networkidle');
    const username = `pending-${Date.now()}`;
    await page.locator('#new-username').fill(username);
    await page.locator('#new-role').selectOption('executive');
    await page.locator('#new-password').fill('a long enough password');
    const button = page.getByTestId('create-account');
    await button.click();
    // Hashing the password takes seconds: meanwhile the button is busy and cannot be pressed twice.
    await expect(button).toBeDisabled();
    await expect(button).toHaveText('Creating…');
    await expect(button).toHaveAttribute('aria-busy', 'true');
    const result = page.getByTestId('create-result');
    await expect(result).toHaveText(`Account ${username} created.`, { timeout: 30_000 });
    await expect(result).toBeInViewport();
    await expect(button).toBeEnabled();
    await expect(button).toHaveText('Create account');
    await expect(page.locator(`tr[data-username="${username}"]`)).toContainText('Executive');

    // A taken name: the message beside the form, the name and role still filled in, the password not.
    await page.locator('#new-username').fill(username);
    await page.locator('#new-role').selectOption('analyst');
    await page.locator('#new-password').fill('another long password');
    await button.click();
    await expect(result).toHaveText('That username is taken.', { timeout: 30_000 });
    await expect(page.locator('#new-username')).toHaveValue(username);
    await expect(page.locator('#new-role')).toHaveValue('analyst');
    await expect(page.locator('#new-password')).toHaveValue('');
    expect(new URL(page.url()).search).not.toContain('password');

    // In Dutch the busy button says so too.
    await page.goto('/admin/users?lang=nl');
    await page.waitForLoadState('networkidle');
    await page.locator('#new-username').fill(`${username}-nl`);
    await page.locator('#new-password').fill('een lang genoeg wachtwoord');
    await page.getByTestId('create-account').click();
    await expect(page.getByTestId('create-account')).toHaveText('Bezig…');
    await expect(page.getByTestId('create-result')).toHaveText(`Account ${username}-nl aangemaakt.`, { timeout: 30_000 });
  });
});

test.describe('the account page', () => {
  test('signed out it asks to sign in; a user changes their password, then only the new one works', async ({ browser }) => {
    test.setTimeout(150_000);
    const username = `own-${Date.now()}`;
    const oldPassword = 'the first password';
    const newPassword = 'the second password';
    await withStore((store) => createAccount(store, null, { username, role: 'strategist', password: oldPassword }));

    const context = await signedOut(browser);
    const page = await context.newPage();
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$|\/login\?next=\/account$/);
    await signInThroughForm(page, username, oldPassword);
    // The return path wins over the role's landing page.
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
    await expect(page.getByTestId('account-who')).toContainText(`You are signed in as ${username}.`);
    await expect(page.getByTestId('account-who')).toContainText('Role: Strategist');
    // The header's name leads here.
    await expect(page.getByTestId('signed-in-as')).toHaveAttribute('href', '/account');

    const change = async (current: string, next: string, repeat = next) => {
      await page.getByLabel('Current password').fill(current);
      await page.getByLabel('New password', { exact: true }).fill(next);
      await page.getByLabel('New password again').fill(repeat);
      await page.getByTestId('change-password').click();
    };
    await change('not my password at all', newPassword);
    await expect(page.getByTestId('password-result')).toHaveText('Your current password is not right.');
    await change(oldPassword, newPassword, 'the second passwort');
    await expect(page.getByTestId('password-result')).toHaveText('The two passwords differ.');
    // The same user signed in on another browser (a second session) before the change.
    const elsewhere = await signedOut(browser);
    const otherPage = await elsewhere.newPage();
    await otherPage.goto('/login');
    await signInThroughForm(otherPage, username, oldPassword);
    // Signing in hashes the password (scrypt): slow on a busy machine.
    await expect(otherPage.getByTestId('signed-in-as')).toContainText(username, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await change(oldPassword, newPassword);
    await expect(page.getByTestId('change-password')).toBeDisabled();
    await expect(page.getByTestId('password-result')).toHaveText('Your password has been changed, and every other session of yours has been signed out. Use the new password the next time you sign in.', { timeout: 30_000 });
    // The other session ended; this one goes on.
    await otherPage.goto('/account');
    await expect(otherPage).toHaveURL(/\/login\?next=/, { timeout: 30_000 });
    await expect(otherPage.getByTestId('signed-in-as')).toHaveCount(0);
    await elsewhere.close();
    await page.reload();
    await expect(page.getByTestId('account-who')).toContainText(`You are signed in as ${username}.`, { timeout: 30_000 });
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/account.png', fullPage: true });

    // Recorded in the audit log as the user's own change, without either password.
    const audit = await withStore((store) => store.listAudit({ limit: 50 }));
    expect(audit.find((e) => e.action === 'user.update' && e.target === username)).toMatchObject({ actor: username, detail: { password: 'changed by the user', otherSessionsEnded: 1 } });
    expect(JSON.stringify(audit)).not.toContain(newPassword);

    await page.getByTestId('account-sign-out').click();
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0, { timeout: 30_000 });
    await page.goto('/login');
    await signInThroughForm(page, username, oldPassword);
    await expect(page.locator('.form-error')).toHaveText('The username or password is not right.');
    await signInThroughForm(page, username, newPassword);
    await expect(page.getByTestId('signed-in-as')).toContainText(username);
    await context.close();
  });

  test('reads in Dutch and fits a phone', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath('executive'), viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/account?lang=nl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je account');
    await expect(page.getByTestId('account-who')).toContainText('Je bent ingelogd als e2e-executive.');
    await expect(page.getByLabel('Huidig wachtwoord')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Wachtwoord wijzigen' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/account-nl-phone.png', fullPage: true });
    await context.close();
  });
});

test.describe('after signing in', () => {
  test('each role lands on its own work, unless a local return path was asked for', async ({ browser }) => {
    test.setTimeout(120_000);
    const landing: Record<Role, RegExp> = { analyst: /\/datasets$/, strategist: /:\d+\/$/, executive: /:\d+\/$/, admin: /\/admin\/users$/ };
    for (const role of Object.keys(landing) as Role[]) {
      const context = await signedOut(browser);
      const page = await context.newPage();
      await page.goto('/login');
      await signInThroughForm(page, E2E_USERS[role].username, E2E_USERS[role].password);
      // Signing in hashes the password: seconds on a busy machine.
      await expect(page, role).toHaveURL(landing[role], { timeout: 30_000 });
      await context.close();
    }
    const context = await signedOut(browser);
    const page = await context.newPage();
    await page.goto('/login?next=/planner');
    await signInThroughForm(page, E2E_USERS.analyst.username, E2E_USERS.analyst.password);
    await expect(page).toHaveURL(/\/planner$/, { timeout: 30_000 });
    await context.clearCookies();
    // Another site is no return path: the analyst lands on the datasets instead.
    await page.goto('/login?next=//example.com/');
    await signInThroughForm(page, E2E_USERS.analyst.username, E2E_USERS.analyst.password);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/datasets$/, { timeout: 30_000 });
    await context.clearCookies();
    // In Dutch the language stays.
    await page.goto('/login?lang=nl');
    await signInThroughForm(page, E2E_USERS.analyst.username, E2E_USERS.analyst.password, 'nl');
    await expect(page).toHaveURL(/\/datasets\?lang=nl$/, { timeout: 30_000 });
    await context.close();
  });
});

test.describe('not found', () => {
  for (const [lang, viewport] of [
    ['en', DESKTOP],
    ['nl', PHONE],
  ] as const)
    test(`a missing page is branded, in the reader's language (${lang}), with ways back and no blocked scripts`, async ({ browser }) => {
      const context = await signedOut(browser, viewport);
      if (lang === 'nl') await context.addCookies([{ name: 'lang', value: 'nl', url: 'http://127.0.0.1' }]);
      const page = await context.newPage();
      const errors = await watchPageErrors(page);
      const response = await page.goto('/no-such-page/at-all');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'nl' ? 'Pagina niet gevonden' : 'Page not found');
      await expect(page).toHaveTitle(lang === 'nl' ? /^Pagina niet gevonden/ : /^Page not found/);
      await expect(page.locator('.site-header .brand')).toBeVisible();
      await expect(page.getByTestId('not-found').getByRole('link', { name: lang === 'nl' ? 'De samenvatting' : 'The summary' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      // The page's scripts ran (they carry the request's nonce): Next.js's runtime is there.
      expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('object');
      expect(await errors.violations()).toEqual([]);
      // The document's own 404 status is the only error the console may show.
      expect(errors.console.filter((line) => !/the server responded with a status of 404/.test(line))).toEqual([]);
      await page.screenshot({ path: `e2e/screenshots/not-found-${lang}.png`, fullPage: true });
      await context.close();
    });

  test('a Dutch browser with no language chosen yet gets the missing page in Dutch, header included', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'nl-NL', storageState: { cookies: [], origins: [] }, baseURL: test.info().project.use.baseURL });
    const page = await context.newPage();
    const response = await page.goto('/no-such-page/at-all');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav).toContainText('Samenvatting');
    await expect(nav).not.toContainText('Summary');
    await context.close();
  });

  test('?lang=nl on a missing page shows it in Dutch at once', async ({ browser }) => {
    const context = await signedOut(browser);
    const page = await context.newPage();
    await page.goto('/nothing-here?lang=nl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await context.close();
  });
});

test.describe('stylesheets', () => {
  test('no page preloads a stylesheet it does not use', async ({ page, context }) => {
    test.setTimeout(120_000);
    // Chromium warns about a stylesheet preloaded and not used some seconds after the page's load
    // event. Every page is opened in a tab of its own, all at once; then a control page that does
    // preload a stylesheet it never applies is loaded last, and its warning (which must come, or
    // this test could not fail) says the pages' time to warn has passed too.
    const collect = (tab: Page, into: string[]) =>
      tab.on('console', (message) => {
        if (/preloaded/i.test(message.text())) into.push(`${tab.url()}: ${message.text()}`);
      });
    const warnings: string[] = [];
    const tab = async () => {
      const t = await context.newPage();
      collect(t, warnings);
      return t;
    };
    const paths = ['/', '/explore', '/planner', '/findings', '/benchmark', '/compare', '/tables', '/datasets', '/account'];
    // And from page to page through the header (the router fetches each page's stylesheets).
    const links = [/^Explore$/, /planner/i, /findings/i, /^Tables$/, /^Datasets$/];
    const [first] = await Promise.all([
      ...paths.map(async (path) => {
        const t = await tab();
        await t.goto(path, { waitUntil: 'networkidle' });
        return t;
      }),
      ...links.map(async (name) => {
        const t = await tab();
        await t.goto('/');
        await t.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
        await t.waitForLoadState('networkidle');
        return t;
      }),
    ]);

    const sheet = await first.locator('link[rel=stylesheet]').first().getAttribute('href');
    expect(sheet).toBeTruthy();
    const controlWarnings: string[] = [];
    collect(page, controlWarnings);
    await page.route('**/__preload-control', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>control</title><link rel="preload" as="style" href="${sheet}"><p>control</p>` }),
    );
    await page.goto('/__preload-control', { waitUntil: 'load' });
    await expect.poll(() => controlWarnings.length, { message: "the control page's unused preload is reported", timeout: 20_000 }).toBe(1);
    expect(warnings).toEqual([]);
  });
});

test.describe('audit log', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('says what happened in words, with labelled details, in both languages', async ({ page, request }) => {
    // At least one refused and one successful sign-in to show.
    await request.post('/api/session', { data: { username: E2E_USERS.executive.username, password: 'not the right one' } });
    await page.goto('/admin/audit');
    const log = page.getByTestId('audit-log');
    await expect(log).toBeVisible();
    const actionCells = log.locator('tbody tr td:nth-child(3)');
    const actions = await actionCells.allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).not.toMatch(/^[a-z]+(\.[a-z]+)+$|^logout$/);
    await expect(log.locator('tr[data-action="login.failure"]').first()).toContainText('Sign-in refused');
    await expect(log.locator('tr[data-action="login.failure"]').first()).toContainText('Reason: wrong password');
    // No stored JSON on the page.
    expect(await log.locator('tbody').innerText()).not.toMatch(/[{}]|"\w+":/);
    await page.screenshot({ path: 'e2e/screenshots/audit.png', fullPage: true });

    await page.goto('/admin/audit?lang=nl');
    await expect(page.getByTestId('audit-log').locator('tr[data-action="login.failure"]').first()).toContainText('Inloggen geweigerd');
    await expect(page.getByTestId('audit-log').locator('tr[data-action="login.failure"]').first()).toContainText('Reden: verkeerd wachtwoord');
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: 'e2e/screenshots/audit-nl-phone.png', fullPage: true });
  });
});
