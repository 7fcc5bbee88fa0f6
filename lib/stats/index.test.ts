import { describe, expect, it } from 'vitest';
import * as stats from './index';

describe('lib/stats index', () => {
  it('re-exports the whole statistics layer', () => {
    for (const name of [
      'emptySums', 'addObservation', 'sumsOf', 'subtractSums', 'weightedProportion', 'kishEffectiveBase',
      'proportionVariance', 'proportionStandardError', 'clusterVariance', 'wilsonInterval', 'logitInterval',
      'differenceTest', 'groupVsRest', 'benjaminiHochberg',
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
