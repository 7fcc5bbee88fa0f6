import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurveyFromCsv } from '../survey/dataset';
import { loadFindingsRegistry } from './registry';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { findingsForDataset, missingForClaim } from './applicability';
import { reproduceAll } from './reproduce';

const registry = loadFindingsRegistry();
const claim = (id: string) => registry.claims.find((c) => c.id === id)!;

/** Study G's first `rows` respondents with a codebook that lacks trust and the photos item: an upload of a cut-down survey. */
function cutDownG(rows: number) {
  const g = loadReferenceDataset('study-g');
  const codebook = {
    ...g.codebook,
    id: 'cut-down',
    synthetic: false,
    attributes: g.codebook.attributes.filter((a) => a.id !== 'trust'),
    items: g.codebook.items.filter((it) => it.id !== 'dt_photos'),
  };
  const csv = readFileSync(path.join(process.cwd(), 'data', 'study-g.csv'), 'utf8').split('\n').slice(0, rows + 1);
  const header = csv[0].split(',');
  const keep = header.map((h, i) => (h === 'trust' || h === 'dt_photos' ? -1 : i)).filter((i) => i >= 0);
  const text = csv.map((line) => keep.map((i) => line.split(',')[i]).join(',')).join('\n');
  return loadSurveyFromCsv(codebook, text);
}

describe('which published claims a dataset can answer', () => {
  it('study G answers every G claim, with the same result as the reference reproduction, and skips every P claim', () => {
    const g = loadReferenceDataset('study-g');
    const { results, skipped } = findingsForDataset(registry, g);
    expect(results.map((r) => r.claim.study)).toEqual(results.map(() => 'G'));
    expect(skipped.map((s) => s.claim.study)).toEqual(skipped.map(() => 'P'));
    expect(results.length + skipped.length).toBe(registry.claims.length);
    const reference = reproduceAll(registry, loadReferenceDataset).filter((r) => r.claim.study === 'G');
    expect(results.map((r) => [r.claim.id, r.computed, r.reproduced])).toEqual(reference.map((r) => [r.claim.id, r.computed, r.reproduced]));
    expect(skipped.find((s) => s.claim.id === 'P1')!.reasons).toEqual([
      {
        en: 'no question matching study P’s “Left a website and bought elsewhere because the experience was poorly curated”',
        nl: 'geen vraag die past bij “Website verlaten en elders gekocht omdat de ervaring slecht was samengesteld” van onderzoek P',
      },
      { en: 'no respondent attribute like study P’s “wave”', nl: 'geen kenmerk van respondenten zoals “meting” van onderzoek P' },
    ]);
  });

  it('a cut-down G survey: claims needing trust or photos are skipped with the reason, the others evaluated on its data', () => {
    const data = cutDownG(1500);
    const { results, skipped } = findingsForDataset(registry, data);
    const reasons = Object.fromEntries(skipped.map((s) => [s.claim.id, s.reasons.map((r) => r.en).join('; ')]));
    expect(reasons.G6).toBe('no respondent attribute like study G’s “trust in the brand”');
    expect(reasons.G7b).toBe('no respondent attribute like study G’s “trust in the brand”');
    expect(reasons.G3).toBe('no question matching study G’s “Photos on your phone”');
    expect(reasons.G13).toBe('no question matching study G’s “Photos on your phone”');
    expect(results.map((r) => r.claim.id)).toEqual(['G1', 'G2', 'G4', 'G5', 'G7a', 'G8', 'G9', 'G10', 'G11', 'G12']);
    const g1 = results.find((r) => r.claim.id === 'G1')!;
    expect(g1.error).toBeUndefined();
    expect(g1.respondents).toBe(1500);
  });

  it('names wrong codes, not only missing columns', () => {
    const g = loadReferenceDataset('study-g');
    const renamed = { ...g, attributes: new Map(g.attributes), codebook: g.codebook };
    const bond = g.attributes.get('bond')!;
    renamed.attributes.set('bond', { ...bond, levels: bond.levels.map((l) => (l.code === 'strong' ? { ...l, code: 'high' } : l)) });
    expect(missingForClaim(claim('G5'), renamed)).toEqual([{ en: '“Emotional bond with the brand” has no level “Strong (4-5)”', nl: '“Emotionele band met het merk” heeft geen niveau “Sterk (4-5)”' }]);
    expect(missingForClaim(claim('G8'), renamed).map((r) => r.en)).toEqual(['“Emotional bond with the brand” has no level “Strong (4-5)”']);
    expect(missingForClaim(claim('G9'), g)).toEqual([]);
  });

  it('an upload that matches no template: every reason in words, in English and Dutch, no id or code of the study', () => {
    const own = loadSurveyFromCsv(ownSurveyCodebook(), ownSurveyFiles().a.csv);
    const { results, skipped } = findingsForDataset(registry, own);
    // Its scenario family answers the pooled G1; everything else is skipped.
    expect(results.map((r) => r.claim.id)).toEqual(['G1']);
    expect(skipped).toHaveLength(registry.claims.length - 1);
    const reasons = Object.fromEntries(skipped.map((s) => [s.claim.id, s.reasons]));
    expect(reasons.G9).toEqual([
      { en: 'no questions described by their situation (such as “Time-pressed, attention-demanding” and “Calm and relaxed”)', nl: 'geen vragen beschreven naar situatie (zoals “Gehaast, situatie die aandacht vraagt” en “Kalm en ontspannen”)' },
    ]);
    expect(reasons.G12.map((r) => r.en)).toEqual(['“Gender” has no levels “Women” and “Men”', 'no respondent attribute like study G’s “age”', 'no respondent attribute like study G’s “young children”']);
    const ids = new Set(registry.claims.flatMap((c) => [...(c.metric.items ?? []), ...Object.keys(c.metric.filter ?? {}), c.metric.family ?? '']).filter((id) => id.includes('_')));
    for (const reason of skipped.flatMap((s) => s.reasons)) {
      expect(reason.nl).not.toBe(reason.en);
      for (const id of ids) {
        expect(reason.en).not.toContain(`“${id}”`);
        expect(reason.nl).not.toContain(`“${id}”`);
      }
    }
  });
});
