import { signedPoints } from '../i18n/numbers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { referenceFindings } from '../findings/cachedResults';
import type { ClaimResult } from '../findings/claims';
import { loadFindingsRegistry } from '../findings/registry';
import { loadReferenceDataset, readCodebookFile } from '../storage/referenceDatasets';
import type { Codebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { acceptance, rankedCells } from '../analysis/acceptance';
import { datasetCatalog, uploadCatalog } from '../explore/catalog';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { buildSummary } from './build';
import { comparisonLine, headlineFigure, headlineFootnote, respondentsLine, precise } from './format';
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

  it('states one bond comparison: the strongest against the weakest bond, the same numbers in its figure, line, footnote and key takeaway', () => {
    const bond = byId.get('g-bond')!;
    const comparison = bond.comparison!;
    expect([comparison.top.level, comparison.bottom.level]).toEqual(['strong', 'weak']);
    // The strong band is the published G5, as /findings computes it.
    expect(comparison.top.share).toBe(findings.get('G5')!.share);
    expect(comparison.top.respondents).toBe(findings.get('G5')!.respondents);
    const weak = acceptance(loadReferenceDataset('study-g'), { family: 'scenario', by: ['bond'] }).cells.find((c) => c.key.bond === 'weak')!;
    expect(comparison.bottom.share).toBe(weak.share);
    expect(bond.value).toEqual({ kind: 'points', diff: comparison.top.share - comparison.bottom.share, pValue: comparison.pValue });
    expect(comparison.pValue).toBeLessThan(0.001);
    expect(headlineFigure(bond, 'en')).toEqual({ main: '+35.6', unit: 'points' });
    expect(comparisonLine(comparison, 'en')).toBe('Emotional bond with the brand: Strong (4-5) 65.0%, Weak (1-2) 29.4%: 35.6 points more');
    expect(comparisonLine(comparison, 'nl')).toBe('Emotionele band met het merk: Sterk (4-5) 65,0%, Zwak (1-2) 29,4%: 35,6 procentpunt meer');
    expect(headlineFootnote(bond, summary, 'en')).toMatch(/^Strong \(4-5\) 65\.0% \(n = 1,413\) against Weak \(1-2\) 29\.4% \(n = [\d,]+\): design-based t test, p < 0\.001/);
    // The key takeaway on the bond is this very comparison.
    const takeaway = summary.takeaways.find((t) => t.dimension.id === 'bond')!;
    expect(takeaway).toMatchObject({ diff: comparison.diff, pValue: comparison.pValue, top: { share: comparison.top.share, respondents: comparison.top.respondents }, bottom: { share: comparison.bottom.share, respondents: comparison.bottom.respondents } });
    expect(signedPoints(takeaway.diff, 'en')).toBe(headlineFigure(bond, 'en').main);
  });

  it('states the time-pressed advantage as the key takeaways would: one comparison, one set of numbers', () => {
    const context = byId.get('g-context')!;
    const comparison = context.comparison!;
    expect([comparison.top.level, comparison.bottom.level]).toEqual(['pressed', 'relaxed']);
    expect(context.value).toMatchObject({ kind: 'points', diff: comparison.diff });
    expect(context.test).toMatchObject({ high: comparison.top, low: comparison.bottom, pValue: comparison.pValue });
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
    expect(summary.omitted[0].reason).toEqual({
      en: 'no respondent attribute like study G’s “emotional bond with the brand”',
      nl: 'geen kenmerk van respondenten zoals “emotionele band met het merk” van onderzoek G',
    });
    expect(summary.headlines.map((h) => h.id)).toContain('g-acceptance');
    expect(summary.headlines.every((h) => h.link.href.includes('dataset=upload-no-bond'))).toBe(true);
    expect(summary.takeaways.some((t) => t.dimension.id === 'bond')).toBe(false);
  });

  it('gives a codebook of neither study style the generic headlines, even where study G’s would compute', () => {
    const dataTypesOnly: Codebook = {
      ...codebook,
      id: 'own-survey',
      studyStyle: 'custom',
      families: codebook.families.filter((f) => f.id === 'dataType'),
      items: codebook.items.filter((it) => it.family === 'dataType' && it.meta.tier !== 'nogo'),
    };
    const summary = buildSummary(loadSurveyFromCsv(dataTypesOnly, csv), { registry });
    expect(summary.headlineSet).toBe('generic');
    // Its emotional bond gets the bond headline, on its one question group.
    expect(summary.headlines.map((h) => h.id)).toEqual(['family-dataType', 'bond']);
    expect(summary.headlines[0].link.href).toBe('/explore?dataset=own-survey&view=items&family=dataType');
  });

  it('a G-style upload that supports none of study G’s headlines: generic ones, and G’s left out with reasons in words', () => {
    const noScenarios: Codebook = { ...codebook, id: 'g-style', families: codebook.families.filter((f) => f.id === 'dataType'), items: codebook.items.filter((it) => it.meta.tier === 'grey') };
    const summary = buildSummary(loadSurveyFromCsv(noScenarios, csv), { registry });
    expect(summary.headlineSet).toBe('generic');
    expect(summary.headlines.map((h) => h.id)).toEqual(['family-dataType', 'bond']);
    expect(summary.omitted.map((o) => o.id)).toEqual(['g-acceptance', 'g-bond', 'g-ok-types', 'g-nogo-types', 'g-context', 'g-segments']);
    for (const o of summary.omitted) {
      expect(o.reason.en).not.toMatch(/unknown|"|dt_|sc_/);
      expect(o.reason.nl).not.toBe(o.reason.en);
    }
  });

  it('links a study headline whose explorer view the dataset lacks to a view it has', () => {
    // Without situation, place and industry the context view is not offered; the headlines that would
    // link there are left out or link elsewhere.
    const noContext: Codebook = { ...codebook, id: 'no-context', itemDimensions: codebook.itemDimensions.filter((d) => !['situation', 'place', 'industry'].includes(d.id)), items: codebook.items.map((it) => ({ ...it, meta: Object.fromEntries(Object.entries(it.meta).filter(([k]) => !['situation', 'place', 'industry'].includes(k))) })) };
    const summary = buildSummary(loadSurveyFromCsv(noContext, csv), { registry });
    const views = datasetCatalog(noContext).views;
    expect(views).not.toContain('context');
    for (const h of summary.headlines) if (h.link.kind === 'explore') expect(views).toContain(new URLSearchParams(h.link.href.split('?')[1]).get('view'));
  });
});

