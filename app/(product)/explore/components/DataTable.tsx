'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { TableCell, TableData } from '../table';
import { MARK_SYMBOL } from '../messages';

function Cell({ cell }: { cell: TableCell }) {
  const t = useTranslations('explore');
  const className = [cell.num ? 'num' : '', cell.muted ? 'muted' : '', cell.long ? 'long' : '', cell.mark ? `mark-${cell.mark}` : ''].filter(Boolean).join(' ') || undefined;
  if (cell.header) return <th scope="row">{cell.text}</th>;
  return (
    <td className={className}>
      {cell.mark ? (
        <>
          <span className="visually-hidden">{t(cell.mark === 'up' ? 'markUp' : 'markDown')}: </span>
          <span aria-hidden="true">{MARK_SYMBOL[cell.mark]}</span>
          {cell.text.replace(/^[▲▼] /, ' ')}
        </>
      ) : (
        cell.text
      )}
    </td>
  );
}

/**
 * The accessible data table of a chart: caption, column and row headers, the same numbers as the
 * chart. Folded; its rows are made when it is first opened, not with the page:
 * the explorer's folded tables were two thirds of its elements (454 of 714 on a phone), all hydrated
 * at load and drawn again at every filter change while nobody saw them.
 */
export function DataTable({ table, caption, id }: { table: TableData; caption: string; id: string }) {
  const t = useTranslations('explore');
  const [opened, setOpened] = useState(false);
  const fold = useRef<HTMLDetailsElement>(null);
  // A fold opened before the page's scripts ran (its toggle event came before React listened) is filled in once they have.
  useEffect(() => {
    if (fold.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={fold} className="data-table" id={`${id}-table`} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{t('tableSummary', { rows: table.rows.length })}</summary>
      {opened && <TableBody table={table} caption={caption} id={id} />}
    </details>
  );
}

function TableBody({ table, caption, id }: { table: TableData; caption: string; id: string }) {
  return (
    // Focusable so that a keyboard can scroll a wide table on a narrow screen.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="explore-table" data-testid={`${id}-table`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <Cell key={c} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
        {table.foot.length > 0 && (
          <tfoot>
            {table.foot.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <Cell key={c} cell={cell} />
                ))}
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </div>
  );
}
