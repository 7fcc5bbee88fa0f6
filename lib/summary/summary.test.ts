import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { referenceFindings } from '../findings/cachedResults';
import type { ClaimResult } from '../findings/claims';
import { loadFindingsRegistry, loadReferenceDataset, readCodebookFile } from '../storage/referenceDatasets';
import type { Codebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { buildSummary } from './build';
import { headlineFigure, headlineFootnote, precise, signedPoints } from './format';
import { listLabel } from './headlines';
import { exploreHref, withLang } from './links';
import type { ExecutiveSummary } from './model';
import { summaryPdf } from './pdf';
import { summaryPptx } from './pptx';

const registry = loadFindingsRegistry();
const findings = new Map<string, ClaimResult>(referenceFindings().results.map((r) => [r.claim.id, r]));
// Computed here without the cached results, so the comparison with /findings' values is a real one.
const summaries: Record<'study-g' | 'study-p', ExecutiveSummary> = {
  'study-g': buildSummary(loadReferenceDataset('study-g'), { registry }),
  'study-p': buildSummary(loadReferenceDataset('study-p'), { registry }),
};

describe.each(['study-g', 'study-p'] as const)('the summary of %s', (id) => {
  const summary = summaries[id];

  it('has four to six headlines, none left out, each with a so-what and a supporting link in both languages', () => {
    expect(summary.headlines.length).toBeGreaterThanOrEqual(4);
    expect(summary.headlines.length).toBeLessThanOrEqual(6);
    expect(summary.omitted).toEqual([]);
    for (const h of summary.headlines) {
      expect(h.soWhat.en.length).toBeGreaterThan(10);
      expect(h.soWhat.nl.length).toBeGreaterThan(10);
      expect(h.soWhat.nl).not.toBe(h.soWhat.en);
      expect(h.link.href).toMatch(h.link.kind === 'explore' ? new RegExp(`^/explore\\?dataset=${id}&view=`) : /^\/findings/);
      expect(h.bars.length).toBeGreaterThan(0);
    }
  });

  it('shows for every published claim exactly the share /findings computes', () => {
    const figures = summary.headlines.flatMap((h) => h.bars).filter((b) => b.claimId);
    expect(new Set(figures.map((f) => f.claimId)).size).toBeGreaterThanOrEqual(id === 'study-g' ? 2 : 8);
    for (const figure of figures) {
      const result = findings.get(figure.claimId!)!;
      expect(result.claim.dataset).toBe(id);
      expect(figure.share).toBe(result.share);
      expect(figure.respondents).toBe(result.respondents);
      expect(figure.ci).toEqual(result.ci);
      // And so the printed digits agree in both languages.
      for (const locale of ['en', 'nl'] as const) expect(precise(figure.share, locale)).toBe(precise(result.share!, locale));
    }
  });

  it('reports only key takeaways that pass the test after correction, one per dimension, largest first', () => {
    expect(summary.takeaways.length).toBe(3);
    expect(summary.comparisonsTested).toBeGreaterThanOrEqual(summary.takeaways.length);
    const dims = summary.takeaways.map((t) => t.dimension.id);
    expect(new Set(dims).size).toBe(dims.length);
    for (const [i, t] of summary.takeaways.entries()) {
      expect(t.pAdjusted).toBeLessThan(0.05);
      expect(t.pAdjusted).toBeGreaterThanOrEqual(t.pValue);
      expect(t.top.respondents).toBeGreaterThanOrEqual(summary.minBase);
      expect(t.bottom.respondents).toBeGreaterThanOrEqual(summary.minBase);
      expect(t.diff).toBeCloseTo(t.top.share - t.bottom.share, 12);
      if (i > 0) expect(t.diff).toBeLessThanOrEqual(summary.takeaways[i - 1].diff);
    }
  });
});

describe('study G headlines', () => {
  const summary = summaries['study-g'];
  const byId = new Map(summary.headlines.map((h) => [h.id, h]));

  it('puts overall acceptance at the published 46%', () => {
    expect(headlineFigure(byId.get('g-acceptance')!, 'en').main).toBe('46%');
  });

  it('computes the strong-bond uplift as G5 minus G1: the published +19 points, significant', () => {
    const bond = byId.get('g-bond')!;
    expect(bond.value.kind).toBe('points');
    if (bond.value.kind !== 'points') return;
    expect(bond.value.diff).toBe(findings.get('G5')!.share! - findings.get('G1')!.share!);
    expect(headlineFigure(bond, 'en')).toEqual({ main: '+19', unit: 'points' });
    expect(bond.value.pValue).toBeLessThan(0.001);
  });

  it('names exactly the data types the findings classify as OK and as no-go', () => {
    const itemsOf = (claim: string) => [...(findings.get(claim)!.claim.metric.items ?? [])].sort();
    const labelsOf = (claim: string) => itemsOf(claim).map((id) => loadReferenceDataset('study-g').items.get(id)!.item.label.en).sort();
    expect(byId.get('g-ok-types')!.bars.map((b) => b.label.en).sort()).toEqual(labelsOf('G2'));
    expect(byId.get('g-nogo-types')!.bars.map((b) => b.label.en).sort()).toEqual(labelsOf('G3'));
    expect(byId.get('g-nogo-types')!.bars.every((b) => b.share > 0.5)).toBe(true);
  });

  it('shows the time-pressed advantage of G9 with the same shares as /findings', () => {
    const context = byId.get('g-context')!;
    const check = findings.get('G9')!.checks[0].label; // "pressed 49.9% > relaxed 42.1% (p = ...)"
    expect(check).toContain(`pressed ${(100 * context.bars[0].share).toFixed(1)}%`);
    expect(check).toContain(`relaxed ${(100 * context.bars[1].share).toFixed(1)}%`);
  });
});

describe('study P headlines', () => {
  it('leads with the 48% who left a website, beside the 40% of the year before', () => {
    const left = summaries['study-p'].headlines[0];
    expect(left.id).toBe('p-left');
    expect(headlineFigure(left, 'nl').main).toBe('48%');
    expect(left.bars.map((b) => b.claimId)).toEqual(['P1b', 'P1']);
  });
});

describe('an upload whose codebook supports only part of the headlines', () => {
  const codebook = readCodebookFile(path.join(process.cwd(), 'data', 'study-g.codebook.json'));
  const csv = readFileSync(path.join(process.cwd(), 'data', 'study-g.csv'), 'utf8');

  it('omits the headlines it cannot compute and says why', () => {
    const withoutBond: Codebook = { ...codebook, id: 'upload-no-bond', attributes: codebook.attributes.filter((a) => a.id !== 'bond') };
    const summary = buildSummary(loadSurveyFromCsv(withoutBond, csv), { registry });
    expect(summary.headlineSet).toBe('G');
    expect(summary.omitted.map((o) => o.id)).toEqual(['g-bond']);
    expect(summary.omitted[0].reason).toMatch(/bond/);
    expect(summary.headlines.map((h) => h.id)).toContain('g-acceptance');
    expect(summary.headlines.every((h) => h.link.href.includes('dataset=upload-no-bond'))).toBe(true);
    expect(summary.takeaways.some((t) => t.dimension.id === 'bond')).toBe(false);
  });

  it('falls back to generic headlines for a codebook of neither study style', () => {
    const dataTypesOnly: Codebook = {
      ...codebook,
      id: 'own-survey',
      studyStyle: 'custom',
      families: codebook.families.filter((f) => f.id === 'dataType'),
      items: codebook.items.filter((it) => it.family === 'dataType' && it.meta.tier !== 'nogo'),
    };
    const summary = buildSummary(loadSurveyFromCsv(dataTypesOnly, csv), { registry });
    // The OK-types headline still computes; the G claims on scenarios do not.
    expect(summary.headlines.map((h) => h.id)).toEqual(['g-ok-types']);
    const generic = buildSummary(loadSurveyFromCsv({ ...dataTypesOnly, items: dataTypesOnly.items.filter((it) => it.meta.tier === 'grey') }, csv), { registry });
    expect(generic.headlineSet).toBe('generic');
    expect(generic.headlines.map((h) => h.id)).toEqual(['all-items', 'top-item', 'bottom-item']);
  });
});

describe('takeaways with nothing significant', () => {
  it('reports none when no difference passes the test', () => {
    const codebook: Codebook = {
      id: 'flat',
      title: { en: 'Flat', nl: 'Vlak' },
      studyStyle: 'custom',
      synthetic: false,
      respondentId: 'id',
      attributes: [{ id: 'group', column: 'group', label: { en: 'Group', nl: 'Groep' }, kind: 'categorical', codes: ['a', 'b'].map((c) => ({ code: c, label: { en: c, nl: c } })) }],
      scales: [{ id: 'yn', label: { en: 'Yes/no', nl: 'Ja/nee' }, codes: ['yes', 'no'].map((c) => ({ code: c, label: { en: c, nl: c } })), positive: ['yes'] }],
      families: [{ id: 'q', label: { en: 'Questions', nl: 'Vragen' } }],
      itemDimensions: [],
      items: ['q1', 'q2'].map((id) => ({ id, column: id, label: { en: id, nl: id }, family: 'q', scale: 'yn', meta: {} })),
    };
    // Both groups answer identically: every share is 50%.
    const rows = Array.from({ length: 200 }, (_, i) => `${i},${i % 2 ? 'a' : 'b'},${i % 4 < 2 ? 'yes' : 'no'},${i % 4 < 2 ? 'no' : 'yes'}`);
    const summary = buildSummary(loadSurveyFromCsv(codebook, `id,group,q1,q2\n${rows.join('\n')}\n`), { registry });
    expect(summary.headlineSet).toBe('generic');
    expect(summary.takeaways).toEqual([]);
    expect(summary.comparisonsTested).toBeGreaterThan(0);
    expect(summary.synthetic).toBe(false);
  });
});

describe('formatting', () => {
  it('writes Dutch with a decimal comma and English with a point', () => {
    const g1 = summaries['study-g'].headlines[0];
    expect(headlineFootnote(g1, summaries['study-g'], 'nl')).toMatch(/95%-interval \d\d,\d%–\d\d,\d%/);
    expect(headlineFootnote(g1, summaries['study-g'], 'en')).toMatch(/95% interval \d\d\.\d%–\d\d\.\d%/);
    expect(headlineFootnote(g1, summaries['study-g'], 'en')).toContain('4,000 respondents');
    expect(headlineFootnote(g1, summaries['study-g'], 'nl')).toContain('4.000 respondenten');
    expect(signedPoints(0.1903, 'nl')).toBe('+19,0');
    expect(signedPoints(-0.05, 'en', 0)).toBe('−5');
    const range = summaries['study-g'].headlines.find((h) => h.id === 'g-ok-types')!;
    expect(headlineFigure(range, 'en').main).toBe('64–70%');
  });

  it('joins lists and adds the language to links', () => {
    expect(listLabel([{ en: 'Gender', nl: 'Geslacht' }, { en: 'Age', nl: 'Leeftijd' }, { en: 'Photos', nl: 'Foto’s' }])).toEqual({ en: 'gender, age and photos', nl: 'geslacht, leeftijd en foto’s' });
    expect(withLang(exploreHref('study-g', 'bond', { bond: ['strong'] }), 'nl')).toBe('/explore?dataset=study-g&view=bond&bond=strong&lang=nl');
    expect(withLang('/findings#claim-P1', 'nl')).toBe('/findings?lang=nl#claim-P1');
    expect(withLang('/findings', 'en')).toBe('/findings');
  });
});

describe('the exports', () => {
  it('writes every headline figure into the PDF, in Dutch with decimal commas', async () => {
    for (const summary of Object.values(summaries)) {
      const bytes = await summaryPdf(summary, 'nl');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      const text = (await parser.getText()).text;
      await parser.destroy();
      for (const h of summary.headlines) expect(text).toContain(headlineFigure(h, 'nl').main);
      for (const bar of summary.headlines[0].bars) expect(text).toContain(precise(bar.share, 'nl'));
      expect(text).toContain('Synthetische data');
      expect(text).toContain('Belangrijkste conclusies');
    }
  });

  it('makes a deck of a title slide, one slide per headline and a methods slide', async () => {
    for (const summary of Object.values(summaries)) {
      const zip = await JSZip.loadAsync(await summaryPptx(summary, 'en'));
      const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      expect(slides.length).toBe(summary.headlines.length + 2);
      const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
      expect(charts.length).toBe(summary.headlines.length);
      const second = await zip.file('ppt/slides/slide2.xml')!.async('string');
      expect(second).toContain(headlineFigure(summary.headlines[0], 'en').main);
    }
  });
});
