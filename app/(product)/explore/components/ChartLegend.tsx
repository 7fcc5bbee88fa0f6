import type { LegendItem } from '@/lib/explore/chartExport';

export type { LegendItem };

/** The key of a chart, as HTML so that it wraps and reads on any screen. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  if (!items.length) return null;
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className={`swatch swatch-${item.kind ?? 'bar'}`} style={item.kind === 'bar' || !item.kind ? { background: item.colour } : undefined} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
