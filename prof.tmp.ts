import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { reachUntilLive } from './scripts/benchLive';
(async () => {
  const base = process.argv[2]; const dir = process.argv[3];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const self = new Map<string, number>();
  let total = 0;
  const names = ['Netherlands', 'Women', '18-34', 'Netherlands'];
  for (const name of names) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(base + '/explore?view=segments');
    await page.waitForLoadState('networkidle');
    await reachUntilLive(page, '.explore-results');
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.getByRole('checkbox', { name, exact: true }).click();
    await page.waitForTimeout(1500);
    const { profile } = await cdp.send('Profiler.stop') as any;
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    profile.samples.forEach((id: number, i: number) => {
      const f = (byId.get(id) as any).callFrame;
      if (['(idle)', '(program)'].includes(f.functionName)) return;
      const key = `${f.url.split('/').pop() || '(native ' + f.functionName + ')'}|${f.functionName}|${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i]);
      total += profile.timeDeltas[i];
    });
    await page.close();
  }
  const byChunk = new Map<string, number>();
  for (const [k, us] of self) { const c = k.split('|')[0]; byChunk.set(c, (byChunk.get(c) ?? 0) + us); }
  console.log('sampled non-idle per change (wall, loaded machine):', (total / names.length / 1000).toFixed(1), 'ms');
  for (const [c, us] of [...byChunk].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${(100 * us / total).toFixed(1)}%  ${c}`);
  const rechartsChunk = '42j0h2_g6icsu.js';
  const file = execSync(`find ${dir}/.next/static/chunks -name ${rechartsChunk}`).toString().trim();
  const src = readFileSync(file, 'utf8').split('\n');
  console.log('--- top in recharts chunk');
  for (const [k, us] of [...self].filter(([k]) => k.startsWith(rechartsChunk)).sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    const [, fn, pos] = k.split('|'); const [l, c] = pos.split(':').map(Number);
    const line = src[l] ?? '';
    const around = line.slice(Math.max(0, c - 60), c + 140).replace(/\s+/g, ' ');
    console.log(`${(100 * us / total).toFixed(1)}% ${fn} :: ${around}`);
  }
  await browser.close();
})();
