import { ALPHA } from '../analysis/conventions';
import { acceptance, findCell, rankedCells, type AcceptanceCell } from '../analysis/acceptance';
import type { AcceptanceQuery } from '../analysis/query';
import { formatPercent } from '../i18n/numbers';
import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { answerSides, classifyTier, type Tier } from '../analysis/tiers';
import type { Claim, ClaimCheck, ClaimResult } from './claims';

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

/**
 * The pages' words for a result: labels from the codebook instead of codes, percentages written for
 * each language. `w` builds a Label from one template function applied to both locales.
 */
const w = (make: (locale: 'en' | 'nl') => string): Label => ({ en: make('en'), nl: make('nl') });
const TIER_WORDS: Record<Tier, Label> = { ok: { en: 'OK to use', nl: 'oké om te gebruiken' }, grey: { en: 'grey zone', nl: 'grijs gebied' }, nogo: { en: 'no-go', nl: 'no-go' } };

/** The label of a level of a grouping: an attribute's level, an item, or an item dimension's value. */
function levelLabel(data: SurveyData, by: string, code: string): Label {
  const attribute = data.attributes.get(by);
  if (attribute) return attribute.levels.find((l) => l.code === code)?.label ?? { en: code, nl: code };
  if (by === 'item') return data.items.get(code)?.item.label ?? { en: code, nl: code };
  return data.codebook.itemDimensions.find((d) => d.id === by)?.values.find((v) => v.code === code)?.label ?? { en: code, nl: code };
}

/** A published percentage is reproduced when the computed share rounds to it (half up). */
export function roundsTo(share: number, publishedPercent: number): boolean {
  return Math.floor(100 * share + 0.5) === publishedPercent;
}

