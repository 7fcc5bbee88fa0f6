import { describe, expect, it } from 'vitest';
import { ownSurveyCodebook } from '../ingest/testing/ownSurvey';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import type { Attribute, Codebook } from '../survey/codebook';
import { bondAttribute, bondEnds } from './bond';

const attribute = (id: string, en: string, nl = en, codes = ['low', 'high']): Attribute => ({ id, column: id, label: { en, nl }, kind: 'categorical', codes: codes.map((code) => ({ code, label: { en: code, nl: code } })) });
const withAttributes = (attributes: Attribute[]): Codebook => ({ ...ownSurveyCodebook(), attributes });

describe('the bond attribute', () => {
  it('is study G’s bond, with weak to strong bands', () => {
    const bond = bondAttribute(loadReferenceDataset('study-g').codebook)!;
    expect(bond.id).toBe('bond');
    expect(bondEnds(bond)).toEqual({ weakest: 'weak', strongest: 'strong' });
  });

  it('is an own codebook’s attribute named as a bond, in English or Dutch', () => {
    expect(bondAttribute(ownSurveyCodebook())!.id).toBe('brand_bond');
    expect(bondAttribute(withAttributes([attribute('q7', 'Q7', 'Emotionele band met het merk')]))!.id).toBe('q7');
    expect(bondAttribute(withAttributes([attribute('emotional_tie', 'Tie')]))!.id).toBe('emotional_tie');
  });

  it('is none where nothing is named so, or the only such attribute has a single level', () => {
    // "age_band" and "band" alone are not a bond; nor is trust.
    expect(bondAttribute(withAttributes([attribute('age_band', 'Age band'), attribute('trust', 'Trust in the brand')]))).toBeNull();
    expect(bondAttribute(withAttributes([attribute('bond', 'Bond', 'Band', ['all'])]))).toBeNull();
    expect(bondAttribute(loadReferenceDataset('study-p').codebook)).toBeNull();
  });

  it('reads a categorical attribute’s levels in the order listed', () => {
    expect(bondEnds(attribute('bond', 'Bond', 'Band', ['none', 'some', 'deep']))).toEqual({ weakest: 'none', strongest: 'deep' });
  });
});
