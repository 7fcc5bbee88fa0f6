import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 800 } });
p.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
p.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 300)));
await p.goto('http://127.0.0.1:3999' + (process.argv[2] ?? '/planner'));
await p.evaluate(() => new Promise((r) => {
  new PerformanceObserver((l) => { for (const e of l.getEntries()) console.log('LCP', e.startTime.toFixed(0), e.element?.tagName, e.element?.className, e.size); r(); }).observe({ type: 'largest-contentful-paint', buffered: true });
}));
await p.waitForTimeout(3000);
const entries = await p.evaluate(() => performance.getEntriesByType('largest-contentful-paint').map(e => [e.startTime, e.element?.className, e.size]));
console.log(JSON.stringify(entries));
await b.close();
