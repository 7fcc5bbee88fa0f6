import { DEFAULT_CONF_LEVEL, DEFAULT_MIN_BASE } from '../analysis/conventions';
import type { ClaimResult, FindingsRegistry } from '../findings/claims';
import { evaluateClaim } from '../findings/evaluate';
import type { SurveyData } from '../survey/dataset';
import { datasetCatalog, type ViewId, WAVE_ID } from '../explore/catalog';
import { missingForClaim } from '../findings/applicability';
import { computeHeadlines } from './headlines';
import { exploreHref, findingsHref } from './links';
import type { ExecutiveSummary, Headline } from './model';
import { findTakeaways } from './takeaways';

export interface SummaryOptions {
  /** The published claims (data/findings.json): headlines that are claims compute through them. */
  registry: FindingsRegistry;
  /**
   * Results already computed for this very dataset (the reference datasets' cached reproduction,
   * which /findings shows); claims not among them are evaluated on the data.
   */
  results?: ClaimResult[];
  minBase?: number;
}

const cache = new WeakMap<SurveyData, ExecutiveSummary>();

/** The executive summary of a dataset: headline figures, key takeaways and what the footnotes need. */
export function buildSummary(data: SurveyData, options: SummaryOptions): ExecutiveSummary {
  const minBase = options.minBase ?? DEFAULT_MIN_BASE;
  const known = new Map((options.results ?? []).map((r) => [r.claim.id, r]));
  const claim = (id: string): ClaimResult => {
    const found = known.get(id);
    if (found) return found;
    const definition = options.registry.claims.find((c) => c.id === id);
    if (!definition) throw new RangeError(`no claim "${id}" in the findings registry`);
    const result = evaluateClaim(definition, data);
    known.set(id, result);
    return result;
  };
  const missing = (id: string) => {
    const definition = options.registry.claims.find((c) => c.id === id);
    return definition ? missingForClaim(definition, data) : [];
  };
  const datasetId = data.codebook.id;
  const { set, headlines, omitted } = computeHeadlines({ data, datasetId, claim, missing, minBase });
  linkToViewsThatExist(headlines, data);
  const scopes = headlines.flatMap((h) => (h.scope ? [h.scope] : []));
  const { takeaways, tested } = findTakeaways(data, scopes.length ? scopes : [{ label: { en: 'All items', nl: 'Alle items' } }], minBase);
  return {
    datasetId,
    title: data.codebook.title,
    studyStyle: data.codebook.studyStyle,
    synthetic: data.codebook.synthetic === true,
    weighted: data.weighted,
    respondents: data.rowCount,
    ...(set === 'P' && { figuresWave: latestWave(data) }),
    headlineSet: set,
    headlines,
    omitted,
    takeaways,
    comparisonsTested: tested,
    minBase,
    confLevel: DEFAULT_CONF_LEVEL,
  };
}

/** The last level of the wave attribute and how many respondents it holds. */
function latestWave(data: SurveyData): ExecutiveSummary['figuresWave'] {
  const wave = data.attributes.get(WAVE_ID);
  if (!wave || wave.levels.length < 2) return undefined;
  const last = wave.levels.length - 1;
  let respondents = 0;
  for (let i = 0; i < data.rowCount; i++) if (wave.levelOf[i] === last) respondents++;
  return { label: wave.levels[last].label, respondents, waves: wave.levels.length };
}

/**
 * Every "See the chart" link goes to an explorer view this dataset has: a headline whose view the
 * codebook cannot support (a study view on a partial upload) links to the generic items view of the
 * question group it is about, or else to its published figure.
 */
function linkToViewsThatExist(headlines: Headline[], data: SurveyData) {
  const catalog = datasetCatalog(data.codebook);
  for (const headline of headlines) {
    if (headline.link.kind !== 'explore') continue;
    const view = new URLSearchParams(headline.link.href.split('?')[1] ?? '').get('view');
    if (catalog.views.includes(view as ViewId)) continue;
    const family = headline.scope?.family ?? data.codebook.items.find((it) => headline.scope?.items?.includes(it.id))?.family;
    if (family && catalog.views.includes('items')) headline.link = { kind: 'explore', href: exploreHref(data.codebook.id, 'items', {}, { family }) };
    else if (headline.claimIds.length) headline.link = { kind: 'findings', href: findingsHref(headline.claimIds[0]) };
    else headline.link = { kind: 'explore', href: exploreHref(data.codebook.id, catalog.views[0] ?? 'items') };
  }
}

/** buildSummary, computed once per dataset object (the registry keeps one per dataset id). */
export function cachedSummary(data: SurveyData, options: SummaryOptions): ExecutiveSummary {
  let summary = cache.get(data);
  if (!summary) {
    summary = buildSummary(data, options);
    cache.set(data, summary);
  }
  return summary;
}
