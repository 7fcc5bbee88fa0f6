import type { CodeArray, SurveyData } from '../survey/dataset';
import { accumulators, addRespondent, type Accumulators, type CollectedSums } from './accumulators';
import { combinationOf, type CellLayout } from './cellIndex';
import type { ResolvedQuery } from './query';

// Interleaved sums per cell: respondents, with positive weight, Σw, Σwy, Σw², Σw²y.
const STRIDE = 6;

/**
 * The fast pass for single-rating layouts (isSingleRatingLayout): each rating is its respondent's
 * only one in its cell and base, so A = w·y, B = w, A² = AB = w²y, B² = w², and the cross sums with
 * the base equal the cell's own. Item by item over contiguous columns, several layouts sharing the
 * same items and filter in one pass (the acceptance cube). The overall pooled cell still needs
 * per-respondent totals, kept in three arrays.
 */
export function collectSingleRating(data: SurveyData, resolved: ResolvedQuery, layouts: CellLayout[]): CollectedSums[] {
  const { positiveByItem, include } = resolved;
  const n = data.rowCount;
  const { weights } = data;
  const combos = layouts.map((layout) => combinationOf(layout, include));
  const sums = layouts.map((layout) => new Float64Array(layout.cellCount * STRIDE));
  const respondentA = new Float64Array(n);
  const respondentB = new Float64Array(n);
  const respondentN = new Int32Array(n);
  const L = layouts.length;
  const groupings = groupingsFor(data, layouts, combos, include);

  resolved.itemIds.forEach((id, j) => {
    const answers = data.items.get(id)!.answerOf;
    const positive = Uint8Array.from(positiveByItem[j], (p) => (p ? 1 : 0));
    // Per-respondent totals for the overall (pooled) cell.
    for (let r = 0; r < n; r++) {
      const answer = answers[r];
      if (answer < 0 || !include[r]) continue;
      const w = weights[r];
      respondentA[r] += positive[answer] ? w : 0;
      respondentB[r] += w;
      respondentN[r]++;
    }
    // One tight pass per grouping: sums per (answer code, group) folded into the layouts' cells
    // afterwards. y depends only on the code, so three running sums per rating suffice.
    const codes = positive.length;
    for (const grouping of groupings) {
      const { count, zeroWeight, sumW, sumW2 } = sumsByCodeAndLevel(answers, grouping.groupOf, weights, codes, grouping.size);
      for (const { layout: l, comboOfGroup } of grouping.targets) {
        const s = sums[l];
        const offset = layouts[l].sliceOfItem[j] * layouts[l].attributeCells;
        for (let answer = 0; answer < codes; answer++) {
          const y = positive[answer];
          for (let g = 0; g < grouping.size; g++) {
            const c = comboOfGroup[g];
            const k = answer * grouping.size + g;
            if (c < 0 || count[k] === 0) continue;
            const out = (offset + c) * STRIDE;
            s[out] += count[k];
            s[out + 1] += count[k] - zeroWeight[k];
            s[out + 2] += sumW[k];
            s[out + 3] += y * sumW[k];
            s[out + 4] += sumW2[k];
            s[out + 5] += y * sumW2[k];
          }
        }
      }
    }
  });

  const overall = accumulators(1);
  const missing = new Array<number>(L).fill(0);
  for (let r = 0; r < n; r++) {
    if (respondentN[r] === 0) continue;
    addRespondent(overall, 0, respondentA[r], respondentB[r], respondentN[r], respondentA[r], respondentB[r]);
    for (let l = 0; l < L; l++) if (combos[l][r] < 0) missing[l]++;
  }

  return layouts.map((layout, l) => {
    const cells = accumulators(layout.cellCount);
    const bases = accumulators(layout.baseCount);
    const s = sums[l];
    for (let cell = 0; cell < layout.cellCount; cell++) {
      const k = cell * STRIDE;
      const [count, weighted, sw, swy, sw2, sw2y] = [s[k], s[k + 1], s[k + 2], s[k + 3], s[k + 4], s[k + 5]];
      setSingleRatingSums(cells, cell, count, weighted, sw, swy, sw2, sw2y);
      const base = Math.floor(cell / layout.attributeCells);
      setSingleRatingSums(bases, base, bases.respondents[base] + count, bases.weightedRespondents[base] + weighted, bases.b[base] + sw, bases.a[base] + swy, bases.bb[base] + sw2, bases.aa[base] + sw2y);
    }
    return { cells, bases, overall, missingAttribute: missing[l] };
  });
}

