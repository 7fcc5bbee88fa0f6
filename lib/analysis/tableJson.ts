import type { AcceptanceCell, AcceptanceTable } from './acceptance';

/**
 * The JSON shape of an acceptance table, shared by the CLI (`npm run analyze`) and the HTTP API
 * (`GET /api/datasets/[id]/acceptance`): snake_case fields, every cell with n, effective n, sum of
 * weights, share, SE, both intervals and the test against the rest.
 */
export function cellJson(cell: AcceptanceCell) {
  return {
    key: cell.key,
    n: cell.respondents,
    ratings: cell.ratings,
    effective_n: cell.effectiveBase,
    sum_weights: cell.sumWeights,
    share: cell.share,
    se: cell.se,
    se_fixed_weights: cell.seFixed,
    ci_wilson: cell.ci,
    ci_logit: cell.ciLogit,
    vs_rest: cell.vsRest && { diff: cell.vsRest.diff, se: cell.vsRest.se, t: cell.vsRest.t, df: cell.vsRest.df, p_value: cell.vsRest.pValue, p_adjusted_bh: cell.vsRest.pAdjusted, rest_share: cell.vsRest.restShare },
    small_base: cell.smallBase,
  };
}

export function tableJson(table: AcceptanceTable) {
  return {
    dataset: table.datasetId,
    synthetic: table.synthetic,
    weighted: table.weighted,
    weight: { id: table.weight.id, label: table.weight.label, kind: table.weight.kind, se: table.weight.calibrated ? 'calibrated: svymean on the rake()d design (se); with the weights as fixed weights beside it (se_fixed_weights)' : 'fixed weights' },
    items: table.itemIds,
    by: table.dimensions.map((d) => d.id),
    min_base: table.minBase,
    conf_level: table.confLevel,
    interval: table.weight.calibrated
      ? 'Wilson on the raked design\'s effective base p(1-p)/se^2 (ci_wilson); svyciprop logit interval with the calibrated se beside it (ci_logit)'
      : 'Wilson on the Kish effective base (ci_wilson); svyciprop logit interval beside it (ci_logit)',
    test: 'design-based t test of the cell against the rest of its base, df = n - 2; Benjamini-Hochberg over the cells at or above the minimum base',
    respondents_missing_group: table.missingAttribute,
    notes: table.notes,
    overall: cellJson(table.overall),
    cells: table.dimensions.length ? table.cells.map(cellJson) : [],
  };
}
