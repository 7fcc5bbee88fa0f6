import { describe, expect, it } from 'vitest';
import { shownDifference, shownSide } from './comparisonDisplay';
import { compareSides, type ComparisonSide } from './comparisonRow';

/**
 * The small-base rule as the pages show it: the case, a 3-respondent upload beside a
 * reference of thousands, must not read "+32.0 pp, 30.4 to 33.6, p < 0.001".
 */
const side = (share: number, se: number, respondents: number, minBase: number): ComparisonSide => ({
  share,
  se,
  ci: respondents < minBase ? null : { lower: share - 0.02, upper: share + 0.02 },
  respondents,
  ratings: respondents,
  sumWeights: respondents,
  effectiveBase: respondents,
  smallBase: respondents < minBase,
});
const names: [{ en: string; nl: string }, { en: string; nl: string }] = [
  { en: 'NL panel', nl: 'NL-panel' },
  { en: 'Study G', nl: 'Onderzoek G' },
];

describe('a 3-respondent upload beside study G', () => {
  const upload = side(1, 0, 3, 30);
  const reference = side(0.68, 0.008, 4000, 30);
  const compared = compareSides(upload, reference, 4000);

  it('the difference has no interval, p-value or mark: its value greyed with the reason', () => {
    const shown = shownDifference(compared, [upload, reference], names, 30);
    expect(shown).toEqual({
      value: compared.gap,
      interval: null,
      pValue: null,
      pAdjusted: null,
      mark: null,
      greyed: true,
      reason: { en: '3 respondents in NL panel, under the minimum base of 30', nl: '3 respondenten in NL-panel, onder de minimale basis van 30' },
    });
    expect(shown.value).toBeCloseTo(0.32, 12);
  });

  it('the small side’s share is greyed with no interval; the large side keeps its interval', () => {
    expect(shownSide(upload, 30)).toEqual({ share: 1, interval: null, greyed: true, reason: { en: '3 respondents, under the minimum base of 30', nl: '3 respondenten, onder de minimale basis van 30' } });
    expect(shownSide(reference, 30)).toEqual({ share: 0.68, interval: reference.ci, greyed: false, reason: null });
  });

  it('both sides small: both named in the reason; one respondent is singular', () => {
    const one = side(1, 0, 1, 30);
    const shown = shownDifference(compareSides(one, upload, 2), [one, upload], names, 30);
    expect(shown.reason!.en).toBe('1 respondent in NL panel, under the minimum base of 30; 3 respondents in Study G, under the minimum base of 30');
    expect(shown.reason!.nl).toBe('1 respondent in NL-panel, onder de minimale basis van 30; 3 respondenten in Onderzoek G, onder de minimale basis van 30');
  });
});

describe('rows at or above the minimum base', () => {
  it('show the test: interval, p-values and a mark only when significant after BH', () => {
    const a = side(0.48, 0.0056, 8000, 30);
    const b = side(0.4, 0.0055, 8000, 30);
    const compared = compareSides(a, b, 15998);
    compared.difference!.pAdjusted = compared.difference!.pValue;
    compared.difference!.significant = true;
    const shown = shownDifference(compared, [a, b], names, 30);
    expect(shown.greyed).toBe(false);
    expect(shown.mark).toBe('higher');
    expect(shown.interval).toEqual(compared.difference!.ci);
    expect(shown.pValue).toBe(compared.difference!.pValue);
    compared.difference!.significant = false;
    expect(shownDifference(compared, [a, b], names, 30).mark).toBeNull();
  });

  it('a side with no rating: nothing to show, and no reason to give', () => {
    const empty: ComparisonSide = { share: null, se: null, ci: null, respondents: 0, ratings: 0, sumWeights: 0, effectiveBase: 0, smallBase: true };
    const b = side(0.4, 0.0055, 8000, 30);
    expect(shownSide(empty, 30)).toEqual({ share: null, interval: null, greyed: false, reason: null });
    expect(shownDifference(compareSides(empty, b, 10), [empty, b], names, 30)).toMatchObject({ value: null, greyed: true, reason: null });
  });
});
