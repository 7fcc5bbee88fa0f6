import { describe, expect, it } from 'vitest';
import { acceptance } from './acceptance';
import { memoAcceptance } from './memo';
import { loadReferenceDataset } from '../storage/referenceDatasets';

describe('memoAcceptance', () => {
  const g = loadReferenceDataset('study-g');
  it('returns the same table as acceptance(), once computed', () => {
    const query = { family: 'scenario', by: ['country'] };
    const first = memoAcceptance(g, query);
    expect(first).toEqual(acceptance(g, query));
    expect(memoAcceptance(g, { family: 'scenario', by: ['country'] })).toBe(first);
    expect(memoAcceptance(g, { family: 'scenario', by: ['gender'] })).not.toBe(first);
  });
});
