import type { Locale } from '@/lib/survey/codebook';
import type { BarChartData } from '@/lib/explore/model';
import { formatPercent } from '@/lib/i18n/numbers';
import type { ExploreText } from '../../messages';

/** "Highest: … Lowest: …" for an uncrossed chart with at least two rows above the minimum base. */
export function highLowSentence(chart: BarChartData, locale: Locale, t: ExploreText): string | null {
  if (chart.seriesDim) return null;
  const labels = new Map(chart.rows.map((r) => [r.key, r.label[locale]]));
  const cells = chart.cells.filter((c) => c.share !== null && !c.small).sort((a, b) => b.share! - a.share!);
  if (cells.length < 2) return null;
  const [high, low] = [cells[0], cells[cells.length - 1]];
  return t('highLow', { high: labels.get(high.row)!, highShare: formatPercent(high.share!, locale), low: labels.get(low.row)!, lowShare: formatPercent(low.share!, locale) });
}
