import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const base = process.env.BASE ?? 'http://127.0.0.1:3210';
const lines = readFileSync('data/study-g.csv', 'utf8').split(/\r?\n/).filter(Boolean);
const header = lines[0].split(',');
const col = (n) => header.indexOf(n);
const rows = lines.slice(1, 61).map((l) => l.split(','));
rows[2][col('dt_gender')] = '9';
rows[4][col('country')] = 'N\u0000L';
rows[6].pop();
rows[8][col('dt_age_group')] = `\u001b[31m${'7'.repeat(300)}`;
rows[10][col('respondent_id')] = rows[9][col('respondent_id')];
rows[11][col('weight')] = '1,5';
const csv = `${[lines[0], ...rows.slice(0, 12).map((r) => r.join(',')), `"${rows[12].join(',')}\nstill one field"`, ...rows.slice(13).map((r) => r.join(','))].join('\n')}\n`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, h] of [[1366, 900], [390, 844]])
  for (const lang of ['en', 'nl']) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const r = await context.request.post(`${base}/api/session`, { data: { username: 'e2e-analyst', password: 'e2e analyst password' } });
    if (r.status() !== 200) throw new Error(`sign in ${r.status()}`);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
    await page.goto(`${base}/datasets?lang=${lang}`);
    await page.waitForLoadState('networkidle');
    await page.getByLabel(lang === 'nl' ? 'CSV-bestand' : 'CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.getByTestId('upload-report');
    await report.waitFor({ timeout: 60000 });
    await report.screenshot({ path: `/tmp/reports-shot-${lang}-${w}.png` });
    // A file unlike any template, with an e-mail column and a NUL byte: the mapping screen, then the report.
    await page.goto(`${base}/datasets?lang=${lang}`);
    await page.waitForLoadState('networkidle');
    const other = ['Resp_ID;Land;E-mail;Q1 Welkom', ...Array.from({ length: 30 }, (_, i) => `r${i};${i === 4 ? 'N\u0000L' : 'NL'};p${i}@example.nl;${(i % 5) + 1}`)].join('\n');
    await page.getByLabel(lang === 'nl' ? 'CSV-bestand' : 'CSV file').setInputFiles({ name: 'panel.csv', mimeType: 'text/csv', buffer: Buffer.from(other) });
    await page.getByTestId('mapping-screen').waitFor();
    await page.getByRole('button', { name: lang === 'nl' ? 'Het bestand met deze koppeling controleren' : 'Check the file with this mapping' }).click();
    await report.waitFor({ timeout: 60000 });
    await report.screenshot({ path: `/tmp/reports-shot2-${lang}-${w}.png` });
    console.log(lang, w, (await report.innerText()).slice(0, 1500));
    await context.close();
  }
await browser.close();
