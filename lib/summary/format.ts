import { weightNote } from '../survey/weights';
import { formatNumber, formatPercent, pStatement, signedPoints } from '../i18n/numbers';
import type { Locale } from '../survey/codebook';
import { shorten } from '../explore/shorten';
import type { Comparison, ExecutiveSummary, Figure, GroupDifference, Headline, Takeaway } from './model';
import { summaryText } from './text';

/**
 * Numbers of the summary written out for a locale (decimal comma in Dutch). The page, the PDF and
 * the slides all call these, so the three show the same digits.
 */

/** The big figure: a whole percentage, signed points with one decimal, or a range of whole percentages. */
export function headlineFigure(headline: Headline, locale: Locale): { main: string; unit: string } {
  const v = headline.value;
  switch (v.kind) {
    case 'share':
      return { main: formatPercent(v.share, locale, 0), unit: '' };
    case 'points':
      // One decimal, as the comparison line, the footnote and the key takeaways write the same difference.
      return { main: signedPoints(v.diff, locale, 1), unit: summaryText(locale, 'points') };
    case 'range':
      return { main: `${formatNumber(100 * v.low, locale)}–${formatPercent(v.high, locale, 0)}`, unit: '' };
  }
}

/** The figure with one decimal, as /findings prints it. */
export const precise = (share: number, locale: Locale) => formatPercent(share, locale, 1);

/** "8,000 respondents in 2018 (16,000 in 2 waves)" when the figures are one wave's; else "4,000 respondents". */
export function respondentsLine(summary: Pick<ExecutiveSummary, 'respondents' | 'figuresWave'>, locale: Locale): string {
  const wave = summary.figuresWave;
  if (!wave) return summaryText(locale, 'respondents', { n: formatNumber(summary.respondents, locale) });
  return summaryText(locale, 'respondentsInWave', { n: formatNumber(wave.respondents, locale), wave: wave.label[locale], total: formatNumber(summary.respondents, locale), waves: formatNumber(wave.waves, locale) });
}

type FootnoteContext = Pick<ExecutiveSummary, 'weighted' | 'synthetic' | 'minBase'>;

/** "Base: 4,000 respondents (effective 3,498) · weighted · 95% interval 44.9%–47.2% · synthetic data"; under the minimum base the reason instead of the interval. */
export function figureFootnote(figure: Figure, summary: FootnoteContext, locale: Locale): string {
  const parts = [summaryText(locale, 'footBase', { n: formatNumber(figure.respondents, locale), eff: formatNumber(figure.effectiveBase, locale) })];
  parts.push(summaryText(locale, summary.weighted ? 'footWeighted' : 'footUnweighted'));
  if (figure.smallBase) parts.push(smallNote(summary, locale));
  else if (figure.ci) parts.push(summaryText(locale, 'footInterval', { lower: precise(figure.ci.lower, locale), upper: precise(figure.ci.upper, locale) }));
  if (summary.synthetic) parts.push(summaryText(locale, 'footSynthetic'));
  return parts.join(' · ');
}

const smallNote = (summary: FootnoteContext, locale: Locale) => summaryText(locale, 'footSmall', { min: formatNumber(summary.minBase, locale) });

/**
 * The footnote of a headline: the base and interval of its own figure, and the test of a difference.
 * A difference with a side under the minimum base is not tested (no p-value), and any bar under it
 * is named as a small base with the reason.
 */
