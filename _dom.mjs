import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of process.argv.slice(2)) {
  const p = await b.newPage({ viewport: { width: 390, height: 800 } });
  await p.goto('http://127.0.0.1:3999' + path, { waitUntil: 'load' });
  const r = await p.evaluate(() => {
    const all = document.querySelectorAll('body *').length;
    const inClosed = [...document.querySelectorAll('details:not([open])')].reduce((n, d) => n + d.querySelectorAll('*').length, 0);
    const top = [...document.querySelectorAll('main > *, main > * > *')].map((e) => [e.tagName + '.' + (e.className || '').toString().split(' ')[0], e.querySelectorAll('*').length]).sort((a, b) => b[1] - a[1]).slice(0, 8);
    return { all, inClosed, top };
  });
  console.log(path, JSON.stringify(r));
  await p.close();
}
await b.close();
