import type { Page } from '@playwright/test';

/**
 * Moves the pointer until the page says it answers changes in the browser (`data-live` on
 * `selector`): the explorer and the planner download the columns soon after hydration and decode
 * them, with the engine, at the visitor's first move (afterInteractive); a move made before the page
 * has hydrated is not seen, which on a busy machine happens after "network idle". Returns whether the page went live within `timeoutMs`.
 */
export async function reachUntilLive(page: Page, selector: string, timeoutMs = 60_000): Promise<boolean> {
  const live = page.locator(`${selector}[data-live="true"]`);
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline; i++) {
    await page.mouse.move(5 + (i % 2), 5 + (i % 2));
    if (await live.waitFor({ timeout: 1_000 }).then(() => true, () => false)) return true;
  }
  return false;
}
