import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { type Codebook, parseCodebook } from '../survey/codebook';
import { buildSurveyData, loadSurveyFromCsv, parseCsv, type SurveyData } from '../survey/dataset';
import { benchmark } from './benchmark';
import { type ItemChoice, itemChoices, labelSimilarity, proposeCorrespondence, withCorrespondence } from './correspondence';
import { pairingBetween } from './pairing';

const files = ownSurveyFiles({ counts: { NL: 40, DE: 40, UK: 10 } });
const own = (() => {
  const { header, rows } = parseCsv(files.a.csv);
  return buildSurveyData(ownSurveyCodebook(), header, rows);
})();
const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');

const choice = (id: string, en: string, nl = en): ItemChoice => ({ id, label: { en, nl }, family: { id: 'f', label: { en: 'F', nl: 'F' } }, positive: [] });

describe('proposing a correspondence from the labels', () => {
  it('finds study G’s data types for the own survey’s acceptability items, "Your current location" first', () => {
    const proposals = proposeCorrespondence(itemChoices(own), itemChoices(g));
    expect(Object.fromEntries(proposals.map((x) => [x.item, x.reference]))).toEqual({
      acceptability_location: 'dt_current_location',
      acceptability_age: 'dt_age_group',
      acceptability_gender: 'dt_gender',
      acceptability_purchases: 'dt_past_purchases',
      acceptability_browsing: 'dt_websites_visited',
      acceptability_social_likes: 'dt_social_likes',
      acceptability_photos: 'dt_photos',
      acceptability_medical: 'dt_medical_history',
      acceptability_political: 'dt_political_preference',
      acceptability_address: 'dt_address',
      acceptability_birth_date: 'dt_birth_date',
      acceptability_clothing_size: 'dt_clothing_size',
      acceptability_budget: 'dt_spending_budget',
    });
    // Income has no counterpart; scenarios, trust and channels are worded too differently to guess.
    expect(proposals.some((x) => /income|scenario|trust|channels/.test(x.item))).toBe(false);
  });

  it('proposes nothing where nothing matches (the own survey, or study G, against study P)', () => {
    expect(proposeCorrespondence(itemChoices(own), itemChoices(p))).toEqual([]);
    expect(proposeCorrespondence(itemChoices(g), itemChoices(p))).toEqual([]);
  });

  it('pairs one to one, the most alike first, and reads the Dutch labels too', () => {
    const proposals = proposeCorrespondence(
      [choice('u1', 'Your home address'), choice('u2', 'Address'), choice('u3', 'Locatie nu', 'Huidige locatie')],
      [choice('r1', 'Address'), choice('r2', 'Current location', 'Huidige locatie')],
    );
    expect(proposals.map((x) => `${x.item}:${x.reference}`)).toEqual(['u2:r1', 'u3:r2']);
  });

  it('labelSimilarity: stop words, case, accents and plurals do not count', () => {
    expect(labelSimilarity('Your current location', 'Current location')).toBe(1);
    expect(labelSimilarity('Websites you have visited', 'Websites visited')).toBe(1);
    expect(labelSimilarity('Past purchases', 'past purchase')).toBe(1);
    expect(labelSimilarity('Café', 'cafe')).toBe(1);
    expect(labelSimilarity('Your home address', 'Address')).toBeCloseTo(2 / 3, 12);
    expect(labelSimilarity('Your income', 'Insurance data')).toBe(0);
    expect(labelSimilarity('the', 'your')).toBe(0);
  });
});

describe('the codebook with a correspondence', () => {
  it('replaces one reference’s entry, keeps the others, and drops an empty one', () => {
    const base: Codebook = { ...ownSurveyCodebook(), benchmark: { 'study-p': { acceptability_location: 'p5_too_personal' } } };
    const next = withCorrespondence(base, 'study-g', { acceptability_location: 'dt_current_location', acceptability_income: '' });
    expect(next.benchmark).toEqual({ 'study-p': { acceptability_location: 'p5_too_personal' }, 'study-g': { acceptability_location: 'dt_current_location' } });
    expect(parseCodebook(next).ok).toBe(true);
    expect(base.benchmark).toEqual({ 'study-p': { acceptability_location: 'p5_too_personal' } });
    const cleared = withCorrespondence(withCorrespondence(next, 'study-p', {}), 'study-g', {});
    expect('benchmark' in cleared).toBe(false);
  });
});

describe('how two datasets are paired on /compare', () => {
  const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
  const load = (csv: string, codebook: string): SurveyData => {
    const parsed = parseCodebook(JSON.parse(readFileSync(fixture(codebook), 'utf8')));
    if (!parsed.ok) throw new Error('bad codebook');
    return loadSurveyFromCsv(parsed.codebook, readFileSync(fixture(csv), 'utf8'));
  };
  const upload = load('benchmark_upload.csv', 'benchmark_upload.codebook.json');
  const reference = load('benchmark_reference.csv', 'benchmark_reference.codebook.json');
  const mapped = (data: SurveyData, entries: Record<string, Record<string, string>>): SurveyData => ({ ...data, codebook: { ...data.codebook, benchmark: entries } });

  it('by the first one’s correspondence, else the second’s turned around, else the same ids, else through a common reference', () => {
    expect(pairingBetween(mapped(upload, { ref: { q1: 'q2' } }), 'up', reference, 'ref')).toEqual({ pairs: { q1: 'q2' }, source: { kind: 'direct' } });
    expect(pairingBetween(upload, 'up', mapped(reference, { up: { q2: 'q1', s1: 'q1' } }), 'ref')).toEqual({ pairs: { q1: 'q2' }, source: { kind: 'inverse' } });
    expect(pairingBetween(upload, 'up', reference, 'ref')).toEqual({ pairs: undefined, source: { kind: 'id' } });
    // The own survey and study G share no id; both mapped to study P's items, they are paired through them.
    const ownToP = mapped(own, { 'study-p': { acceptability_location: 'p5_too_personal', acceptability_age: 'p6_info_not_shared' } });
    const gToP = mapped(g, { 'study-p': { dt_current_location: 'p5_too_personal' } });
    expect(pairingBetween(ownToP, 'own', gToP, 'study-g')).toEqual({ pairs: { acceptability_location: 'dt_current_location' }, source: { kind: 'reference', reference: 'study-p' } });
    expect(pairingBetween(own, 'own', g, 'study-g')).toEqual({ pairs: undefined, source: { kind: 'none' } });
  });

  it('the own survey benchmarked against study G through the proposal: labels of both, positive answers of both', () => {
    const pairs = Object.fromEntries(proposeCorrespondence(itemChoices(own), itemChoices(g)).map((x) => [x.item, x.reference]));
    const result = benchmark(own, g, { pairs, minBase: 0 });
    expect(result.rows).toHaveLength(13);
    const location = result.rows.find((r) => r.item === 'acceptability_location')!;
    expect([location.label.en, location.referenceLabel.en]).toEqual(['Your current location', 'Current location']);
    expect(location.positive!.upload.map((l) => l.en)).toEqual(['Very acceptable', 'Somewhat acceptable']);
    expect(location.positive!.reference.map((l) => l.en)).toEqual(['OK']);
    expect(result.sharedFamilies.map((f) => f.label.en)).toEqual(['Acceptability']);
  });
});
