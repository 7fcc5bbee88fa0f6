import { acceptance, findCell, rankedCells, type AcceptanceCell } from '../analysis/acceptance';
import type { AcceptanceQuery } from '../analysis/query';
import type { SurveyData } from '../survey/dataset';
import type { Claim, ClaimCheck, ClaimResult, Tier } from './claims';

/** Significance level of an ordering claim: two-sided, one planned comparison per adjacent pair. */
export const ALPHA = 0.05;

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

/** A published percentage is reproduced when the computed share rounds to it (half up). */
export function roundsTo(share: number, publishedPercent: number): boolean {
  return Math.floor(100 * share + 0.5) === publishedPercent;
}

/**
 * The tier of a data type from its answers: "ok" when the Wilson lower bound of the OK share is
 * above 50%, "nogo" when that of the not-OK share is, "grey" (consumers differ) otherwise. An item
 * whose scale has no not-OK side (see negativeCodes) can only be "ok" or "grey".
 */
export function classifyTier(okShare: Pick<AcceptanceCell, 'ci'>, notOkShare: Pick<AcceptanceCell, 'ci'> | null): Tier {
  if (okShare.ci && okShare.ci.lower > 0.5) return 'ok';
  if (notOkShare?.ci && notOkShare.ci.lower > 0.5) return 'nogo';
  return 'grey';
}

/**
 * The not-OK side of an answer scale, for classifyTier on any scale: the answers at the other end
 * from the positive ones, as many as there are positive answers (never one of them). OK / depends /
 * not OK with OK positive gives "not OK" (the last code, as tierOf reads study G); a 5-point scale
 * with the top two boxes positive gives the bottom two, whichever end the scale starts at; yes/no
 * gives no. Positive answers that do not sit at one end (the middle, or both ends) leave no
 * not-OK side: an empty list.
 */
export function negativeCodes(codes: readonly string[], positive: readonly string[]): string[] {
  const k = positive.length;
  if (k === 0 || k >= codes.length) return [];
  const atStart = codes.slice(0, k).every((c) => positive.includes(c));
  const atEnd = codes.slice(codes.length - k).every((c) => positive.includes(c));
  if (atStart === atEnd) return [];
  const m = Math.min(k, codes.length - k);
  return atStart ? codes.slice(codes.length - m) : codes.slice(0, m);
}

/** OK answers are the items' positive codes; not-OK the last code of their scale (the ok3 scale's "3"). */
function tierOf(data: SurveyData, item: string, filter?: Record<string, string[]>) {
  const column = data.items.get(item);
  if (!column) throw new RangeError(`unknown item "${item}"`);
  const notOkCode = column.codes[column.codes.length - 1].code;
  const ok = acceptance(data, { items: [item], filter }).overall;
  const notOk = acceptance(data, { items: [item], filter, outcome: [notOkCode] }).overall;
  return { tier: classifyTier(ok, notOk), ok, notOk };
}

const baseQuery = (claim: Claim): AcceptanceQuery => ({ items: claim.metric.items, family: claim.metric.family, filter: claim.metric.filter });

const cellCheck = (label: string, ok: boolean, cell: AcceptanceCell, pValue?: number): ClaimCheck => ({
  label,
  ok,
  share: cell.share ?? undefined,
  ci: cell.ci ?? undefined,
  respondents: cell.respondents,
  effectiveBase: cell.effectiveBase,
  pValue,
});

/** Higher-than test of two levels of a grouping, restricted to those two levels so "rest" is the other one. */
function pairTest(data: SurveyData, query: AcceptanceQuery, by: string, high: string, low: string) {
  const isAttribute = data.attributes.has(by);
  const restricted: AcceptanceQuery = isAttribute
    ? { ...query, by: [by], filter: { ...query.filter, [by]: [high, low] } }
    : by === 'item'
      ? { ...query, items: [high, low], family: undefined, by: [by] }
      : { ...query, by: [by], itemWhere: { [by]: [high, low] } };
  const table = acceptance(data, restricted);
  const hi = findCell(table, { [by]: high });
  const lo = findCell(table, { [by]: low });
  if (!hi || !lo || hi.share === null || lo.share === null) throw new RangeError(`no data for ${by} = ${high} or ${low}`);
  const pValue = hi.vsRest?.pValue ?? 1;
  return { hi, lo, pValue, ok: hi.share > lo.share && pValue < ALPHA };
}

