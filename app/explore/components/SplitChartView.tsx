'use client';
import { Bar, BarChart, ErrorBar, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '@/lib/survey/codebook';
import type { SplitPart, SplitRow } from '@/lib/explore/build/dataTypes';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import { INK, MUTED, TIER_COLOUR } from '../colours';
import { formatInterval, tx } from '../messages';
import { rowLabelAbove, rowLabelTick } from './rowLabelTick';
import { useElementWidth } from './useElementWidth';

type Row = Record<string, unknown> & { key: string; label: string; row: SplitRow };

const PART_COLOUR = { ok: TIER_COLOUR.ok, grey: '#c9ccd1', nogo: TIER_COLOUR.nogo } as const;
const PART_TEXT = { ok: '#fff', grey: INK, nogo: '#fff' } as const;

interface SegmentLabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
}

/**
 * 100% stacked bars of the whole answer (OK / depends / not OK) per data type. Whiskers: the 95%
 * interval of the OK share at the OK edge, and of the not-OK share at the not-OK edge.
 */
export function SplitChartView({ parts, rows, locale, title }: { parts: SplitPart[]; rows: SplitRow[]; locale: Locale; title: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  // On a phone the row labels sit above the bars, so the bars get the whole width.
  const narrow = width > 0 && width < 560;
  const yWidth = narrow ? 0 : 230;
  const rowHeight = narrow ? 44 : 30;
  const height = rows.length * rowHeight + 50;
  const last = parts.length - 1;

  const data: Row[] = rows.map((row) => {
    const entry: Row = { key: row.key, label: row.label[locale], row };
    row.parts.forEach((cell, i) => (entry[`p${i}`] = cell.share ?? 0));
    const ok = row.parts[0];
    const notOk = row.parts[last];
    entry.e0 = ok.share !== null && ok.lower !== null && ok.upper !== null ? [ok.share - ok.lower, ok.upper - ok.share] : [0, 0];
    // The edge before the last part sits at 1 - notOk: its interval mirrors the not-OK interval.
    entry.eEdge = notOk.share !== null && notOk.lower !== null && notOk.upper !== null ? [notOk.upper - notOk.share, notOk.share - notOk.lower] : [0, 0];
    return entry;
  });

  const segmentLabel = (role: SplitPart['role']) =>
    function SegmentLabel({ x, y, width: w, height: h, value }: SegmentLabelProps) {
      if (typeof value !== 'number' || Number(w) < 34) return null;
      return (
        <text x={Number(x) + Number(w) / 2} y={Number(y) + Number(h) / 2} textAnchor="middle" dominantBaseline="central" fontSize={11} fill={PART_TEXT[role]}>
          {formatPercent(value, locale, 0)}
        </text>
      );
    };

  return (
    <div ref={ref} className="bar-chart" style={{ height }}>
      {width > 0 && (
        <BarChart layout="vertical" width={width} height={height} data={data} margin={{ top: narrow ? 20 : 8, right: 16, bottom: 4, left: narrow ? 16 : 4 }} barCategoryGap={narrow ? 22 : 8} title={title} accessibilityLayer>
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v, locale, 0)} tick={{ fontSize: 12, fill: MUTED }} />
          <YAxis
            type="category"
            dataKey="label"
            width={yWidth}
            hide={narrow}
            interval={0}
            tickLine={false}
            tick={rowLabelTick({ yWidth, narrow, maxLines: 2 })}
          />
          <Tooltip content={<SplitTooltip parts={parts} locale={locale} />} cursor={{ fill: 'rgba(29, 95, 184, 0.06)' }} isAnimationActive={false} />
          {parts.map((part, i) => (
            <Bar key={part.code} dataKey={`p${i}`} stackId="split" name={part.label[locale]} fill={PART_COLOUR[part.role]} isAnimationActive={false} barSize={20}>
              <LabelList dataKey={`p${i}`} content={segmentLabel(part.role)} />
              {narrow && i === 0 && <LabelList dataKey="label" content={rowLabelAbove(data)} />}
              {i === 0 && <ErrorBar dataKey="e0" width={4} stroke={INK} strokeWidth={1.25} isAnimationActive={false} />}
              {i === last - 1 && i > 0 && <ErrorBar dataKey="eEdge" width={4} stroke={INK} strokeWidth={1.25} isAnimationActive={false} />}
            </Bar>
          ))}
        </BarChart>
      )}
    </div>
  );
}

function SplitTooltip({ parts, locale, active, payload }: { parts: SplitPart[]; locale: Locale; active?: boolean; payload?: readonly { payload?: Record<string, unknown> }[] }) {
  const row = active ? (payload?.[0]?.payload?.row as SplitRow | undefined) : undefined;
  if (!row) return null;
  const base = row.parts[0];
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{row.label[locale]}</p>
      <dl>
        {parts.map((part, i) => (
          <dd key={part.code}>
            {part.label[locale]}: <strong>{row.parts[i].share === null ? '–' : formatPercent(row.parts[i].share!, locale)}</strong> ({formatInterval(row.parts[i].lower, row.parts[i].upper, locale)})
          </dd>
        ))}
        <dd>
          {tx(locale, 'tipBase')}: {formatNumber(base.respondents, locale)} · {tx(locale, 'tipEffective')}: {formatNumber(base.effectiveBase, locale, 1)}
        </dd>
        <dd>
          {tx(locale, 'colTierComputed')}: {tx(locale, `tier_${row.computedTier}`)}
        </dd>
      </dl>
    </div>
  );
}
