import { expect, type Page } from '@playwright/test';

/**
 * Draws every chart of the page, as a reader scrolling through it does: a chart is drawn once its box
 * comes near the screen (app/components/charts/ChartBox.tsx), so a chart below the first screen is an
 * empty box of the right size until then. Scrolls each undrawn box into view in turn, then back to
 * the top, and waits until none is left undrawn (boxes in a hidden part of the page aside). Before a
 * full-page screenshot too: it shows the page as a reader who scrolled through it saw it.
 */
export async function drawCharts(page: Page): Promise<void> {
  const undrawn = page.locator('.chart-box[data-drawn="no"]');
  // A box is drawn once its drawing code has arrived (loaded when the first chart comes near), which
  // on a loaded machine can take seconds: the boxes are scrolled to until none is left, for up to 30 s.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    // In the page, so that a chart drawn meanwhile is simply not found (no wait for a locator).
    const left = await page.evaluate(() => {
      // A box in a hidden part of the page (display: none) cannot come near the screen: not waited for.
      const boxes = [...document.querySelectorAll('.chart-box[data-drawn="no"]')].filter((box) => box.getClientRects().length > 0);
      boxes[0]?.scrollIntoView({ block: 'center' });
      return boxes.length;
    });
    if (left === 0) break;
    await page.waitForTimeout(100);
  }
  await expect.poll(() => undrawn.evaluateAll((boxes) => boxes.filter((box) => box.getClientRects().length > 0).length)).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}
