import type { ReactNode, RefObject } from 'react';
import { wrapLabel } from '@/lib/explore/wrapLabel';

/** Ink of chart text and interval marks, and of secondary text (axis ticks, notes). */
export const INK = '#1c2430';
export const MUTED = '#5a6472';

/** The 0-100% axis every share chart uses. */
export const AXIS_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Below this width (a phone) the row labels sit above the bars and the bars get the whole width. */
export const NARROW_BELOW = 560;
/**
 * A tick of the 0-100% axis as plain SVG text, given its formatted value. recharts' default tick is
 * its <Text>, which measures each word in the DOM on every redraw; these labels need no measuring.
 */
export function PercentTick({ x, y, payload, tickFormatter }: { x?: number | string; y?: number | string; payload?: { value: number }; tickFormatter?: (value: number, index: number) => string }): ReactNode {
  if (!payload) return null;
  return (
    <text x={x} y={Number(y) + 4} textAnchor="middle" dominantBaseline="hanging" fontSize={12} fill={MUTED} stroke="none">
      {tickFormatter ? tickFormatter(payload.value, 0) : payload.value}
    </text>
  );
}
/** The band behind the row under the pointer or keyboard focus. */
export const TOOLTIP_CURSOR = { fill: 'rgba(29, 95, 184, 0.06)' };

/** The x position of a share (0-1) in a horizontal recharts chart, clamped to the plot. */
export type ShareScale = (share: number) => number;

/**
 * recharts puts the plot of a vertical-layout chart between the left margin plus the y-axis width
 * and the right margin; the custom bar shapes place their labels on the same scale.
 */
export function shareScale(width: number, margin: { left: number; right: number }, yAxisWidth: number): ShareScale {
  const left = margin.left + yAxisWidth;
  const span = Math.max(1, width - margin.right - left);
  return (share) => left + Math.min(1, Math.max(0, share)) * span;
}

/** Characters of a 13 px row label that fit a line of the label column (about 7.2 px each). */
const CHARS_PER_PX = 1 / 7.2;

/** hover text of a row label: the full question behind a short label, or the label itself when it was cut. */
const hoverText = (row: { label: string; text?: string }, lines: string[]) => (row.text && row.text !== row.label ? row.text : lines.join(' ') !== row.label ? row.label : null);

/** On a phone the row label sits above its bars on one line of 12 px type (about 6.6 px a character) across the chart. */
export const narrowLabelChars = (width: number) => Math.max(12, Math.floor((width - 24) / 6.6));

/** A row's label above its first bar (on a phone), cut to one line with the whole text on hover. */
export function RowLabelAbove({ x, y, label, text, chars }: { x: number; y: number; label: string; text?: string; chars: number }) {
  const lines = wrapLabel(label, chars, 1);
  const full = hoverText({ label, text }, lines);
  return (
    <text x={x} y={y} fontSize={12} fill={INK} stroke="none" className="value-label row-label-above">
      {full && <title>{full}</title>}
      {lines[0]}
    </text>
  );
}

/**
 * The category-axis tick of the horizontal bar charts: the row label, right-aligned, wrapped to
 * `maxLines` lines; a label cut short, or one that stands for a longer question, shows the whole
 * text on hover. The rows are read when a tick is drawn (useLatestRows.ts).
 */
export function rowLabelTick(rows: RefObject<readonly { label: string; text?: string }[]>, yWidth: number, maxLines: number, fontSize = 13) {
  const chars = Math.max(8, Math.floor(((yWidth - 14) * CHARS_PER_PX * 13) / fontSize));
  const lineHeight = Math.round(fontSize * 1.15);
  return function RowLabelTick({ x, y, index }: { x?: number | string; y?: number | string; index?: number }): ReactNode {
    const row = rows.current[index ?? -1];
    if (!row) return null;
    const lines = wrapLabel(row.label, chars, maxLines);
    const full = hoverText(row, lines);
    const left = Number(x) - 6;
    return (
      <text x={left} y={Number(y) - ((lines.length - 1) * lineHeight) / 2} textAnchor="end" dominantBaseline="central" fontSize={fontSize} fill={INK} stroke="none" className="row-label">
        {full && <title>{full}</title>}
        {lines.map((line, l) => (
          <tspan key={l} x={left} dy={l === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}
