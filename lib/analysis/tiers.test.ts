import { describe, expect, it } from 'vitest';
import { classifyTier, negativeCodes } from './tiers';

describe('the not-OK side of an answer scale (negativeCodes)', () => {
  it('mirrors the positive answers at the other end of the scale', () => {
    // Study G's OK / depends / not OK: the last code, as the findings read it.
    expect(negativeCodes(['1', '2', '3'], ['1'])).toEqual(['3']);
    // Top two of five, the scale running up (1 = very negative) or down (1 = very likely).
    expect(negativeCodes(['1', '2', '3', '4', '5'], ['4', '5'])).toEqual(['1', '2']);
    expect(negativeCodes(['1', '2', '3', '4', '5'], ['1', '2'])).toEqual(['4', '5']);
    expect(negativeCodes(['yes', 'no'], ['yes'])).toEqual(['no']);
    expect(negativeCodes(['TRUE', 'FALSE'], ['TRUE'])).toEqual(['FALSE']);
    // More than half positive: the rest, never a positive answer.
    expect(negativeCodes(['1', '2', '3', '4', '5'], ['3', '4', '5'])).toEqual(['1', '2']);
  });

  it('has no not-OK side when the positive answers do not sit at one end', () => {
    expect(negativeCodes(['1', '2', '3', '4', '5'], ['3'])).toEqual([]);
    expect(negativeCodes(['1', '2', '3', '4', '5'], ['1', '5'])).toEqual([]);
    expect(negativeCodes(['1', '2'], ['1', '2'])).toEqual([]);
    expect(negativeCodes(['1', '2'], [])).toEqual([]);
  });
});

describe('classifyTier', () => {
  const cell = (lower: number) => ({ ci: { lower, upper: lower + 0.1 } });
  it('OK when the OK share is surely above half, no-go when the not-OK share is, grey otherwise or without a not-OK side', () => {
    expect(classifyTier(cell(0.51), cell(0.1))).toBe('ok');
    expect(classifyTier(cell(0.1), cell(0.51))).toBe('nogo');
    expect(classifyTier(cell(0.45), cell(0.4))).toBe('grey');
    expect(classifyTier(cell(0.45), null)).toBe('grey');
    expect(classifyTier({ ci: null }, { ci: null })).toBe('grey');
  });
});
