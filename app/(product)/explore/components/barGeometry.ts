import type { BarChartData } from '@/lib/explore/model';
import type { Locale } from '@/lib/survey/codebook';
import { NARROW_BELOW } from '@/app/components/charts/chartAxes';

/** Room between rows: on a phone the row's label sits in it, above the bars. */
const GAP_WIDE = 14;
const GAP_NARROW = 30;

export interface BarGeometry {
  /** A phone's box: the row labels sit above the bars, which get the whole width. */
  narrow: boolean;
  gap: number;
  barSize: number;
  /** Width of the row labels' axis (none on a phone). */
  yWidth: number;
  /** The chart's height at this width, and in a wide and a narrow box (ChartBox's CSS picks one before any script). */
  height: number;
  wideHeight: number;
  narrowHeight: number;
}

/** The bar chart's sizes at a column width: the box (BarChartView) and the drawing (BarChartDrawing) both follow them. */
export function barGeometry(chart: BarChartData, width: number, locale: Locale): BarGeometry {
  const barSize = chart.series.length > 1 ? 12 : 18;
  const narrow = width < NARROW_BELOW;
  // Room for row labels that wrap (up to three lines of about 30 characters beside the bars).
  const labelLines = Math.min(3, Math.max(...chart.rows.map((r) => Math.ceil(r.label[locale].length / 30)), 1));
  const heightAt = (narrowBox: boolean) =>
    chart.rows.length * (Math.max(chart.series.length * (barSize + 2), (narrowBox ? 1 : labelLines) * 15) + (narrowBox ? GAP_NARROW : GAP_WIDE)) + 56;
  return { narrow, gap: narrow ? GAP_NARROW : GAP_WIDE, barSize, yWidth: narrow ? 0 : 230, height: heightAt(narrow), wideHeight: heightAt(false), narrowHeight: heightAt(true) };
}
