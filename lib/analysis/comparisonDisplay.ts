import { formatNumber } from '../i18n/numbers';
import type { Label, Locale } from '../survey/codebook';
import type { Interval } from '../stats/wilsonInterval';
import type { ComparedSides, ComparisonSide } from './comparisonRow';

/**
 * What a comparison's cells show (/benchmark, /compare): a share with its interval, or greyed with
 * the reason when its base is under the minimum; a difference with its interval, p-values and
 * significance mark, or greyed with the reason and none of them when either side is under it.
 * One place, so that no page can show a small base with confidence.
 */

export interface ShownSide {
  share: number | null;
  interval: Interval | null;
  greyed: boolean;
  /** Why it is greyed ("12 respondents, under the minimum base of 30"); null when not. */
  reason: Label | null;
}

export interface ShownDifference {
  value: number | null;
  interval: Interval | null;
  pValue: number | null;
  pAdjusted: number | null;
  mark: 'higher' | 'lower' | null;
  /** No test: either side under the minimum base (or no rating on a side). */
  greyed: boolean;
  reason: Label | null;
}

const respondents = (n: number, locale: Locale) => `${formatNumber(n, locale)} ${n === 1 ? 'respondent' : locale === 'nl' ? 'respondenten' : 'respondents'}`;

function sideReason(side: ComparisonSide, minBase: number, name: Label | null): Label {
  const where = (locale: Locale) => (name ? (locale === 'nl' ? ` in ${name.nl}` : ` in ${name.en}`) : '');
  return {
    en: `${respondents(side.respondents, 'en')}${where('en')}, under the minimum base of ${minBase}`,
    nl: `${respondents(side.respondents, 'nl')}${where('nl')}, onder de minimale basis van ${minBase}`,
  };
}

/** A side's share: with its interval, or greyed with the reason under the minimum base. */
export function shownSide(side: ComparisonSide, minBase: number): ShownSide {
  if (side.share === null) return { share: null, interval: null, greyed: false, reason: null };
  if (side.smallBase) return { share: side.share, interval: null, greyed: true, reason: sideReason(side, minBase, null) };
  return { share: side.share, interval: side.ci, greyed: false, reason: null };
}

/** A row's difference: tested (interval, p, p adjusted, mark when significant), or greyed with the reason. */
export function shownDifference(compared: ComparedSides, sides: [ComparisonSide, ComparisonSide], names: [Label, Label], minBase: number): ShownDifference {
  const d = compared.difference;
  if (d) return { value: d.diff, interval: d.ci, pValue: d.pValue, pAdjusted: d.pAdjusted, mark: d.significant ? (d.diff > 0 ? 'higher' : 'lower') : null, greyed: false, reason: null };
  const small = sides.map((side, i) => (side.share !== null && side.smallBase ? sideReason(side, minBase, names[i]) : null)).filter((r): r is Label => r !== null);
  const reason: Label | null = small.length ? { en: small.map((r) => r.en).join('; '), nl: small.map((r) => r.nl).join('; ') } : null;
  return { value: compared.gap, interval: null, pValue: null, pAdjusted: null, mark: null, greyed: true, reason };
}
