import type { CodeArray, SurveyData } from '../survey/dataset';
import type { ResolvedDimension, ResolvedQuery } from './query';

/**
 * How the cells of a table are numbered: cell = slice × attributeCells + attribute combination,
 * where the slice is the mixed-radix index over item dimensions (item, situation, ...) and the
 * combination the one over respondent attributes (country, bond, ...).
 */
export interface CellLayout {
  attributeDims: ResolvedDimension[];
  itemDims: ResolvedDimension[];
  attributeCells: number;
  slices: number;
  cellCount: number;
  /** One comparison base per slice when attributes are grouped, else a single base. */
  baseCount: number;
  /** The slice of each analysed item, in the order of resolved.itemIds. */
  sliceOfItem: Int32Array;
  levelArrays: CodeArray[];
  radices: number[];
}

export function cellLayout(data: SurveyData, resolved: ResolvedQuery): CellLayout {
  const attributeDims = resolved.dimensions.filter((d) => d.kind === 'attribute');
  const itemDims = resolved.dimensions.filter((d) => d.kind !== 'attribute');
  const attributeCells = attributeDims.reduce((m, d) => m * d.levels.length, 1);
  const slices = itemDims.reduce((m, d) => m * d.levels.length, 1);
  const sliceOfItem = Int32Array.from(resolved.itemIds, (id) => {
    const { item } = data.items.get(id)!;
    let slice = 0;
    for (const dim of itemDims) {
      const code = dim.kind === 'item' ? item.id : item.meta[dim.id];
      slice = slice * dim.levels.length + dim.levels.findIndex((l) => l.code === code);
    }
    return slice;
  });
  return {
    attributeDims,
    itemDims,
    attributeCells,
    slices,
    cellCount: slices * attributeCells,
    baseCount: attributeDims.length > 0 ? slices : 1,
    sliceOfItem,
    levelArrays: attributeDims.map((d) => data.attributes.get(d.id)!.levelOf),
    radices: attributeDims.map((d) => d.levels.length),
  };
}

/**
 * True when a respondent gives at most one rating to any cell and sits in one cell per comparison
 * base: attributes are grouped and every slice holds a single item. Then the per-respondent sums
 * reduce to per-rating sums and one pass without scratch space suffices.
 */
export function isSingleRatingLayout(layout: CellLayout): boolean {
  return layout.attributeDims.length > 0 && new Set(layout.sliceOfItem).size === layout.sliceOfItem.length;
}

/** The attribute combination of every respondent: -1 when filtered out or a grouping attribute is blank. */
export function combinationOf(layout: CellLayout, include: Uint8Array): Int32Array {
  const n = include.length;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    if (!include[r]) {
      out[r] = -1;
      continue;
    }
    let combination = 0;
    for (let d = 0; d < layout.levelArrays.length; d++) {
      const level = layout.levelArrays[d][r];
      if (level < 0) {
        combination = -1;
        break;
      }
      combination = combination * layout.radices[d] + level;
    }
    out[r] = combination;
  }
  return out;
}
