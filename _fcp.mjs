import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of process.argv.slice(2)) for (let i = 0; i < 2; i++) {
  const p = await b.newPage({ viewport: { width: 390, height: 800 } });
  const c = await p.context().newCDPSession(p);
  await c.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await p.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await p.goto('http://127.0.0.1:3999' + path, { waitUntil: 'load' });
  await p.waitForTimeout(2500);
  const r = await p.evaluate(() => ({ fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), lt: window.__lt }));
  console.log(path, JSON.stringify(r));
  await p.close();
}
await b.close();
