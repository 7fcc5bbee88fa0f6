/**
 * Geometry of the explorer's horizontal bar charts, free of React: the plot area inside the chart's
 * margins, the 0-100% scale, the bands of the rows and the row labels wrapped to a few lines. The
 * charts are drawn as plain SVG from these numbers (no chart library: drawing a few hundred
 * elements directly is what keeps a filter change under 100 ms).
 */

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Height of the x-axis under the plot (tick marks and labels). */
export const AXIS_HEIGHT = 30;
export const AXIS_TICKS = [0, 0.25, 0.5, 0.75, 1] as const;
/** Below this width (a phone) the row labels sit above the bars and the bars get the whole width. */
export const NARROW_BELOW = 560;
/** The width drawn before the browser has measured the chart (the server's render, a laptop's layout). */
export const DEFAULT_CHART_WIDTH = 880;

export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The x position of a share (0-1), clamped to the plot. */
  x: (share: number) => number;
}

/** The plot inside a chart of `width` x `height` with `margin`, and `labelWidth` for the row labels on the left. */
export function plotArea(width: number, height: number, margin: Margin, labelWidth: number): PlotArea {
  const left = margin.left + labelWidth;
  const right = Math.max(left + 1, width - margin.right);
  const top = margin.top;
  const bottom = Math.max(top + 1, height - margin.bottom - AXIS_HEIGHT);
  const span = right - left;
  return { left, right, top, bottom, x: (share) => left + Math.min(1, Math.max(0, share)) * span };
}

/** The band of row `index` of `count` rows that share the plot's height evenly. */
export function rowBand(plot: PlotArea, index: number, count: number): { top: number; height: number } {
  const height = (plot.bottom - plot.top) / Math.max(1, count);
  return { top: plot.top + index * height, height };
}

/** The top of bar `index` of `bars` bars of `size` px, `gap` px apart, centred in a band. */
export function barTop(band: { top: number; height: number }, index: number, bars: number, size: number, gap: number): number {
  const group = bars * size + (bars - 1) * gap;
  return band.top + (band.height - group) / 2 + index * (size + gap);
}

/**
 * Greedy word wrap to lines of at most `maxChars` characters and at most `maxLines` lines; text that
 * does not fit ends in an ellipsis. A word longer than a line is cut.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  const ellipsis = () => {
    const last = lines[maxLines - 1];
    lines[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
    return lines;
  };
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (lines.length === maxLines) return ellipsis();
    line = word.length > maxChars ? word.slice(0, maxChars) : word;
  }
  if (line) {
    if (lines.length === maxLines) return ellipsis();
    lines.push(line);
  }
  return lines;
}

/**
 * One SVG path of interval whiskers: per interval a horizontal line from its lower to its upper
 * end and a cap at either end. A single element however many bars the chart has.
 */
export function whiskerPath(whiskers: readonly { x1: number; x2: number; y: number }[], cap: number): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  return whiskers.map(({ x1, x2, y }) => `M${r(x1)} ${r(y)}H${r(x2)}M${r(x1)} ${r(y - cap / 2)}v${cap}M${r(x2)} ${r(y - cap / 2)}v${cap}`).join('');
}
