import { memoAcceptance } from '../../analysis/memo';
import type { AcceptanceCell, AcceptanceTable } from '../../analysis/acceptance';
import { answerSides, asTier, classifyTier, type Tier } from '../../analysis/tiers';
import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';
import { DATA_TYPE_FAMILY } from '../catalog';
import { barChartData, type BarChartData, cellView, type CellView, sharesByRow } from '../model';

/** One answer of the data-type scale (OK, depends, not OK), with its share per data type. */
export interface SplitPart {
  code: string;
  label: Label;
  /** "ok" for the positive answers, "nogo" for the not-OK side of the scale (tiers.ts), "grey" in between: colours the stack. */
  role: Tier;
}

export interface SplitRow {
  key: string;
  label: Label;
  tier?: Tier;
  computedTier: Tier;
  parts: CellView[];
}

export interface DataTypesModel {
  ok: BarChartData;
  split: { parts: SplitPart[]; rows: SplitRow[]; minBase: number };
}

/**
 * Data types: the OK share of each (sorted, coloured by the codebook's tier, with the tier computed
 * from the answers beside it), optionally crossed by an attribute, and the full answer split.
 */
export function dataTypesModel(data: SurveyData, filter: Record<string, string[]>, minBase: number, cross: string): DataTypesModel {
  const items = data.codebook.items.filter((it) => it.family === DATA_TYPE_FAMILY);
  const first = data.items.get(items[0].id)!;
  const codes = first.codes;
  const { positive, negative } = answerSides(first);
  const query = { family: DATA_TYPE_FAMILY, filter, minBase, by: ['item'] };

  // The answer split, uncrossed: the positive answer (OK) and every other code on its own.
  const okTable = memoAcceptance(data, query);
  const others = codes.filter((c) => !positive.includes(c.code));
  const otherTables = new Map(others.map((c) => [c.code, memoAcceptance(data, { ...query, outcome: [c.code] })]));
  const notOkOf = (q: typeof query) => (negative.length ? memoAcceptance(data, { ...q, outcome: negative }) : null);
  const notOkTable = notOkOf(query);
  const tierOfItem = (item: string, okT: AcceptanceTable, notT: AcceptanceTable | null, extra: Record<string, string> = {}) => {
    const find = (t: AcceptanceTable) => t.cells.find((c) => c.key.item === item && Object.entries(extra).every(([d, v]) => c.key[d] === v));
    const ok = find(okT);
    return ok ? classifyTier(ok, notT ? (find(notT) ?? null) : null) : 'grey';
  };
  const metaTier = (item: string) => asTier(data.items.get(item)?.item.meta.tier);
  const sortBy = sharesByRow(okTable, ['item']);

  const parts: SplitPart[] = [
    { code: positive.join('+'), label: joinLabels(codes.filter((c) => positive.includes(c.code)).map((c) => c.label)), role: 'ok' },
    ...others.map((c) => ({ code: c.code, label: c.label, role: (negative.includes(c.code) ? 'nogo' : 'grey') as Tier })),
  ];
  const splitRows: SplitRow[] = okTable.cells
    .filter((c) => c.respondents > 0)
    .map((c) => {
      const item = c.key.item;
      const cellsFor = (t: AcceptanceTable) => t.cells.find((x) => x.key.item === item)!;
      return {
        key: item,
        label: c.labels.item,
        tier: metaTier(item),
        computedTier: tierOfItem(item, okTable, notOkTable),
        parts: [cellView(c, item, parts[0].code), ...others.map((o) => cellView(cellsFor(otherTables.get(o.code)!), item, o.code))],
      };
    })
    .sort((a, b) => (b.parts[0].share ?? -1) - (a.parts[0].share ?? -1));

  let ok: BarChartData;
  if (cross) {
    const crossed = memoAcceptance(data, { ...query, by: ['item', cross] });
    const crossedNot = notOkOf({ ...query, by: ['item', cross] });
    ok = barChartData(crossed, {
      id: 'datatypes-ok',
      rowDims: ['item'],
      seriesDim: cross,
      rowTier: metaTier,
      sortBy,
      cellTier: (cell: AcceptanceCell) => tierOfItem(cell.key.item, crossed, crossedNot, { [cross]: cell.key[cross] }),
    });
  } else {
    ok = barChartData(okTable, { id: 'datatypes-ok', rowDims: ['item'], rowTier: metaTier, sortBy, cellTier: (cell) => tierOfItem(cell.key.item, okTable, notOkTable) });
  }
  return { ok, split: { parts, rows: splitRows, minBase } };
}

function joinLabels(labels: Label[]): Label {
  return { en: labels.map((l) => l.en).join(' + '), nl: labels.map((l) => l.nl).join(' + ') };
}

