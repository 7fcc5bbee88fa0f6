import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { loadFindingsRegistry } from '../findings/registry';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { buildSummary } from './build';
import { headlineFootnote, precise } from './format';
import { summaryPdf } from './pdf';
import { summaryPptx } from './pptx';

/**
 * A small upload of study G's shape (its first 70 respondents): the strong-bond band has 28, under
 * the minimum base of 30. The summary's bond headline compares it with the weak and neutral bands:
 * no p-value and no interval may reach the page's footnote, the PDF or the slides.
 */
const root = path.join(__dirname, '..', '..', 'data');
const parsed = parseCodebook(JSON.parse(readFileSync(path.join(root, 'study-g.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error('study G codebook');
const csv = readFileSync(path.join(root, 'study-g.csv'), 'utf8').split('\n').slice(0, 71).join('\n');
const data = loadSurveyFromCsv({ ...parsed.codebook, id: 'small-upload', synthetic: false }, csv);
const summary = buildSummary(data, { registry: loadFindingsRegistry() });
const bond = summary.headlines.find((h) => h.id === 'g-bond')!;
// The engine's figures for the strong band, which the exports must not show.
const strong = acceptance(data, { family: 'scenario', by: ['bond'] }).cells.find((c) => c.key.bond === 'strong')!;
const leaks = (locale: 'en' | 'nl') => [
  `design-based t test, p`,
  `${precise(strong.ci!.lower, locale)}–${precise(strong.ci!.upper, locale)}`,
];

describe('the summary and small bases', () => {
  it('the strong band is under the minimum base: its bars have no interval and the difference is not tested', () => {
    expect(strong.respondents).toBe(28);
    expect(strong.ci).not.toBeNull();
    const small = bond.bars.filter((b) => b.smallBase);
    expect(small.map((b) => b.label.en)).toEqual(['Weak (1-2)', 'Neutral (3)', 'Strong (4-5)']);
    expect(small.every((b) => b.ci === null)).toBe(true);
    expect(bond.test!.high.smallBase).toBe(true);
    const note = headlineFootnote(bond, summary, 'en');
    expect(note).toBe('Strong (4-5) 57.0% (n = 28) against Weak (1-2) 24.7% (n = 20): not tested, as one side has fewer than 30 respondents · weighted · small base: fewer than 30 respondents, so no interval or test');
    expect(headlineFootnote(bond, summary, 'nl')).toContain('niet getoetst, want één kant heeft minder dan 30 respondenten');
  });

  it('the PDF marks the small bars and prints no p-value or interval for them', async () => {
    const parser = new PDFParse({ data: new Uint8Array(await summaryPdf(summary, 'en')) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Strong (4-5) (small base, n = 28)');
    expect(text).toContain('not tested, as one side has fewer than 30 respondents');
    for (const leak of leaks('en')) expect(text).not.toContain(leak);
  });

  it('the slides mark the small bars in the chart and print no p-value or interval for them', async () => {
    const zip = await JSZip.loadAsync(await summaryPptx(summary, 'nl'));
    const xml = (await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith('.xml')).map((f) => zip.file(f)!.async('string')))).join('\n');
    expect(xml).toContain('Sterk (4-5) (kleine basis, n = 28)');
    expect(xml).toContain('niet getoetst, want één kant heeft minder dan 30 respondenten');
    for (const leak of [...leaks('nl'), 'designgebaseerde t-toets, p']) expect(xml).not.toContain(leak);
  });
});