interface Grouping {
  /** Group of each respondent; -1 when filtered out (or, per layout, a grouping attribute is blank). */
  groupOf: Int32Array;
  size: number;
  /** For each layout served: the layout's attribute combination of each group (-1: not in a cell). */
  targets: { layout: number; comboOfGroup: Int32Array }[];
}

const MAX_JOINT_GROUPS = 1 << 16;

/**
 * How respondents are grouped in the hot loop. With several layouts (the cube), the joint cell over
 * all their attributes, a blank value being a level of its own, serves every layout in one pass,
 * each then reading its margins; when that joint table would be too large, one pass per layout.
 */
function groupingsFor(data: SurveyData, layouts: CellLayout[], combos: Int32Array[], include: Uint8Array): Grouping[] {
  const perLayout = () =>
    layouts.map((layout, l) => ({ groupOf: combos[l], size: layout.attributeCells, targets: [{ layout: l, comboOfGroup: Int32Array.from({ length: layout.attributeCells }, (_, g) => g) }] }));
  const ids = [...new Set(layouts.flatMap((layout) => layout.attributeDims.map((d) => d.id)))];
  const radices = ids.map((id) => data.attributes.get(id)!.levels.length + 1);
  const size = radices.reduce((m, r) => m * r, 1);
  if (layouts.length === 1 || size > MAX_JOINT_GROUPS) return perLayout();

  const levelArrays = ids.map((id) => data.attributes.get(id)!.levelOf);
  const groupOf = new Int32Array(include.length);
  for (let r = 0; r < include.length; r++) {
    if (!include[r]) {
      groupOf[r] = -1;
      continue;
    }
    let g = 0;
    for (let a = 0; a < ids.length; a++) {
      const level = levelArrays[a][r];
      g = g * radices[a] + (level < 0 ? radices[a] - 1 : level);
    }
    groupOf[r] = g;
  }
  const targets = layouts.map((layout, l) => {
    const positions = layout.attributeDims.map((d) => ids.indexOf(d.id));
    const comboOfGroup = new Int32Array(size);
    for (let g = 0; g < size; g++) {
      // Decode the joint group into one level per attribute (the last is "blank").
      const levels = new Array<number>(ids.length);
      let rest = g;
      for (let a = ids.length - 1; a >= 0; a--) {
        levels[a] = rest % radices[a];
        rest = Math.floor(rest / radices[a]);
      }
      let combo = 0;
      for (let d = 0; d < positions.length && combo >= 0; d++) {
        const level = levels[positions[d]];
        combo = level === radices[positions[d]] - 1 ? -1 : combo * layout.radices[d] + level;
      }
      comboOfGroup[g] = combo;
    }
    return { layout: l, comboOfGroup };
  });
  return [{ groupOf, size, targets }];
}

/** The hot loop, kept in a small function of its own so the JIT optimises it in isolation. */
function sumsByCodeAndLevel(answers: CodeArray, combo: Int32Array, weights: Float64Array, codes: number, levels: number) {
  const count = new Float64Array(codes * levels);
  const zeroWeight = new Float64Array(codes * levels);
  const sumW = new Float64Array(codes * levels);
  const sumW2 = new Float64Array(codes * levels);
  const n = answers.length;
  for (let r = 0; r < n; r++) {
    const answer = answers[r];
    const c = combo[r];
    if (answer < 0 || c < 0) continue;
    const w = weights[r];
    const k = answer * levels + c;
    count[k] += 1;
    sumW[k] += w;
    sumW2[k] += w * w;
    if (w === 0) zeroWeight[k] += 1;
  }
  return { count, zeroWeight, sumW, sumW2 };
}

function setSingleRatingSums(acc: Accumulators, i: number, count: number, weighted: number, sw: number, swy: number, sw2: number, sw2y: number) {
  acc.respondents[i] = count;
  acc.weightedRespondents[i] = weighted;
  acc.ratings[i] = count;
  acc.a[i] = swy;
  acc.b[i] = sw;
  acc.aa[i] = sw2y;
  acc.ab[i] = sw2y;
  acc.bb[i] = sw2;
  acc.aAt[i] = sw2y;
  acc.aBt[i] = sw2y;
  acc.bAt[i] = sw2y;
  acc.bBt[i] = sw2;
}
