import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Labels come from analysts' codebooks, so a table export must never hand a spreadsheet a formula:
 * an upload whose country labels start with =, + and @ is exported with each such cell
 * neutralised (a leading single quote), and the page shows the labels as plain text.
 */
const data = path.join(__dirname, '..', 'data');
const lines = readFileSync(path.join(data, 'study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const HOSTILE = { SE: '=HYPERLINK("http://example.invalid","x")', DE: '+1+1', UK: '@SUM(A1:A9)' } as const;

function hostileCodebook(): string {
  const codebook = JSON.parse(readFileSync(path.join(data, 'study-g.codebook.json'), 'utf8'));
  codebook.synthetic = false;
  const country = codebook.attributes.find((a: { id: string }) => a.id === 'country');
  for (const code of country.codes) if (code.code in HOSTILE) code.label = { en: HOSTILE[code.code as keyof typeof HOSTILE], nl: HOSTILE[code.code as keyof typeof HOSTILE] };
  return JSON.stringify(codebook);
}

test('a CSV export neutralises cells that a spreadsheet would run as formulas', async ({ page, request }) => {
  const response = await request.post('/api/datasets', {
    multipart: {
      file: { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from([lines[0], ...lines.slice(1).filter((_, i) => i % 5 === 0)].join('\n') + '\n') },
      codebook: { name: 'codebook.json', mimeType: 'application/json', buffer: Buffer.from(hostileCodebook()) },
      name: 'Hostile labels (e2e)',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { dataset } = (await response.json()) as { dataset: { id: string } };

  await page.goto(`/explore?dataset=${dataset.id}&view=segments`);
  const card = page.getByTestId('segments-country');
  // Shown as text, not interpreted (in the data table, made when it is opened).
  await card.locator('details.data-table summary').click();
  await expect(card.locator('table')).toContainText(HOSTILE.SE);
  await page.waitForLoadState('networkidle');
  const download = page.waitForEvent('download');
  await card.locator('.csv-button').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
  expect(csv).toContain(`'+1+1`);
  expect(csv).toContain(`'@SUM(A1:A9)`);
  // No field of the file starts with a formula character.
  const fields = csv.replace(/^\uFEFF/, '').split(/\r\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
  expect(fields.filter((f) => /^"?[=+@\t\r]/.test(f))).toEqual([]);
});
