import { clusteredEffectiveBase } from '../stats/clusteredShare';
import type { SurveyData } from '../survey/dataset';
import type { BannerColumn, BannerGroup } from './model';

/**
 * The bases a banner column shows above its cells: the respondents in the column (within the
 * filter) with an answer to at least one of the table's items, their sum of weights and Kish
 * effective base. A row whose item was not asked of everyone has a smaller base in its cells.
 * Several tables on one banner (a tab book) share the respondents' columns, found once.
 */
export function fillColumnBases(data: SurveyData, itemSets: readonly string[][], include: Uint8Array, groups: BannerGroup[], columnsPerTable: BannerColumn[][]): void {
  const columnOf = groups.map((group) => groupColumn(data, group));
  itemSets.forEach((itemIds, t) => {
    const mask = answeredAny(data, itemIds, include);
    const columns = columnsPerTable[t];
    const total = sums(mask, null, data.weights, 1);
    columns[0].base = bases(total, 0);
    groups.forEach((group, g) => {
      const perColumn = sums(mask, columnOf[g], data.weights, group.columns.length);
      group.columns.forEach((index, c) => (columns[index].base = bases(perColumn, c)));
    });
  });
}

/** Each respondent's column within a banner group (outer level × inner levels + inner level when nested); -1 when blank. */
function groupColumn(data: SurveyData, group: BannerGroup): Int32Array {
  const out = new Int32Array(data.rowCount);
  const [first, second] = group.attributes.map((a) => data.attributes.get(a.id)!);
  const levels = first.levelOf;
  for (let r = 0; r < out.length; r++) out[r] = levels[r];
  if (second) {
    const inner = second.levelOf;
    const radix = second.levels.length;
    for (let r = 0; r < out.length; r++) out[r] = out[r] < 0 || inner[r] < 0 ? -1 : out[r] * radix + inner[r];
  }
  return out;
}

/** 1 for respondents in the filter with an answer to any of the items. */
function answeredAny(data: SurveyData, itemIds: readonly string[], include: Uint8Array): Uint8Array {
  const mask = new Uint8Array(data.rowCount);
  for (const id of itemIds) {
    const answers = data.items.get(id)!.answerOf;
    for (let r = 0; r < mask.length; r++) if (answers[r] >= 0) mask[r] = 1;
  }
  for (let r = 0; r < mask.length; r++) mask[r] &= include[r];
  return mask;
}

/** n, Σw and Σw² per column (one column when `column` is null), interleaved. */
function sums(mask: Uint8Array, column: Int32Array | null, weights: Float64Array, width: number): Float64Array {
  const out = new Float64Array(3 * width);
  for (let r = 0; r < mask.length; r++) {
    if (!mask[r]) continue;
    const c = column ? column[r] : 0;
    if (c < 0) continue;
    const w = weights[r];
    out[3 * c] += 1;
    out[3 * c + 1] += w;
    out[3 * c + 2] += w * w;
  }
  return out;
}

const bases = (s: Float64Array, c: number) => ({ n: s[3 * c], weightedN: s[3 * c + 1], effectiveN: clusteredEffectiveBase({ sumB: s[3 * c + 1], sumBB: s[3 * c + 2] }) });
