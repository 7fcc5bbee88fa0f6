import type { CrossTable } from './model';

/**
 * The JSON of a banner table (the CLI's `npm run tabulate` and the API's format=json): every cell
 * with n, weighted n, effective n, share, SE (and the fixed-weight SE beside it, `se_fixed`: the
 * same unless the weight is raked) and letters; every pair of columns with its test
 * { row, banner, a, b, diff, se, se_fixed, t, df, p, p_adjusted }, `row` the item id, `banner` the attribute
 * id (nested: "outer>inner", with `within` the outer level), `a` and `b` the codebook's codes and
 * diff = share(a) − share(b). A pair with a column under the minimum base keeps its numbers with
 * small_base true and p_adjusted null: it is not tested and gives no letter.
 */
export function crossTableJson(table: CrossTable) {
  return {
    dataset: table.datasetId,
    synthetic: table.synthetic,
    weight: { id: table.weighting.id, kind: table.weighting.kind, label: table.weighting.label, calibrated: table.weighting.calibrated },
    filter: table.filter,
    min_base: table.minBase,
    alpha: table.alpha,
    correction: table.correction,
    small_cells: table.smallCells,
    test: table.weighting.calibrated
      ? 'svyttest(y ~ g, subset(rdes, !is.na(y) & g %in% c(a, b))), rdes the rake()d (or calibrate()d) design of every respondent: se is the calibrated SE, se_fixed the SE with the raked weights taken as fixed; df = n_a + n_b - 2 (positive weights)'
      : 'svyttest(y ~ g, subset(svydesign(ids = ~1, weights = ~w, data = <respondents with an answer and a value of g>), g %in% c(a, b))); df = n_a + n_b - 2 (positive weights)',
    banner: table.groups.map((g) => ({ id: g.attributes.map((a) => a.id).join('>'), attributes: g.attributes, columns: g.columns })),
    columns: table.columns.map((c) => ({ index: c.index, key: c.key, label: c.label, outer: c.outer?.label ?? null, letter: c.letter, n: c.base.n, weighted_n: c.base.weightedN, effective_n: c.base.effectiveN })),
    rows: table.rows.map((r) => ({ id: r.id, kind: r.kind, item: r.item, codes: r.codes, label: r.label })),
    cells: table.rows.flatMap((r) =>
      r.cells.map((c, i) => ({
        row: r.id,
        item: r.item,
        column: i,
        key: table.columns[i].key,
        n: c.n,
        weighted_n: c.weightedN,
        effective_n: c.effectiveN,
        share: c.share,
        se: c.se,
        se_fixed: c.seFixed,
        letters: c.letters,
        small_base: c.smallBase,
      })),
    ),
    pairs: table.pairs.map((p) => ({
      row: p.item,
      ...(p.row !== p.item ? { answer: p.row.slice(p.item.length + 1) } : {}),
      banner: p.banner,
      within: p.within,
      a: p.a,
      b: p.b,
      diff: p.diff,
      se: p.se,
      se_fixed: p.seFixed,
      t: p.t,
      df: p.df,
      p: p.p,
      p_adjusted: p.pAdjusted,
      small_base: p.smallBase,
    })),
  };
}
