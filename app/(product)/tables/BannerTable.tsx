import { useLocale, useTranslations } from 'next-intl';
import { Fragment } from 'react';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { shownCell, rowHasOwnBase } from '@/lib/tables/display';
import type { CrossTable } from '@/lib/tables/model';
import { tablesText } from './messages';

/**
 * A banner table as HTML: the banner in two or three header rows (group, outer level when nested,
 * column with its letter), the three base rows, then a row per question with each column's
 * percentage and the letters of the columns it is significantly higher than (named in words for
 * screen readers and on hover). The label column stays put while the table scrolls in its own box.
 */
export function BannerTable({ table, captionId }: { table: CrossTable; captionId: string }) {
  const locale = useLocale();
  const tw = useTranslations('tableWords');
  const nested = table.groups.some((g) => g.attributes.length === 2);
  const headRows = nested ? 3 : 2;
  const columnName = (index: number) => {
    const c = table.columns[index];
    return `${[c.outer?.label[locale], c.label[locale]].filter(Boolean).join(' ')} (${c.letter})`;
  };
  const outerSpans = (columns: number[]) => {
    const spans: { code: string; label: string; count: number }[] = [];
    for (const index of columns) {
      const outer = table.columns[index].outer!;
      const last = spans[spans.length - 1];
      if (last && last.code === outer.code) last.count++;
      else spans.push({ code: outer.code, label: outer.label[locale], count: 1 });
    }
    return spans;
  };
  const bases: [string, (n: CrossTable['columns'][number]['base']) => string][] = [
    [tw('baseN'), (b) => formatNumber(b.n, locale)],
    [tw('baseWeighted'), (b) => formatNumber(b.weightedN, locale, 1)],
    [tw('baseEffective'), (b) => formatNumber(b.effectiveN, locale, 1)],
  ];
  return (
    <table className="banner-table" data-testid="banner-table" aria-describedby={captionId}>
      <thead>
        <tr>
          <th scope="col" rowSpan={headRows} className="row-head">
            {tablesText(locale, table.rowsSpec.kind === 'answers' ? 'answerHeader' : 'rowHeader')}
          </th>
          <th scope="col" rowSpan={headRows - 1} className="group-head">
            {tw('total')}
          </th>
          {table.groups.map((group, g) => (
            <th key={g} scope="colgroup" colSpan={group.columns.length} rowSpan={nested && group.attributes.length === 1 ? 2 : 1} className="group-head">
              {group.attributes.map((a) => a.label[locale]).join(' × ')}
            </th>
          ))}
        </tr>
        {nested && (
          <tr>
            {table.groups
              .filter((g) => g.attributes.length === 2)
              .flatMap((group, g) =>
                outerSpans(group.columns).map((span) => (
                  <th key={`${g}-${span.code}`} scope="colgroup" colSpan={span.count} className="outer-head">
                    {span.label}
                  </th>
                )),
              )}
          </tr>
        )}
        <tr>
          {table.columns.map((column) => (
            <th key={column.index} scope="col" className="column-head" data-letter={column.letter ?? ''}>
              {column.index === 0 ? <span className="visually-hidden">{tw('total')}</span> : column.label[locale]}
              {column.letter && <span className="column-letter"> ({column.letter})</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {bases.map(([label, value], k) => (
          <tr key={label} className={`base-row${k === bases.length - 1 ? ' last-base' : ''}`}>
            <th scope="row">{label}</th>
            {table.columns.map((column) => (
              <td key={column.index} className="num">
                {value(column.base)}
              </td>
            ))}
          </tr>
        ))}
        {table.rows.map((row) => {
          const ownBase = rowHasOwnBase(table, row);
          return (
            <Fragment key={row.id}>
              <tr className={`value-row${row.kind === 'net' ? ' net-row' : ''}`} data-row={row.id}>
                <th scope="row" title={row.text?.[locale]}>
                  {row.label[locale]}
                </th>
                {table.columns.map((column) => {
                  const shown = shownCell(table, row, column.index);
                  if (shown.kind === 'empty')
                    return (
                      <td key={column.index} className="num" data-testid="cell" data-column={column.index} data-letters="" title={tw('noAnswers')}>
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">{tw('noAnswers')}</span>
                      </td>
                    );
                  const smallNote = tw('smallCell', { min: table.minBase });
                  if (shown.kind === 'suppressed')
                    return (
                      <td key={column.index} className="num is-small" data-testid="cell" data-column={column.index} data-letters="" title={smallNote}>
                        {tw('dash')}
                        <span className="visually-hidden"> {smallNote}</span>
                      </td>
                    );
                  const higher = [...shown.letters].map((l) => columnName(table.columns.findIndex((c) => c.letter === l.toUpperCase())));
                  const words = higher.length ? tablesText(locale, 'higherThan', { columns: higher.join(', ') }) : shown.small ? smallNote : undefined;
                  return (
                    <td key={column.index} className={`num${shown.small ? ' is-small' : ''}${shown.letters ? ' is-significant' : ''}`} data-testid="cell" data-column={column.index} data-letters={shown.letters} title={words}>
                      {formatPercent(shown.share, locale, 0)}
                      {shown.letters && (
                        <span className="letters" aria-hidden="true">
                          {' '}
                          {shown.letters}
                        </span>
                      )}
                      {words && <span className="visually-hidden"> {words}</span>}
                    </td>
                  );
                })}
              </tr>
              {ownBase && (
                <tr className="row-base">
                  <th scope="row">
                    <span className="visually-hidden">{row.label[locale]}: </span>
                    {tw('rowBase')}
                  </th>
                  {row.cells.map((cell, c) => (
                    <td key={c} className="num">
                      {formatNumber(cell.n, locale)}
                    </td>
                  ))}
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
