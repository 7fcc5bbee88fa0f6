import type { CrossTable, TableRow } from './model';

/**
 * What a reader sees in a cell, the same on the page and in every export: nothing to show (nobody
 * in the column answered), a dash (under the minimum base, suppressed), or the column percentage,
 * greyed under the minimum base (warn), with the letters of the columns it is higher than and, when
 * its base differs from the column's (a question not asked of everyone), its own n.
 */
export type ShownCell =
  | { kind: 'empty' }
  | { kind: 'suppressed'; n: number }
  | { kind: 'value'; share: number; letters: string; small: boolean; n: number; ownBase: boolean };

export function shownCell(table: CrossTable, row: TableRow, column: number): ShownCell {
  const cell = row.cells[column];
  if (cell.share === null) return { kind: 'empty' };
  if (cell.smallBase && table.smallCells === 'suppress') return { kind: 'suppressed', n: cell.n };
  return { kind: 'value', share: cell.share, letters: cell.smallBase ? '' : cell.letters, small: cell.smallBase, n: cell.n, ownBase: cell.n !== table.columns[column].base.n };
}

/** Whether any row has a base of its own somewhere: then its n is shown under it. */
export function rowHasOwnBase(table: CrossTable, row: TableRow): boolean {
  return row.cells.some((cell, c) => cell.n !== table.columns[c].base.n);
}
