import { describe, expect, it } from 'vitest';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import type { SurveyData } from '../survey/dataset';
import { planFor } from './planner';
import { plannerGaps } from './plannerSupport';

const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');

/** Study G with a changed codebook (the columns stay; only what the planner reads changes). */
function variant(change: (codebook: SurveyData['codebook']) => SurveyData['codebook'], attributes = g.attributes): SurveyData {
  return { ...g, codebook: change(structuredClone(g.codebook)), attributes };
}

describe('what the planner needs from a dataset', () => {
  it('study G has everything, and planFor answers on it', () => {
    expect(plannerGaps(g)).toEqual([]);
    expect(() => planFor(g, p, { audience: {}, moment: {} })).not.toThrow();
  });

  it('study P lacks scenarios, data types and the bond', () => {
    expect(plannerGaps(p).map((l) => l.en)).toEqual([
      'rated scenarios (items of the family “scenario”)',
      'rated data types (items of the family “dataType”)',
      'the emotional bond with a “strong” band (attribute “bond”)',
    ]);
  });

  it('names a missing context value that the guidelines compare', () => {
    const noRelaxed = variant((c) => ({ ...c, items: c.items.filter((it) => it.meta.situation !== 'relaxed') }));
    expect(plannerGaps(noRelaxed).map((l) => l.en)).toEqual(['scenarios with situation “relaxed”']);
  });

  it('names a missing bond attribute', () => {
    const attributes = new Map(g.attributes);
    attributes.delete('bond');
    const noBond = variant((c) => ({ ...c, attributes: c.attributes.filter((a) => a.id !== 'bond') }), attributes);
    expect(plannerGaps(noBond).map((l) => l.en)).toEqual(['the emotional bond with a “strong” band (attribute “bond”)']);
  });
});
