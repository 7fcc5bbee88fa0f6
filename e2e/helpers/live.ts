import { expect, type Page } from '@playwright/test';

/**
 * Waits until the page says it answers changes in the browser (data-live): it downloads its columns
 * soon after hydration and decodes them, with its engine, at the visitor's first move
 * (app/components/afterInteractive); a nudge made before hydration goes unseen, so nudge until it is live.
 */
export async function reachForControls(page: Page, live: string, nudge: (page: Page) => Promise<void> = (p) => p.mouse.move(20 + Math.random() * 200, 20 + Math.random() * 200)) {
  await expect(async () => {
    await nudge(page);
    await expect(page.locator(live)).toHaveAttribute('data-live', 'true', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
