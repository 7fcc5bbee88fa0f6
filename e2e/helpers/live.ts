import { expect, type Page } from '@playwright/test';

/**
 * Makes the page fetch its columns and engine (the visitor's first move, app/components/onFirstIntent)
 * and waits until it says it answers changes in the browser (data-live). The page listens only once
 * it has hydrated, so a move made before that goes unseen: nudge again until it is live.
 */
export async function reachForControls(page: Page, live: string, nudge: (page: Page) => Promise<void> = (p) => p.mouse.move(20 + Math.random() * 200, 20 + Math.random() * 200)) {
  await expect(async () => {
    await nudge(page);
    await expect(page.locator(live)).toHaveAttribute('data-live', 'true', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
