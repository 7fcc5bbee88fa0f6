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
  /**
   * `rows`: one per data type, for the whole audience (the tiers in words are read from them);
   * `crossedRows`, with a crossing: one per data type and level of the crossing (the label names
   * both), in the data types' order, so that the whole answer follows the crossing as the OK chart does.
   */
  split: { parts: SplitPart[]; rows: SplitRow[]; crossedRows?: SplitRow[]; crossDim?: Label; minBase: number };
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
  let crossedRows: SplitRow[] | undefined;
  let crossDim: Label | undefined;
  if (cross) {
    // The whole answer per data type and level: the same tables as above, by item and the crossing.
    const byCross = { ...query, by: ['item', cross] };
    const okCrossed = memoAcceptance(data, byCross);
    const othersCrossed = new Map(others.map((c) => [c.code, memoAcceptance(data, { ...byCross, outcome: [c.code] })]));
    const notCrossed = notOkOf(byCross);
    const order = new Map(splitRows.map((r, i) => [r.key, i]));
    crossDim = okCrossed.dimensions.find((d) => d.id === cross)?.label;
    crossedRows = okCrossed.cells
      .filter((c) => c.respondents > 0 && order.has(c.key.item))
      // Data types in the uncrossed order; the levels of each in the codebook's order (a stable sort).
      .sort((a, b) => order.get(a.key.item)! - order.get(b.key.item)!)
      .map((c) => {
        const item = c.key.item;
        const key = `${item}|${c.key[cross]}`;
        const same = (t: AcceptanceTable) => t.cells.find((x) => x.key.item === item && x.key[cross] === c.key[cross])!;
        return {
          key,
          label: { en: `${c.labels.item.en} · ${c.labels[cross].en}`, nl: `${c.labels.item.nl} · ${c.labels[cross].nl}` },
          tier: metaTier(item),
          computedTier: tierOfItem(item, okCrossed, notCrossed, { [cross]: c.key[cross] }),
          parts: [cellView(c, key, parts[0].code), ...others.map((o) => cellView(same(othersCrossed.get(o.code)!), key, o.code))],
        };
      });
    ok = barChartData(okCrossed, {
      id: 'datatypes-ok',
      rowDims: ['item'],
      seriesDim: cross,
      rowTier: metaTier,
      sortBy,
      cellTier: (cell: AcceptanceCell) => tierOfItem(cell.key.item, okCrossed, notCrossed, { [cross]: cell.key[cross] }),
    });
  } else {
    ok = barChartData(okTable, { id: 'datatypes-ok', rowDims: ['item'], rowTier: metaTier, sortBy, cellTier: (cell) => tierOfItem(cell.key.item, okTable, notOkTable) });
  }
  return { ok, split: { parts, rows: splitRows, crossedRows, crossDim, minBase } };
}

function joinLabels(labels: Label[]): Label {
  return { en: labels.map((l) => l.en).join(' + '), nl: labels.map((l) => l.nl).join(' + ') };
}

