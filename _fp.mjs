import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const mobile of [false, true]) for (const path of process.argv.slice(2)) {
  const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: mobile ? 1.75 : 1, isMobile: mobile, hasTouch: mobile });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:3999' + path, { waitUntil: 'load' });
  await p.waitForTimeout(1500);
  const r = await p.evaluate(() => ({ fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd) }));
  console.log(mobile ? 'mobile' : 'desktop', path, JSON.stringify(r));
  await ctx.close();
}
await b.close();
