import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const path = process.argv[2];
const p = await b.newPage({ viewport: { width: 390, height: 800 } });
const c = await p.context().newCDPSession(p);
await c.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await b.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
await p.goto('http://127.0.0.1:3999' + path, { waitUntil: 'load' });
await p.waitForTimeout(3500);
const ev = JSON.parse((await b.stopTracing()).toString()).traceEvents;
const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart' )?.ts ?? ev[0].ts;
const tasks = ev.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur > 40000);
for (const t of tasks) {
  const inside = ev.filter((e) => e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts < t.ts + t.dur && ['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'ParseHTML', 'v8.compile', 'Layout', 'UpdateLayoutTree', 'RunMicrotasks', 'V8.Execute','HandlePostMessage','FireIdleCallback'].includes(e.name) && e.dur > 8000);
  console.log(`task @${((t.ts - nav) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(0)}ms:`, inside.slice(0, 6).map((e) => `${e.name}(${(e.dur / 1000).toFixed(0)} ${(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.data?.type ?? '').toString().replace(/.*\//, '').slice(0, 30)})`).join(' '));
}
await b.close();
