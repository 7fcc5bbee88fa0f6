import { expect, type Page } from '@playwright/test';

/**
 * Draws every chart of the page, as a reader scrolling through it does: a chart is drawn once its box
 * comes near the screen (app/components/charts/ChartBox.tsx), so a chart below the first screen is an
 * empty box of the right size until then. Scrolls each undrawn box into view in turn, then back to
 * the top, and waits until none is left undrawn.
 */
export async function drawCharts(page: Page): Promise<void> {
  const undrawn = page.locator('.chart-box[data-drawn="no"]');
  for (let guard = 0; guard < 50; guard++) {
    // In the page, so that a chart drawn meanwhile is simply not found (no wait for a locator).
    const left = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.chart-box[data-drawn="no"]')];
      boxes[0]?.scrollIntoView({ block: 'center' });
      return boxes.length;
    });
    if (left === 0) break;
    await page.waitForTimeout(50);
  }
  await expect(undrawn).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}