export function evaluateClaim(claim: Claim, data: SurveyData): ClaimResult {
  const result: ClaimResult = { claim, reproduced: false, computed: '', share: null, ci: null, respondents: null, effectiveBase: null, checks: [] };
  const headline = (cell: AcceptanceCell) => {
    result.share = cell.share;
    result.ci = cell.ci;
    result.respondents = cell.respondents;
    result.effectiveBase = cell.effectiveBase;
  };
  try {
    const m = claim.metric;
    switch (m.kind) {
      case 'share': {
        const cell = acceptance(data, { ...baseQuery(claim), outcome: m.outcome }).overall;
        if (cell.share === null) throw new RangeError('the base is empty');
        headline(cell);
        const ok = roundsTo(cell.share, m.published);
        result.checks.push(cellCheck(`${pct(cell.share)} rounds to ${m.published}%`, ok, cell));
        result.computed = pct(cell.share);
        break;
      }
      case 'tier': {
        for (const item of m.items ?? []) {
          const { tier, ok, notOk } = tierOf(data, item, m.filter);
          result.checks.push({ ...cellCheck(`${item}: OK ${pct(ok.share ?? 0)}, not OK ${pct(notOk.share ?? 0)} -> ${tier}`, tier === m.expected, ok) });
        }
        result.computed = result.checks.every((c) => c.ok) ? `all ${m.expected}` : `${result.checks.filter((c) => c.ok).length}/${result.checks.length} ${m.expected}`;
        break;
      }
      case 'unlock': {
        for (const item of m.items ?? []) {
          const open = tierOf(data, item, { ...m.filter, [m.attribute]: m.unlocked });
          const shut = tierOf(data, item, { ...m.filter, [m.attribute]: m.locked });
          result.checks.push(cellCheck(`${item}: ${m.attribute} ${m.unlocked.join('+')} OK ${pct(open.ok.share ?? 0)} -> ${open.tier}`, open.tier === 'ok', open.ok));
          result.checks.push(cellCheck(`${item}: ${m.attribute} ${m.locked.join('+')} OK ${pct(shut.ok.share ?? 0)} -> ${shut.tier}`, shut.tier !== 'ok', shut.ok));
        }
        result.computed = `${result.checks.filter((c) => c.ok).length}/${result.checks.length} checks hold`;
        break;
      }
      case 'ordering': {
        for (const [high, low] of m.pairs) {
          const { hi, lo, pValue, ok } = pairTest(data, baseQuery(claim), m.by, high, low);
          result.checks.push(cellCheck(`${high} ${pct(hi.share!)} > ${low} ${pct(lo.share!)} (p = ${pValue.toExponential(2)})`, ok, hi, pValue));
        }
        result.computed = result.checks.map((c) => c.label.split(' (')[0]).join('; ');
        break;
      }
      case 'extremes': {
        const table = acceptance(data, { ...baseQuery(claim), by: m.by });
        const ranked = rankedCells(table);
        const top = ranked[0];
        const bottom = ranked[ranked.length - 1];
        const matches = (cell: AcceptanceCell, key: Record<string, string>) => Object.entries(key).every(([d, code]) => cell.key[d] === code);
        const name = (cell: AcceptanceCell) => m.by.map((d) => cell.key[d]).join(' | ');
        const topP = top.vsRest?.pAdjusted ?? 1;
        const bottomP = bottom.vsRest?.pAdjusted ?? 1;
        result.checks.push(cellCheck(`top: ${name(top)} ${pct(top.share!)} (vs rest p_BH = ${topP.toExponential(2)})`, matches(top, m.top) && top.vsRest!.diff > 0 && topP < ALPHA, top, topP));
        result.checks.push(cellCheck(`bottom: ${name(bottom)} ${pct(bottom.share!)} (vs rest p_BH = ${bottomP.toExponential(2)})`, matches(bottom, m.bottom) && bottom.vsRest!.diff < 0 && bottomP < ALPHA, bottom, bottomP));
        result.computed = `top ${name(top)}, bottom ${name(bottom)}`;
        headline(top);
        break;
      }
      case 'rise': {
        const within = data.attributes.get(m.within);
        if (!within) throw new RangeError(`unknown attribute "${m.within}"`);
        for (const level of within.levels) {
          const query = { ...baseQuery(claim), filter: { ...claim.metric.filter, [m.within]: [level.code] } };
          const { hi, lo, pValue, ok } = pairTest(data, query, m.over, m.to, m.from);
          result.checks.push(cellCheck(`${level.code}: ${m.from} ${pct(lo.share!)} -> ${m.to} ${pct(hi.share!)} (p = ${pValue.toExponential(2)})`, ok, hi, pValue));
        }
        result.computed = `rose in ${result.checks.filter((c) => c.ok).length} of ${result.checks.length}`;
        break;
      }
    }
    result.reproduced = result.checks.length > 0 && result.checks.every((c) => c.ok);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    result.computed = 'error';
  }
  return result;
}
