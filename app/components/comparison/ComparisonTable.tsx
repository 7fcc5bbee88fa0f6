import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import { shownDifference, shownSide } from '@/lib/analysis/comparisonDisplay';
import type { ComparedSides, ComparisonSide } from '@/lib/analysis/comparisonRow';
import { formatNumber, formatP, formatPercent, formatPoints } from '@/lib/i18n/numbers';
import type { Label, Locale } from '@/lib/survey/codebook';
import { comparisonText } from './messages';

/** One row of the table: an item (or pooled family), optionally in a group, with its two sides. */
export interface TableRow {
  key: string;
  label: string;
  /** A second line under the label: what it is compared with, which answers count. */
  detail?: ReactNode;
  group?: string;
  a: ComparisonSide;
  b: ComparisonSide;
  compared: ComparedSides;
}

function ShareCell({ side, minBase }: { side: ComparisonSide; minBase: number }) {
  const locale = useLocale();
  const shown = shownSide(side, minBase);
  if (shown.share === null) return <td className="num">–</td>;
  return (
    <td className={`num${shown.greyed ? ' is-small' : ''}`} data-testid={shown.greyed ? 'small-share' : undefined} title={shown.reason?.[locale]}>
      {formatPercent(shown.share, locale)}
      {shown.interval ? (
        <div className="muted small">{comparisonText(locale, 'shareInterval', { lower: formatPercent(shown.interval.lower, locale), upper: formatPercent(shown.interval.upper, locale) })}</div>
      ) : (
        shown.greyed && <div className="small">{comparisonText(locale, 'smallBaseShort')}</div>
      )}
    </td>
  );
}

const base = (side: ComparisonSide, locale: Locale) => `${formatNumber(side.respondents, locale)} (${formatNumber(side.effectiveBase, locale)})`;

/**
 * The item-by-item table of a comparison: both shares (with their intervals), the difference, its
 * interval, p and BH-adjusted p, the significance mark and both bases. A row with a side under the
 * minimum base shows its values greyed with the reason, and no interval, p-value or mark
 * (lib/analysis/comparisonDisplay.ts decides).
 */
export function ComparisonTable({
  testId,
  title,
  caption,
  columns,
  names,
  rows,
  minBase,
}: {
  testId: string;
  title: string;
  caption: string;
  columns: { group?: string; a: string; b: string; baseA: string; baseB: string };
  /** The two sides' names, for the reasons ("3 respondents in NL panel"). */
  names: [Label, Label];
  rows: TableRow[];
  minBase: number;
}) {
  const locale = useLocale();
  const titleId = `${testId}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {/* Focusable so that keyboard users can scroll the wide table sideways. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
        <table className="findings comparison-table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{comparisonText(locale, 'colItem')}</th>
              {columns.group && <th scope="col">{columns.group}</th>}
              <th scope="col">{columns.a}</th>
              <th scope="col">{columns.b}</th>
              <th scope="col">{comparisonText(locale, 'colDiff')}</th>
              <th scope="col">{comparisonText(locale, 'colDiffCi')}</th>
              <th scope="col">{comparisonText(locale, 'colP')}</th>
              <th scope="col">{comparisonText(locale, 'colPAdj')}</th>
              <th scope="col">{comparisonText(locale, 'colSig')}</th>
              <th scope="col">{columns.baseA}</th>
              <th scope="col">{columns.baseB}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const shown = shownDifference(row.compared, [row.a, row.b], names, minBase);
              const noRating = row.a.share === null || row.b.share === null;
              return (
                <tr key={row.key} data-row={row.key} data-significant={shown.mark ? 'true' : 'false'} data-small={row.compared.smallBase ? 'true' : 'false'}>
                  <th scope="row" className="statement">
                    {row.label}
                    {row.detail && <div className="muted small">{row.detail}</div>}
                  </th>
                  {columns.group && <td>{row.group}</td>}
                  <ShareCell side={row.a} minBase={minBase} />
                  <ShareCell side={row.b} minBase={minBase} />
                  <td className={`num${shown.greyed ? ' is-small' : ''}`} data-testid="difference" title={shown.reason?.[locale]}>
                    {shown.value === null ? '–' : formatPoints(shown.value, locale)}
                  </td>
                  <td className="num">{shown.interval ? comparisonText(locale, 'interval', { lower: formatPoints(shown.interval.lower, locale), upper: formatPoints(shown.interval.upper, locale) }) : '–'}</td>
                  <td className="num">{shown.pValue !== null ? formatP(shown.pValue, locale) : '–'}</td>
                  <td className="num">{shown.pAdjusted !== null ? formatP(shown.pAdjusted, locale) : '–'}</td>
                  {noRating ? (
                    <td className="muted">{comparisonText(locale, 'noData')}</td>
                  ) : shown.greyed ? (
                    <td className="is-small" data-testid="small-base">
                      {shown.reason ? comparisonText(locale, 'smallBase') : comparisonText(locale, 'noTest')}
                      {shown.reason && <div className="small">{shown.reason[locale]}</div>}
                    </td>
                  ) : shown.mark ? (
                    <td className={shown.mark === 'higher' ? 'sig-up' : 'sig-down'} data-testid="sig-mark">
                      <span aria-hidden="true">{shown.mark === 'higher' ? '▲ ' : '▼ '}</span>
                      {comparisonText(locale, shown.mark)}
                    </td>
                  ) : (
                    <td className="muted">{comparisonText(locale, 'notSignificant')}</td>
                  )}
                  <td className="num">{base(row.a, locale)}</td>
                  <td className="num">{base(row.b, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
