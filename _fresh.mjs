import { chromium } from 'playwright-core';
for (const path of process.argv.slice(2)) {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await b.newPage({ viewport: { width: 412, height: 823 } });
  await p.goto('http://127.0.0.1:3999' + path, { waitUntil: 'load' });
  await p.waitForTimeout(1500);
  const r = await p.evaluate(() => ({ fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd) }));
  console.log('fresh', path, JSON.stringify(r));
  await b.close();
}