describe('the summary of an upload that matches no template', () => {
  const files = ownSurveyFiles();
  const own = buildSummary(loadSurveyFromCsv(ownSurveyCodebook(), files.a.csv), { registry });

  it('one headline per question group: its positive share with base and interval, the most and least accepted item, the largest significant difference', () => {
    expect(own.headlineSet).toBe('generic');
    expect(own.omitted).toEqual([]);
    expect(own.headlines.map((h) => h.id)).toEqual(['family-acceptability', 'family-scenario', 'family-trust', 'family-channels', 'bond']);
    const data = loadSurveyFromCsv(ownSurveyCodebook(), files.a.csv);
    const catalog = uploadCatalog(ownSurveyCodebook(), 'own');
    for (const h of own.headlines.filter((h) => h.id.startsWith('family-'))) {
      const family = h.scope!.family!;
      const overall = acceptance(data, { family }).overall;
      expect(h.value).toEqual({ kind: 'share', share: overall.share });
      expect(h.bars[0]).toMatchObject({ share: overall.share, respondents: overall.respondents, ci: overall.ci, tone: 'focus' });
      const ranked = rankedCells(acceptance(data, { family, by: ['item'] }));
      expect(h.bars[1]).toMatchObject({ label: ranked[0].labels.item, share: ranked[0].share, tone: 'ok' });
      expect(h.bars[2]).toMatchObject({ label: ranked[ranked.length - 1].labels.item, share: ranked[ranked.length - 1].share, tone: 'nogo' });
      expect(h.difference!.pAdjusted).toBeLessThan(0.05);
      expect(h.difference!.tested).toBe(5);
      expect(h.difference!.high.respondents).toBeGreaterThanOrEqual(30);
      // Both languages, in words, the base and interval, the difference with its bases.
      for (const locale of ['en', 'nl'] as const) {
        expect(h.title[locale]).toMatch(/“/);
        expect(h.soWhat[locale]).toContain(ranked[0].labels.item[locale].slice(0, 20));
        const foot = headlineFootnote(h, own, locale);
        expect(foot).toMatch(locale === 'en' ? /Base: 2,1\d\d respondents .* 95% interval .* Largest difference, .* \(n = [\d,]+\) against .* \(n = [\d,]+\)/ : /Basis: 2\.1\d\d respondenten .* 95%-interval .* Grootste verschil, .* \(n = [\d.]+\) tegenover/);
      }
      // "See the chart" goes to the family's items view, which the upload has.
      expect(h.link).toEqual({ kind: 'explore', href: `/explore?dataset=own-survey&view=items&family=${family}` });
      expect(catalog.views).toContain('items');
    }
    // Brand bond: the bands' labels, never the raw scale values.
    expect(own.headlines[0].difference!.dimension.en).toBe('Brand bond');
    expect([own.headlines[0].difference!.high.label.en, own.headlines[0].difference!.low.label.en]).toEqual(['Strong (4-5)', 'Weak (1-2)']);
    expect(own.headlines[0].bars.slice(3).map((b) => b.label.en)).toEqual(['Brand bond: Strong (4-5)', 'Brand bond: Weak (1-2)']);
    expect(own.takeaways.length).toBeGreaterThan(0);
  });

  it('has the bond headline on its brand bond: strongest against weakest on its scenarios, as the explorer’s groups view and the takeaways show it', () => {
    const bond = own.headlines.find((h) => h.id === 'bond')!;
    const comparison = bond.comparison!;
    expect(comparison.dimension.id).toBe('brand_bond');
    expect([comparison.top.level, comparison.bottom.level]).toEqual(['strong', 'weak']);
    const data = loadSurveyFromCsv(ownSurveyCodebook(), files.a.csv);
    // The groups view's bars: the scenario group pooled, by brand bond.
    const cells = acceptance(data, { family: 'scenario', by: ['brand_bond'] }).cells;
    expect(comparison.top.share).toBe(cells.find((c) => c.key.brand_bond === 'strong')!.share);
    expect(comparison.bottom.share).toBe(cells.find((c) => c.key.brand_bond === 'weak')!.share);
    expect(bond.link).toEqual({ kind: 'explore', href: '/explore?dataset=own-survey&view=groups&family=scenario&by=brand_bond' });
    expect(bond.title.en).toBe('more positive answers on “Scenario” when brand bond is strong (4-5) than when it is weak (1-2)');
    expect(bond.title.nl).toBe('meer positieve antwoorden over “Scenario” als brand bond sterk (4-5) is dan als die zwak (1-2) is');
    const takeaway = own.takeaways.find((t) => t.dimension.id === 'brand_bond' && t.scope.en === 'Scenario')!;
    expect(takeaway).toMatchObject({ diff: comparison.diff, top: { share: comparison.top.share }, bottom: { share: comparison.bottom.share } });
  });

  it('has no bond headline, and says nothing of one, without a bond attribute', () => {
    const codebook = ownSurveyCodebook();
    const noBond = { ...codebook, attributes: codebook.attributes.filter((a) => a.id !== 'brand_bond') };
    const summary = buildSummary(loadSurveyFromCsv(noBond, files.a.csv), { registry });
    expect(summary.headlines.map((h) => h.id)).toEqual(['family-acceptability', 'family-scenario', 'family-trust', 'family-channels']);
    expect(summary.omitted).toEqual([]);
  });

  it('caps the headlines at six question groups and names the others', () => {
    const codebook = ownSurveyCodebook();
    // Every item its own family: 29 groups.
    const many = { ...codebook, families: codebook.items.map((it) => ({ id: it.id, label: it.label })), items: codebook.items.map((it) => ({ ...it, family: it.id })) };
    const summary = buildSummary(loadSurveyFromCsv(many, files.a.csv), { registry, minBase: 30 });
    // Six question groups, and the brand bond's headline after them.
    expect(summary.headlines.map((h) => h.id).slice(6)).toEqual(['bond']);
    expect(summary.headlines).toHaveLength(7);
    expect(summary.omitted).toHaveLength(codebook.items.length - 6);
    expect(summary.omitted[0].reason.en).toContain('the explorer shows every group');
    // A one-question group reads as that question.
    expect(summary.headlines[0].title.en).toBe('of the answers to “Your current location” are positive');
  });

  it('exports as PDF and slides, in both languages', async () => {
    for (const locale of ['en', 'nl'] as const) {
      const bytes = await summaryPdf(own, locale);
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      const text = (await parser.getText()).text;
      await parser.destroy();
      for (const h of own.headlines) expect(text).toContain(headlineFigure(h, locale).main);
      expect(text).not.toContain('Synthetic');
      const zip = await JSZip.loadAsync(await summaryPptx(own, locale));
      expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(own.headlines.length + 2);
    }
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

  it("says study P's figures are its 2018 wave, not the whole file's 16,000", () => {
    // The generator writes 8,000 respondents per edition (data/generate); the claims filter to 2018.
    expect(summaries['study-p'].figuresWave).toEqual({ label: { en: '2018', nl: '2018' }, respondents: 8000, waves: 2 });
    expect(respondentsLine(summaries['study-p'], 'en')).toBe('8,000 respondents in 2018 (16,000 in 2 waves)');
    expect(respondentsLine(summaries['study-p'], 'nl')).toBe('8.000 respondenten in 2018 (16.000 in 2 metingen)');
    expect(respondentsLine(summaries['study-g'], 'en')).toBe('4,000 respondents');
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
