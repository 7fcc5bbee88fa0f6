import { chromium } from '@playwright/test';
import { reachUntilLive } from './scripts/benchLive';
(async () => {
  const base = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const self = new Map<string, number>();
  let total = 0;
  for (const name of ['Netherlands', 'Women', '18-34']) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(base + '/explore?view=segments');
    await page.waitForLoadState('networkidle');
    await reachUntilLive(page, '.explore-results');
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.getByRole('checkbox', { name, exact: true }).click();
    await page.waitForTimeout(1000);
    const { profile } = await cdp.send('Profiler.stop') as any;
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    const dt = new Map<number, number>();
    profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + profile.timeDeltas[i]));
    for (const [id, us] of dt) {
      const n: any = byId.get(id);
      const f = n.callFrame;
      if (['(idle)', '(program)', '(garbage collector)'].includes(f.functionName) && false) continue;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + us);
      if (f.functionName !== '(idle)') total += us;
    }
    // per-chunk totals
    await page.close();
  }
  const byChunk = new Map<string, number>();
  for (const [k, us] of self) { const chunk = k.split(' ').pop()!.split(':')[0]; byChunk.set(chunk, (byChunk.get(chunk) ?? 0) + us); }
  console.log('total non-idle ms/change', (total / 3000).toFixed(1));
  console.log([...byChunk].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${(v / 3000).toFixed(1)} ms ${k}`).join('\n'));
  console.log([...self].filter(([k])=>!k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 3000).toFixed(2)} ms ${k}`).join('\n'));
  await browser.close();
})();
