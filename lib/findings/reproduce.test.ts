import { describe, expect, it } from 'vitest';
import { evaluateClaim, roundsTo } from './evaluate';
import { reproduceAll } from './reproduce';
import type { Claim } from './claims';
import { loadFindingsRegistry } from './registry';
import { loadReferenceDataset } from '../storage/referenceDatasets';

const registry = loadFindingsRegistry();

describe('the findings registry on the reference data', () => {
  const results = reproduceAll(registry, loadReferenceDataset);

  it('covers every figure of the brief', () => {
    const ids = registry.claims.map((c) => c.id);
    for (const id of ['P1', 'P1b', 'P2', 'P3', 'P4', 'P5a', 'P5b', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11'])
      expect(ids).toContain(id);
    for (let g = 1; g <= 13; g++) expect(ids.some((id) => new RegExp(`^G${g}[a-z]?$`).test(id))).toBe(true);
  });

  it.each(results.map((r) => [r.claim.id, r] as const))('%s is reproduced', (_id, result) => {
    expect(result.error).toBeUndefined();
    expect(result.checks.filter((c) => !c.ok).map((c) => c.label)).toEqual([]);
    expect(result.reproduced).toBe(true);
  });
});

describe('the rule for "reproduced"', () => {
  it('rounds half up to the published percentage', () => {
    expect(roundsTo(0.4649, 46)).toBe(true);
    expect(roundsTo(0.455, 46)).toBe(true);
    expect(roundsTo(0.4549, 46)).toBe(false);
    expect(roundsTo(0.465, 46)).toBe(false);
  });

  it('fails a share claim whose published value the data do not round to', () => {
    const p1 = registry.claims.find((c) => c.id === 'P1')!;
    const wrong: Claim = { ...p1, metric: { ...p1.metric, kind: 'share', published: 47 } as Claim['metric'] };
    expect(evaluateClaim(wrong, loadReferenceDataset('study-p')).reproduced).toBe(false);
  });

  it('fails an ordering claim turned around', () => {
    const g9 = registry.claims.find((c) => c.id === 'G9')!;
    const reversed: Claim = { ...g9, metric: { kind: 'ordering', family: 'scenario', by: 'situation', pairs: [['relaxed', 'pressed']] } };
    expect(evaluateClaim(reversed, loadReferenceDataset('study-g')).reproduced).toBe(false);
  });

  it('fails a tier claim with the wrong tier', () => {
    const g2 = registry.claims.find((c) => c.id === 'G2')!;
    const wrong: Claim = { ...g2, metric: { kind: 'tier', items: ['dt_gender', 'dt_medical_history'], expected: 'ok' } };
    const result = evaluateClaim(wrong, loadReferenceDataset('study-g'));
    expect(result.reproduced).toBe(false);
    expect(result.checks.map((c) => c.ok)).toEqual([true, false]);
  });

  it('fails the extremes claim when another segment is named top', () => {
    const g12 = registry.claims.find((c) => c.id === 'G12')!;
    const wrong: Claim = { ...g12, metric: { ...(g12.metric as Extract<Claim['metric'], { kind: 'extremes' }>), top: { gender: 'M', age_band: '50+' } } };
    expect(evaluateClaim(wrong, loadReferenceDataset('study-g')).reproduced).toBe(false);
  });

  it('reports an error, not a crash, for a claim on an unknown item', () => {
    const p1 = registry.claims.find((c) => c.id === 'P1')!;
    const broken: Claim = { ...p1, metric: { kind: 'share', items: ['no_such_item'], published: 48 } };
    const result = evaluateClaim(broken, loadReferenceDataset('study-p'));
    expect(result.reproduced).toBe(false);
    expect(result.error).toMatch(/unknown item "no_such_item"/);
  });
});