/** OK answers are the items' positive codes; not-OK the other side of their scale (tiers.ts). */
function tierOf(data: SurveyData, item: string, filter?: Record<string, string[]>) {
  const column = data.items.get(item);
  if (!column) throw new RangeError(`unknown item "${item}"`);
  const { negative } = answerSides(column);
  const ok = acceptance(data, { items: [item], filter }).overall;
  const notOk = negative.length ? acceptance(data, { items: [item], filter, outcome: negative }).overall : null;
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
        const share = cell.share;
        result.checks.push({
          ...cellCheck(`${pct(cell.share)} rounds to ${m.published}%`, ok, cell),
          text: w((l) => (l === 'nl' ? `${formatPercent(share, l)} rondt af op ${m.published}%` : `${formatPercent(share, l)} rounds to ${m.published}%`)),
        });
        result.computed = pct(cell.share);
        break;
      }
      case 'tier': {
        for (const item of m.items ?? []) {
          const { tier, ok, notOk } = tierOf(data, item, m.filter);
          const name = levelLabel(data, 'item', item);
          result.checks.push({
            ...cellCheck(`${item}: OK ${pct(ok.share ?? 0)}, not OK ${pct(notOk?.share ?? 0)} -> ${tier}`, tier === m.expected, ok),
            text: w((l) => `${name[l]}: ${l === 'nl' ? 'oké' : 'OK'} ${formatPercent(ok.share ?? 0, l)}, ${l === 'nl' ? 'niet oké' : 'not OK'} ${formatPercent(notOk?.share ?? 0, l)}: ${TIER_WORDS[tier][l]}`),
          });
        }
        const held = result.checks.filter((c) => c.ok).length;
        result.computed = result.checks.every((c) => c.ok) ? `all ${m.expected}` : `${held}/${result.checks.length} ${m.expected}`;
        result.display = result.checks.every((c) => c.ok)
          ? w((l) => `${l === 'nl' ? 'alle' : 'all'} ${TIER_WORDS[m.expected][l]}`)
          : w((l) => `${held} ${l === 'nl' ? 'van' : 'of'} ${result.checks.length} ${TIER_WORDS[m.expected][l]}`);
        break;
      }
      case 'unlock': {
        for (const item of m.items ?? []) {
          const open = tierOf(data, item, { ...m.filter, [m.attribute]: m.unlocked });
          const shut = tierOf(data, item, { ...m.filter, [m.attribute]: m.locked });
          const name = levelLabel(data, 'item', item);
          const levels = (codes: string[]) => w((l) => codes.map((c) => levelLabel(data, m.attribute, c)[l]).join(' + '));
          const line = (codes: string[], cell: AcceptanceCell, tier: Tier) => w((l) => `${name[l]}, ${levels(codes)[l]}: ${l === 'nl' ? 'oké' : 'OK'} ${formatPercent(cell.share ?? 0, l)}: ${TIER_WORDS[tier][l]}`);
          result.checks.push({ ...cellCheck(`${item}: ${m.attribute} ${m.unlocked.join('+')} OK ${pct(open.ok.share ?? 0)} -> ${open.tier}`, open.tier === 'ok', open.ok), text: line(m.unlocked, open.ok, open.tier) });
          result.checks.push({ ...cellCheck(`${item}: ${m.attribute} ${m.locked.join('+')} OK ${pct(shut.ok.share ?? 0)} -> ${shut.tier}`, shut.tier !== 'ok', shut.ok), text: line(m.locked, shut.ok, shut.tier) });
        }
        const held = result.checks.filter((c) => c.ok).length;
        result.computed = `${held}/${result.checks.length} checks hold`;
        result.display = w((l) => (l === 'nl' ? `${held} van ${result.checks.length} controles kloppen` : `${held} of ${result.checks.length} checks hold`));
        break;
      }
      case 'ordering': {
        for (const [high, low] of m.pairs) {
          const { hi, lo, pValue, ok } = pairTest(data, baseQuery(claim), m.by, high, low);
          const [highLabel, lowLabel] = [levelLabel(data, m.by, high), levelLabel(data, m.by, low)];
          result.checks.push({
            ...cellCheck(`${high} ${pct(hi.share!)} > ${low} ${pct(lo.share!)} (p = ${pValue.toExponential(2)})`, ok, hi, pValue),
            text: w((l) => `${highLabel[l]} ${formatPercent(hi.share!, l)} > ${lowLabel[l]} ${formatPercent(lo.share!, l)}`),
          });
        }
        result.computed = result.checks.map((c) => c.label.split(' (')[0]).join('; ');
        result.display = w((l) => result.checks.map((c) => c.text![l]).join('; '));
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
        const named = (cell: AcceptanceCell, l: 'en' | 'nl') => m.by.map((d) => levelLabel(data, d, cell.key[d])[l]).join(' · ');
        result.checks[result.checks.length - 2].text = w((l) => `${l === 'nl' ? 'hoogst' : 'top'}: ${named(top, l)} ${formatPercent(top.share!, l)}`);
        result.checks[result.checks.length - 1].text = w((l) => `${l === 'nl' ? 'laagst' : 'bottom'}: ${named(bottom, l)} ${formatPercent(bottom.share!, l)}`);
        result.display = w((l) => (l === 'nl' ? `hoogst: ${named(top, l)}; laagst: ${named(bottom, l)}` : `top: ${named(top, l)}; bottom: ${named(bottom, l)}`));
        headline(top);
        break;
      }
      case 'rise': {
        const within = data.attributes.get(m.within);
        if (!within) throw new RangeError(`unknown attribute "${m.within}"`);
        for (const level of within.levels) {
          const query = { ...baseQuery(claim), filter: { ...claim.metric.filter, [m.within]: [level.code] } };
          const { hi, lo, pValue, ok } = pairTest(data, query, m.over, m.to, m.from);
          const [from, to] = [levelLabel(data, m.over, m.from), levelLabel(data, m.over, m.to)];
          result.checks.push({
            ...cellCheck(`${level.code}: ${m.from} ${pct(lo.share!)} -> ${m.to} ${pct(hi.share!)} (p = ${pValue.toExponential(2)})`, ok, hi, pValue),
            text: w((l) => `${level.label[l]}: ${from[l]} ${formatPercent(lo.share!, l)} → ${to[l]} ${formatPercent(hi.share!, l)}`),
          });
        }
        const rose = result.checks.filter((c) => c.ok).length;
        result.computed = `rose in ${rose} of ${result.checks.length}`;
        result.display = w((l) => (l === 'nl' ? `gestegen in ${rose} van ${result.checks.length}` : `rose in ${rose} of ${result.checks.length}`));
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
