import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { loadFindingsRegistry } from '../findings/registry';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { buildSummary } from './build';
import type { ExecutiveSummary } from './model';
import { summaryPdf } from './pdf';
import { summaryPptx } from './pptx';

/**
 * An upload's codebook labels and name are the analyst's (or an attacker's) text. In the slide
 * deck they must stay text: every XML part carries them escaped, never as markup. In the PDF they
 * are drawn as the literal characters.
 */
const HOSTILE = '<img src=x onerror=alert(1)>"><script>alert(1)</script>';

/** Every text in both languages ({en, nl}) gets the hostile prefix; ids, links and numbers stay. */
function hostile<T>(value: T): T {
  if (Array.isArray(value)) return value.map(hostile) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, hostile(v)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    if (typeof object.en === 'string' && typeof object.nl === 'string') return { ...object, en: `${HOSTILE} ${object.en}`, nl: `${HOSTILE} ${object.nl}` } as T;
    return object as T;
  }
  return value;
}

const summary: ExecutiveSummary = hostile(buildSummary(loadReferenceDataset('study-g'), { registry: loadFindingsRegistry() }));

describe('hostile labels in the exports', () => {
  it('the slide deck carries them escaped in every XML part', async () => {
    const zip = await JSZip.loadAsync(await summaryPptx(summary, 'en'));
    const parts = Object.keys(zip.files).filter((f) => f.endsWith('.xml'));
    let escaped = 0;
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string');
      expect(xml, part).not.toMatch(/<img|<script/i);
      if (xml.includes('&lt;img src=x onerror=alert(1)&gt;')) escaped++;
    }
    expect(escaped).toBeGreaterThan(2); // slides, notes and chart labels
  });

  it('the PDF draws them as literal text', async () => {
    const parser = new PDFParse({ data: new Uint8Array(await summaryPdf(summary, 'en')) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });
});
