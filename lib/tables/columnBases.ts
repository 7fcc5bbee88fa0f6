import { clusteredEffectiveBase } from '../stats/clusteredShare';
import type { SurveyData } from '../survey/dataset';
import type { BannerColumn, BannerGroup } from './model';

/**
 * The bases a banner column shows above its cells: the respondents in the column (within the
 * filter) with an answer to at least one of the table's items, their sum of weights and Kish
 * effective base. A row whose item was not asked of everyone has a smaller base in its cells.
 */
export function fillColumnBases(data: SurveyData, itemIds: readonly string[], include: Uint8Array, groups: BannerGroup[], columns: BannerColumn[]): void {
  const n = data.rowCount;
  const answered = new Uint8Array(n);
  for (const id of itemIds) {
    const answers = data.items.get(id)!.answerOf;
    for (let r = 0; r < n; r++) if (answers[r] >= 0) answered[r] = 1;
  }
  const { weights } = data;
  const total = { n: 0, sw: 0, sw2: 0 };
  const perGroup = groups.map((group) => {
    const ids = group.attributes.map((a) => a.id);
    const levelArrays = ids.map((id) => data.attributes.get(id)!.levelOf);
    const radix = ids.map((id) => data.attributes.get(id)!.levels.length);
    return { levelArrays, radix, n: new Float64Array(group.columns.length), sw: new Float64Array(group.columns.length), sw2: new Float64Array(group.columns.length) };
  });
  for (let r = 0; r < n; r++) {
    if (!answered[r] || !include[r]) continue;
    const w = weights[r];
    total.n++;
    total.sw += w;
    total.sw2 += w * w;
    for (const g of perGroup) {
      // The column within the group: outer level × inner levels + inner level (nested), else the level.
      let c = 0;
      for (let a = 0; a < g.levelArrays.length && c >= 0; a++) {
        const level = g.levelArrays[a][r];
        c = level < 0 ? -1 : c * g.radix[a] + level;
      }
      if (c < 0) continue;
      g.n[c]++;
      g.sw[c] += w;
      g.sw2[c] += w * w;
    }
  }
  const bases = (count: number, sw: number, sw2: number) => ({ n: count, weightedN: sw, effectiveN: clusteredEffectiveBase({ sumB: sw, sumBB: sw2 }) });
  columns[0].base = bases(total.n, total.sw, total.sw2);
  groups.forEach((group, gi) => {
    const g = perGroup[gi];
    group.columns.forEach((index, c) => {
      columns[index].base = bases(g.n[c], g.sw[c], g.sw2[c]);
    });
  });
}
