import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of process.argv.slice(2)) {
  const p = await b.newPage({ viewport: { width: 390, height: 800 } });
  await p.addInitScript(() => {
    window.__c = { sup: 0, nf: 0, pr: 0, loc: 0, stacks: {} };
    const s = Intl.NumberFormat.supportedLocalesOf;
    Intl.NumberFormat.supportedLocalesOf = function (...a) { window.__c.sup++; const k = new Error().stack.split('\n').slice(2, 6).join('|').replace(/https?:\/\/[^/]+\/_next\/static\/chunks\//g, ''); window.__c.stacks[k] = (window.__c.stacks[k] ?? 0) + 1; return s.apply(this, a); };
    const NF = Intl.NumberFormat; Intl.NumberFormat = new Proxy(NF, { construct(t, a) { window.__c.nf++; return new t(...a); } });
    const PR = Intl.PluralRules; Intl.PluralRules = new Proxy(PR, { construct(t, a) { window.__c.pr++; return new t(...a); } });
  });
  await p.goto('http://127.0.0.1:3999' + path, { waitUntil: 'load' });
  await p.waitForTimeout(2500);
  const c = await p.evaluate(() => window.__c);
  console.log(path, 'supportedLocalesOf', c.sup, 'NumberFormat', c.nf, 'PluralRules', c.pr);
  console.log(Object.entries(c.stacks).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => v + ' ' + k.slice(0, 400)).join('\n'));
  await p.close();
}
await b.close();
