import { describe, expect, it } from 'vitest';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import type { SurveyData } from '../survey/dataset';
import { loadSurveyFromCsv } from '../survey/dataset';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { planFor } from './planner';
import { guidelineGaps, plannerFields, tacticsSource } from './plannerSupport';

const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');
const own = loadSurveyFromCsv(ownSurveyCodebook(), ownSurveyFiles().a.csv);

/** Study G with a changed codebook (the columns stay; only what the planner reads changes). */
function variant(change: (codebook: SurveyData['codebook']) => SurveyData['codebook'], attributes = g.attributes): SurveyData {
  return { ...g, codebook: change(structuredClone(g.codebook)), attributes };
}

describe('what the planner offers on a dataset', () => {
  it('study G: every attribute (bond and trust by band) and the moment dimensions, not the published tier', () => {
    const fields = plannerFields(g);
    expect(fields.audience.map((f) => f.id)).toEqual(['country', 'gender', 'age_band', 'young_children', 'bond', 'trust']);
    expect(fields.audience.find((f) => f.id === 'bond')!.options.map((o) => o.label.en)).toEqual(['Weak (1-2)', 'Neutral (3)', 'Strong (4-5)']);
    expect(fields.moment.map((f) => f.id)).toEqual(['situation', 'place', 'industry']);
  });

  it('study P: its attributes, no moment', () => {
    expect(plannerFields(p)).toMatchObject({ moment: [] });
    expect(plannerFields(p).audience.map((f) => f.id)).toEqual(['wave', 'country', 'gender', 'age_band']);
  });

  it('an upload that matches no template: its attributes with their labels, age by its bands', () => {
    const fields = plannerFields(own);
    expect(fields.audience.map((f) => [f.id, f.label.en])).toEqual([['country', 'Country'], ['gender', 'Gender'], ['age', 'Age'], ['education', 'Education'], ['brand_bond', 'Brand bond']]);
    expect(fields.audience.find((f) => f.id === 'age')!.options.map((o) => o.code)).toEqual(['18-29', '30-44', '45-59', '60+']);
    expect(fields.moment).toEqual([]);
  });

  it('offers only moment values some item has', () => {
    const noRelaxed = variant((c) => ({ ...c, items: c.items.filter((it) => it.meta.situation !== 'relaxed') }));
    expect(plannerFields(noRelaxed).moment.find((f) => f.id === 'situation')!.options.map((o) => o.code)).toEqual(['pressed']);
  });
});

describe('where the creepy tactics come from', () => {
  it("study P's own, study P's for study G (shared gender and age), none for an upload sharing no attribute with study P", () => {
    expect(tacticsSource(p, p.attributes)).toBe('own');
    expect(tacticsSource(g, p.attributes)).toBe('study-p');
    expect(tacticsSource(own, p.attributes)).toBeNull();
    expect(tacticsSource(g, null)).toBeNull();
  });
});

describe('what the five guidelines need from a dataset', () => {
  it('study G has everything, and planFor shows them', () => {
    expect(guidelineGaps(g)).toEqual([]);
    expect(planFor(g, p, { audience: {}, moment: {} }).guidelines).toHaveLength(5);
  });

  it('study P and an upload lack scenarios, data types and the bond: no guidelines, and the rest of the answer stands', () => {
    const needs = ['rated scenarios', 'rated data types', 'the emotional bond with the brand, with a strong band'];
    expect(guidelineGaps(p).map((l) => l.en)).toEqual(needs);
    // The upload has a "scenario" family, but its scenarios have no situation, place or industry.
    expect(guidelineGaps(own).map((l) => l.en)).toEqual([
      'scenarios in time-pressed and in relaxed situations',
      'scenarios in public and in private places',
      'scenarios in banking and in clothing',
      'rated data types',
      'the emotional bond with the brand, with a strong band',
    ]);
    expect(planFor(own, p, { audience: {}, moment: {} }).guidelines).toBeNull();
  });

  it('names a missing context value that the guidelines compare', () => {
    const noRelaxed = variant((c) => ({ ...c, items: c.items.filter((it) => it.meta.situation !== 'relaxed') }));
    expect(guidelineGaps(noRelaxed).map((l) => l.en)).toEqual(['scenarios in time-pressed and in relaxed situations']);
    expect(planFor(noRelaxed, p, { audience: {}, moment: {} }).guidelines).toBeNull();
  });

  it('names a missing bond attribute', () => {
    const attributes = new Map(g.attributes);
    attributes.delete('bond');
    const noBond = variant((c) => ({ ...c, attributes: c.attributes.filter((a) => a.id !== 'bond') }), attributes);
    expect(guidelineGaps(noBond).map((l) => l.en)).toEqual(['the emotional bond with the brand, with a strong band']);
  });
});