export function headlineFootnote(headline: Headline, summary: FootnoteContext, locale: Locale): string {
  const weighting = summaryText(locale, summary.weighted ? 'footWeighted' : 'footUnweighted');
  let parts: string[];
  if (headline.value.kind === 'range') {
    const ns = headline.bars.map((b) => b.respondents);
    parts = [summaryText(locale, 'footRange', { count: headline.bars.length, minN: formatNumber(Math.min(...ns), locale), maxN: formatNumber(Math.max(...ns), locale) }), weighting];
    if (summary.synthetic) parts.push(summaryText(locale, 'footSynthetic'));
  } else if (headline.test) {
    const { high, low, pValue, description } = headline.test;
    const sides = {
      high: `${high.label[locale]} ${precise(high.share, locale)}`,
      highN: `n = ${formatNumber(high.respondents, locale)}`,
      low: `${low.label[locale]} ${precise(low.share, locale)}`,
      lowN: `n = ${formatNumber(low.respondents, locale)}`,
    };
    const test =
      high.smallBase || low.smallBase
        ? summaryText(locale, 'footNoTest', { ...sides, min: formatNumber(summary.minBase, locale) })
        : summaryText(locale, 'footTest', { ...sides, description: description[locale], p: pStatement(pValue, locale) });
    parts = [test, weighting];
    if (summary.synthetic) parts.push(summaryText(locale, 'footSynthetic'));
  } else {
    const own = headline.bars.find((b) => b.tone === 'focus' || b.tone === 'nogo') ?? headline.bars[0];
    parts = [figureFootnote(own, summary, locale)];
    // A question group's largest difference between groups of respondents, with both bases (generic headlines).
    if (headline.difference) parts.push(differenceFootnote(headline.difference, locale));
  }
  const small = smallNote(summary, locale);
  if (headline.bars.some((b) => b.smallBase) && !parts.some((p) => p.includes(small))) parts.push(small);
  return parts.join(' · ');
}

/** "Largest difference, Country: Netherlands 55.1% (n = 1,100) against Germany 47.0% (n = 1,050), +8.1 points, design-based t test, p < 0.001 after Benjamini-Hochberg over 5 attributes". */
export function differenceFootnote(d: GroupDifference, locale: Locale): string {
  return summaryText(locale, 'footDifference', {
    dimension: shorten(d.dimension[locale], 60),
    high: `${shorten(d.high.label[locale], 60)} ${precise(d.high.share, locale)}`,
    highN: `n = ${formatNumber(d.high.respondents, locale)}`,
    low: `${shorten(d.low.label[locale], 60)} ${precise(d.low.share, locale)}`,
    lowN: `n = ${formatNumber(d.low.respondents, locale)}`,
    diff: signedPoints(d.diff, locale),
    p: pStatement(d.pAdjusted, locale),
    k: d.tested,
  });
}

/** A bar's label for the exports, shortened when long (a question used as its label), and marked when its base is under the minimum (the text exports cannot grey it). */
export function barLabel(figure: Figure, locale: Locale): string {
  const label = shorten(figure.label[locale], 80);
  return figure.smallBase ? summaryText(locale, 'smallBaseMark', { label, n: formatNumber(figure.respondents, locale) }) : label;
}

/** A headline's one comparison in words: "Emotional bond with the brand: Strong (4-5) 65.0%, Weak (1-2) 29.4%: 35.6 points more". */
export function comparisonLine(c: Comparison, locale: Locale): string {
  return summaryText(locale, 'comparisonLine', {
    dimension: shorten(c.dimension.label[locale], 60),
    top: shorten(c.top.label[locale], 60),
    topShare: precise(c.top.share, locale),
    bottom: shorten(c.bottom.label[locale], 60),
    bottomShare: precise(c.bottom.share, locale),
    diff: formatNumber(100 * c.diff, locale, 1),
  });
}

/** "Emotional bond with the brand: Strong (4-5) 65.0% against Weak (1-2) 29.4%". */
export function takeawayLine(t: Takeaway, locale: Locale): string {
  return summaryText(locale, 'takeawayLine', {
    dimension: shorten(t.dimension.label[locale], 60),
    top: shorten(t.top.label[locale], 60),
    topShare: precise(t.top.share, locale),
    bottom: shorten(t.bottom.label[locale], 60),
    bottomShare: precise(t.bottom.share, locale),
  });
}

export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(date);
}

/** Methods paragraphs, in order. */
export function methodsLines(summary: ExecutiveSummary, locale: Locale): string[] {
  const lines = [summaryText(locale, summary.weighted ? 'methodsWeighting' : 'methodsUnweighted'), `${weightNote(summary.weight, locale)}.`, summaryText(locale, 'methodsInterval', { minBase: summary.minBase })];
  if (summary.headlines.some((h) => h.claimIds.length)) lines.push(summaryText(locale, 'methodsClaims'));
  if (summary.synthetic) lines.push(summaryText(locale, 'syntheticShort'));
  return lines;
}
