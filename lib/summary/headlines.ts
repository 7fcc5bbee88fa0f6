import { acceptance, rankedCells } from '../analysis/acceptance';
import type { ClaimResult } from '../findings/claims';
import { answerSides, classifyTier } from '../analysis/tiers';
import type { Attribute, Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { shorten } from '../explore/shorten';
import { compareLevels, figureOf } from './compare';
import { precise } from './format';
import { exploreHref, findingsHref } from './links';
import type { Figure, GroupDifference, Headline, OmittedHeadline, Scope, Tone } from './model';
import { ALPHA } from '../analysis/conventions';
import { levelCandidate } from './takeaways';
import { bondAttribute, bondEnds } from './bond';
import { type Catalog, labelOf, type LabelValues } from '../i18n/catalog';

/**
 * The headline figures of a dataset. Study G and study P each have their set, written as claims of
 * data/findings.json wherever the figure is a published one, so a headline shows exactly the value
 * /findings computes. An uploaded dataset gets the set of its study style; a headline whose items,
 * attributes or levels its codebook lacks is left out, with the reason in words. A codebook of
 * neither style (an analyst's own survey), or one that supports none of them, gets generic
 * headlines: per question group (item family), acceptance overall with its base and interval, the
 * most and least accepted item, and the largest significant difference between the levels of an
 * attribute, with its bases.
 */
export interface HeadlineContext {
  data: SurveyData;
  datasetId: string;
  /** A claim evaluated on this dataset (for the reference datasets: the results /findings shows). */
  claim: (id: string) => ClaimResult;
  /** What the dataset lacks to answer a claim, in words (empty when it can answer it). */
  missing: (claimId: string) => Label[];
  minBase: number;
}

/** A headline the dataset cannot support: `reason` says in words (English and Dutch) what is missing. */
export class Unsupported extends Error {
  constructor(readonly reason: Label) {
    super(reason.en);
    this.name = 'Unsupported';
  }
}

/**
 * The headlines' words, in both languages: messages/*.json, namespace `summaryHeadlines` (a
 * headline is a Label, which the page, the PDF and the slides read in their language).
 */
const text = (key: keyof Catalog['summaryHeadlines'] & string, values?: LabelValues): Label => labelOf('summaryHeadlines', key, values);

/** A label with the same change made to both languages (quoted, shortened, lower-cased). */
const each = (label: Label, change: (text: string) => string): Label => ({ en: change(label.en), nl: change(label.nl) });

/** A share as each language writes it: "61.5%", "61,5%". */
const shareText = (share: number): Label => ({ en: precise(share, 'en'), nl: precise(share, 'nl') });

/** Why a headline is left out when its figure cannot be computed for another reason than a missing question. */
const NO_FIGURE = text('noFigure');
const NOT_ENOUGH = text('notEnough');

interface HeadlineSpec {
  id: string;
  title: Label;
  /** The published claims it computes: a dataset that cannot answer them gets the claims' reasons (lib/findings/applicability.ts). */
  claims: string[];
  build: (ctx: HeadlineContext) => Headline;
}

const EVERYONE = text('everyone');
const SCENARIO = 'scenario';
const DATA_TYPE = 'dataType';

/** The computed share of a share claim, as a figure; Unsupported when the dataset cannot compute it. */
function claimFigure(ctx: HeadlineContext, id: string, label: Label, tone: Tone): Figure {
  const result = ctx.claim(id);
  if (result.error || result.share === null || result.respondents === null) throw new Unsupported(NO_FIGURE);
  const smallBase = result.respondents < ctx.minBase;
  return {
    label,
    share: result.share,
    // Under the minimum base a figure shows no interval (lib/analysis/smallBase.ts).
    ci: smallBase ? null : result.ci,
    respondents: result.respondents,
    effectiveBase: result.effectiveBase ?? 0,
    claimId: id,
    tone,
    smallBase,
  };
}

function required<T>(value: T | null | undefined, what: Label = NO_FIGURE): T {
  if (value === null || value === undefined) throw new Unsupported(what);
  return value;
}

function familyLabel(data: SurveyData, family: string): Label {
  return data.codebook.families.find((f) => f.id === family)?.label ?? { en: family, nl: family };
}

function attributeLevel(data: SurveyData, attribute: string, code: string): Label {
  const column = required(data.attributes.get(attribute));
  return required(column.levels.find((l) => l.code === code)).label;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "gender, age group and past purchases" / "geslacht, leeftijdsgroep en eerdere aankopen". */
export function listLabel(labels: Label[]): Label {
  const words = labels.map((l) => each(l, lowerFirst));
  if (words.length <= 1) return words[0] ?? { en: '', nl: '' };
  const rest = words.slice(0, -1);
  return text('listAnd', { rest: { en: rest.map((w) => w.en).join(', '), nl: rest.map((w) => w.nl).join(', ') }, last: words[words.length - 1] });
}

/** Every data type, classified as the findings classify them: OK, grey zone or no-go. */
function dataTypeTiers(data: SurveyData) {
  const items = data.codebook.items.filter((it) => it.family === DATA_TYPE);
  if (!items.length) throw new Unsupported(NO_FIGURE);
  return items.map((item) => {
    const { negative } = answerSides(data.items.get(item.id)!);
    const ok = acceptance(data, { items: [item.id] }).overall;
    const notOk = negative.length ? acceptance(data, { items: [item.id], outcome: negative }).overall : null;
    return { item, ok, notOk, tier: classifyTier(ok, notOk) };
  });
}

function dataTypeHeadline(ctx: HeadlineContext, tier: 'ok' | 'nogo'): Headline {
  const chosen = dataTypeTiers(ctx.data).filter((d) => d.tier === tier);
  if (!chosen.length)
    throw new Unsupported(text(tier === 'ok' ? 'noOkType' : 'noNogoType'));
  const bars = chosen
    .map((d) => required(figureOf(tier === 'ok' ? d.ok : d.notOk!, d.item.label, tier)))
    .sort((a, b) => b.share - a.share);
  const list = listLabel(bars.map((b) => b.label));
  const shares = bars.map((b) => b.share);
  return {
    id: tier === 'ok' ? 'g-ok-types' : 'g-nogo-types',
    claimIds: [tier === 'ok' ? 'G2' : 'G3'],
    value: { kind: 'range', low: Math.min(...shares), high: Math.max(...shares) },
    title: text(tier === 'ok' ? 'gOkTypesTitle' : 'gNogoTypesTitle', { list }),
    soWhat: text(tier === 'ok' ? 'gOkTypesSoWhat' : 'gNogoTypesSoWhat'),
    chartTitle: text(tier === 'ok' ? 'gOkTypesChart' : 'gNogoTypesChart'),
    bars,
    link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'datatypes') },
  };
}

const NOT_HIGHER = text('notHigher');

/**
 * A bond headline: on one question group, the strongest bond against the weakest (levelCandidate's
 * comparison, the one the key takeaways quote for the same dimension), as signed points, with the
 * bands as bars beside everyone. `claimed` replaces the strongest band's bar by its published
 * claim's figure (study G's G5, the very value /findings shows).
 */
function bondHeadline(
  ctx: HeadlineContext,
  attribute: Attribute,
  family: string,
  spec: Pick<Headline, 'id' | 'claimIds' | 'title' | 'soWhat' | 'chartTitle' | 'link'> & { everyone: Figure; claimed?: Figure },
): Headline {
  const { data, minBase } = ctx;
  const scope: Scope = { label: familyLabel(data, family), family };
  const comparison = required(levelCandidate(data, scope, { id: attribute.id, label: attribute.label }, minBase), NOT_HIGHER);
  const { everyone, claimed, ...words } = spec;
  const table = acceptance(data, { family, by: [attribute.id], minBase });
  const bands = table.cells
    .map((c) => {
      const strongest = c.key[attribute.id] === comparison.top.level;
      return strongest && claimed ? claimed : figureOf(c, c.labels[attribute.id], strongest ? 'focus' : 'base');
    })
    .filter((f): f is Figure => f !== null);
  return {
    ...words,
    value: { kind: 'points', diff: comparison.diff, pValue: comparison.pValue },
    bars: [everyone, ...bands],
    comparison,
    test: { high: comparison.top, low: comparison.bottom, pValue: comparison.pValue, description: text('tTest') },
    scope,
  };
}

/** "Strong (4-5)" -> "strong (4-5)" in running text; "NPS" or "UK" stay as they are. */
const inText = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/**
 * The bond headline of a codebook of neither study style that has a bond attribute (bond.ts): on
 * its scenario group when it has one (study G's), else its first question group. None without a
 * bond attribute: nothing to show and nothing to say.
 */
function genericBondHeadline(ctx: HeadlineContext): { headline?: Headline; omitted?: OmittedHeadline } {
  const attribute = bondAttribute(ctx.data.codebook);
  if (!attribute) return {};
  const families = ctx.data.codebook.families.filter((f) => ctx.data.codebook.items.some((it) => it.family === f.id));
  const family = families.find((f) => f.id === SCENARIO) ?? families[0];
  const id = 'bond';
  const name = each(attribute.label, inText);
  if (!family) return {};
  const quoted = each(family.label, quote);
  try {
    const all = required(figureOf(acceptance(ctx.data, { family: family.id, minBase: ctx.minBase }).overall, EVERYONE, 'base'));
    const headline = bondHeadline(ctx, attribute, family.id, {
      id,
      claimIds: [],
      everyone: all,
      title: { en: '', nl: '' },
      soWhat: { en: '', nl: '' },
      chartTitle: text('bondChart', { family: quoted, attribute: name }),
      link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'groups', {}, { family: family.id, by: attribute.id }) },
    });
    const { top, bottom } = headline.comparison!;
    headline.title = text('bondTitle', { family: quoted, attribute: name, high: each(top.label, inText), low: each(bottom.label, inText) });
    const tested = !top.smallBase && !bottom.smallBase;
    headline.soWhat = text(tested && headline.comparison!.pValue < ALPHA ? 'bondSoWhat' : 'bondSoWhatNotSignificant');
    return { headline };
  } catch (error) {
    return { omitted: { id, title: attribute.label, reason: error instanceof Unsupported ? error.reason : NO_FIGURE } };
  }
}

const G_SPECS: HeadlineSpec[] = [
  {
    id: 'g-acceptance',
    claims: ['G1', 'G11'],
    title: text('gAcceptanceName'),
    build: (ctx) => {
      const everyone = claimFigure(ctx, 'G1', EVERYONE, 'focus');
      const table = acceptance(ctx.data, { family: SCENARIO, by: ['industry'], minBase: ctx.minBase });
      const industries = table.cells.map((c) => figureOf(c, c.labels.industry, 'base')).filter((f): f is Figure => f !== null);
      return {
        id: 'g-acceptance',
        claimIds: ['G1', 'G11'],
        value: { kind: 'share', share: everyone.share },
        title: text('gAcceptanceTitle'),
        soWhat: text('gAcceptanceSoWhat'),
        chartTitle: text('gAcceptanceChart'),
        bars: [everyone, ...industries],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'context') },
        scope: { label: familyLabel(ctx.data, SCENARIO), family: SCENARIO },
      };
    },
  },
  {
    id: 'g-bond',
    claims: ['G5', 'G1', 'G8'],
    title: text('gBondName'),
    build: (ctx) => {
      const attribute = required(bondAttribute(ctx.data.codebook));
      const everyone = claimFigure(ctx, 'G1', EVERYONE, 'base');
      const strong = claimFigure(ctx, 'G5', attributeLevel(ctx.data, attribute.id, bondEnds(attribute).strongest), 'focus');
      return bondHeadline(ctx, attribute, SCENARIO, {
        id: 'g-bond',
        claimIds: ['G5', 'G1', 'G8'],
        everyone,
        claimed: strong,
        title: text('gBondTitle'),
        soWhat: text('gBondSoWhat'),
        chartTitle: text('gBondChart'),
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'bond') },
      });
    },
  },
  { id: 'g-ok-types', claims: ['G2'], title: text('gOkTypesName'), build: (ctx) => dataTypeHeadline(ctx, 'ok') },
  { id: 'g-nogo-types', claims: ['G3'], title: text('gNogoTypesName'), build: (ctx) => dataTypeHeadline(ctx, 'nogo') },
  {
    id: 'g-context',
    claims: ['G9', 'G10'],
    title: text('gContextName'),
    build: (ctx) => {
      const scope: Scope = { label: familyLabel(ctx.data, SCENARIO), family: SCENARIO };
      const dimension = required(ctx.data.codebook.itemDimensions.find((d) => d.id === 'situation'));
      // The one comparison the card states, as the key takeaways state it (levelCandidate).
      const situation = required(levelCandidate(ctx.data, scope, { id: dimension.id, label: dimension.label }, ctx.minBase));
      if (situation.top.level !== 'pressed') throw new Unsupported(text('pressedNotWelcomer'));
      const place = compareLevels(ctx.data, { family: SCENARIO }, 'place', 'public', 'private');
      const fig = (cell: Parameters<typeof figureOf>[0], dim: string, tone: Tone) => required(figureOf(cell, cell.labels[dim], tone));
      const pressed = situation.top;
      const relaxed = situation.bottom;
      return {
        id: 'g-context',
        claimIds: ['G9', 'G10'],
        value: { kind: 'points', diff: situation.diff, pValue: situation.pValue },
        comparison: situation,
        title: text('gContextTitle'),
        soWhat: text('gContextSoWhat'),
        chartTitle: text('gContextChart'),
        bars: [pressed, relaxed, fig(place.hi, 'place', 'focus'), fig(place.lo, 'place', 'base')],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'context') },
        test: {
          high: pressed,
          low: relaxed,
          pValue: situation.pValue,
          description: text('tTestClusters'),
        },
        scope,
      };
    },
  },
  {
    id: 'g-segments',
    claims: ['G12'],
    title: text('gSegmentsName'),
    build: (ctx) => {
      const grid = ['gender', 'age_band', 'young_children'];
      for (const id of grid) required(ctx.data.attributes.get(id));
      const table = acceptance(ctx.data, { family: SCENARIO, by: grid, minBase: ctx.minBase });
      const ranked = rankedCells(table);
      if (ranked.length < 2) throw new Unsupported(NOT_ENOUGH);
      const name = (cell: (typeof ranked)[number]): Label => {
        const parts = grid.map((d) => cell.labels[d]);
        const join = (locale: 'en' | 'nl') => parts.map((p, i) => (i === 0 ? p[locale] : lowerFirst(p[locale]))).join(', ');
        return { en: join('en'), nl: join('nl') };
      };
      const [top, bottom] = [ranked[0], ranked[ranked.length - 1]];
      const everyone = required(figureOf(table.overall, EVERYONE, 'base'));
      const topFigure = required(figureOf(top, name(top), 'focus'));
      const bottomFigure = required(figureOf(bottom, name(bottom), 'nogo'));
      const pTop = top.vsRest?.pAdjusted ?? 1;
      const topName = name(top);
      const bottomName = name(bottom);
      return {
        id: 'g-segments',
        claimIds: ['G12'],
        value: { kind: 'share', share: topFigure.share },
        title: text('gSegmentsTitle', { segment: each(topName, lowerFirst) }),
        soWhat: text('gSegmentsSoWhat', { lowest: each(bottomName, lowerFirst) }),
        chartTitle: text('gSegmentsChart'),
        bars: [topFigure, everyone, bottomFigure],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'segments') },
        test: {
          high: topFigure,
          low: { ...everyone, label: text('gSegmentsOthers'), share: top.vsRest?.restShare ?? everyone.share, ci: null, respondents: everyone.respondents - topFigure.respondents },
          pValue: pTop,
          description: text('tTestSegments'),
        },
        scope: { label: familyLabel(ctx.data, SCENARIO), family: SCENARIO },
      };
    },
  },
];

/** An item's label, or Unsupported when the codebook lacks the item. */
function itemLabel(data: SurveyData, id: string): Label {
  return required(data.items.get(id)).item.label;
}

function shareHeadline(
  ctx: HeadlineContext,
  spec: { id: string; claim: string; item: string; title: Label; soWhat: Label; chartTitle: Label; others?: { claim: string; label: Label; tone?: Tone }[]; link?: Headline['link'] },
): Headline {
  const main = claimFigure(ctx, spec.claim, itemLabel(ctx.data, spec.item), 'focus');
  const others = (spec.others ?? []).map((o) => claimFigure(ctx, o.claim, o.label, o.tone ?? 'base'));
  const filter = ctx.claim(spec.claim).claim.metric.filter;
  return {
    id: spec.id,
    claimIds: [spec.claim, ...(spec.others ?? []).map((o) => o.claim)],
    value: { kind: 'share', share: main.share },
    title: spec.title,
    soWhat: spec.soWhat,
    chartTitle: spec.chartTitle,
    bars: [main, ...others],
    link: spec.link ?? { kind: 'findings', href: findingsHref(spec.claim) },
    scope: { label: main.label, items: [spec.item], filter },
  };
}

const P_SPECS: HeadlineSpec[] = [
  {
    id: 'p-left',
    claims: ['P1', 'P1b'],
    title: text('pLeftName'),
    build: (ctx) => {
      const headline = shareHeadline(ctx, {
        id: 'p-left',
        claim: 'P1',
        item: 'p1_left_poorly_curated',
        title: text('pLeftTitle'),
        soWhat: text('pLeftSoWhat'),
        chartTitle: text('pLeftChart'),
        others: [{ claim: 'P1b', label: attributeLevel(ctx.data, 'wave', '2017') }],
      });
      // The bars read as years: the previous edition first.
      const [latest, previous] = headline.bars;
      headline.bars = [{ ...previous }, { ...latest, label: attributeLevel(ctx.data, 'wave', '2018') }];
      return headline;
    },
  },
  {
    id: 'p-recognise',
    claims: ['P2'],
    title: text('pRecogniseName'),
    build: (ctx) =>
      shareHeadline(ctx, {
        id: 'p-recognise',
        claim: 'P2',
        item: 'p2_prefer_recognising_brands',
        title: text('pRecogniseTitle'),
        soWhat: text('pRecogniseSoWhat'),
        chartTitle: text('pRecogniseChart'),
      }),
  },
  {
    id: 'p-transparent',
    claims: ['P3', 'P4'],
    title: text('pTransparentName'),
    build: (ctx) =>
      shareHeadline(ctx, {
        id: 'p-transparent',
        claim: 'P3',
        item: 'p3_share_if_transparent',
        title: text('pTransparentTitle'),
        soWhat: text('pTransparentSoWhat'),
        chartTitle: text('pTransparentChart'),
        others: [{ claim: 'P4', label: itemLabel(ctx.data, 'p4_keep_profile') }],
      }),
  },
  {
    id: 'p-too-personal',
    claims: ['P5b', 'P6'],
    title: text('pTooPersonalName'),
    build: (ctx) =>
      shareHeadline(ctx, {
        id: 'p-too-personal',
        claim: 'P5b',
        item: 'p5_too_personal',
        title: text('pTooPersonalTitle'),
        soWhat: text('pTooPersonalSoWhat'),
        chartTitle: text('pTooPersonalChart'),
        others: [{ claim: 'P6', label: text('pTooPersonalOfThose') }],
      }),
  },
  {
    id: 'p-creepy',
    claims: ['P7', 'P8', 'P9'],
    title: text('pCreepyName'),
    build: (ctx) => {
      // The items' labels already say "Creepy: ..." and "Valued: ...".
      const tactic = (claim: string, item: string, tone: Tone) => ({ claim, label: itemLabel(ctx.data, item), tone });
      const headline = shareHeadline(ctx, {
        id: 'p-creepy',
        claim: 'P7',
        item: 'p7_creepy_text_passing_store',
        title: text('pCreepyTitle'),
        soWhat: text('pCreepySoWhat'),
        chartTitle: text('pCreepyChart'),
        others: [tactic('P8', 'p8_creepy_message_after_store', 'nogo'), tactic('P9', 'p9_creepy_social_ads', 'nogo')],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'tactics') },
      });
      headline.bars[0] = { ...headline.bars[0], tone: 'nogo' };
      headline.scope = { label: text('pCreepyScope'), items: ['p7_creepy_text_passing_store', 'p8_creepy_message_after_store', 'p9_creepy_social_ads'], filter: headline.scope?.filter };
      return headline;
    },
  },
  {
    id: 'p-valued',
    claims: ['P10', 'P11'],
    title: text('pValuedName'),
    build: (ctx) => {
      const headline = shareHeadline(ctx, {
        id: 'p-valued',
        claim: 'P10',
        item: 'p10_valued_apology_email',
        title: text('pValuedTitle'),
        soWhat: text('pValuedSoWhat'),
        chartTitle: text('pValuedChart'),
        others: [{ claim: 'P11', label: itemLabel(ctx.data, 'p11_valued_apology_website'), tone: 'ok' }],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'tactics') },
      });
      headline.bars[0] = { ...headline.bars[0], tone: 'ok' };
      headline.scope = { label: text('pValuedScope'), items: ['p10_valued_apology_email', 'p11_valued_apology_website'], filter: headline.scope?.filter };
      return headline;
    },
  },
];

/** At most this many question groups get a headline (each is a card, a slide and a block of the PDF). */
export const MAX_FAMILY_HEADLINES = 6;

const quote = (text: string) => `“${shorten(text, 60)}”`;

/** The largest difference between two levels of any attribute in a family, significant after Benjamini-Hochberg over the attributes. */
function largestDifference(data: SurveyData, family: { id: string; label: Label }, minBase: number): GroupDifference | null {
  const scope = { label: family.label, family: family.id };
  const candidates = data.codebook.attributes.flatMap((a) => {
    try {
      const found = levelCandidate(data, scope, { id: a.id, label: a.label }, minBase);
      // A side under the minimum base is not tested, so not part of the correction's family either.
      return found && !found.top.smallBase && !found.bottom.smallBase ? [found] : [];
    } catch {
      return []; // an attribute nobody in the family's base has a level of
    }
  });
  if (!candidates.length) return null;
  const adjusted = benjaminiHochberg(candidates.map((c) => c.pValue));
  const best = candidates
    .map((c, i) => ({ ...c, pAdjusted: adjusted[i] }))
    .filter((c) => c.diff > 0 && c.pAdjusted < ALPHA && !c.top.smallBase && !c.bottom.smallBase)
    .sort((a, b) => b.diff - a.diff)[0];
  if (!best) return null;
  return { dimension: best.dimension.label, high: best.top, low: best.bottom, diff: best.diff, pValue: best.pValue, pAdjusted: best.pAdjusted, tested: candidates.length };
}

/** One question group's headline: its acceptance, its most and least accepted item, its largest difference between groups. */
function familyHeadline(ctx: HeadlineContext, family: { id: string; label: Label }): Headline {
  const { data, minBase } = ctx;
  const itemCount = data.codebook.items.filter((it) => it.family === family.id).length;
  const all = itemCount === 1 ? text('familyEveryoneAsked') : text('familyAllQuestions', { n: itemCount });
  const overall = required(figureOf(acceptance(data, { family: family.id, minBase }).overall, all, 'focus'));
  const ranked = rankedCells(acceptance(data, { family: family.id, by: ['item'], minBase }));
  const most = ranked.length >= 2 ? figureOf(ranked[0], ranked[0].labels.item, 'ok') : null;
  const least = ranked.length >= 2 ? figureOf(ranked[ranked.length - 1], ranked[ranked.length - 1].labels.item, 'nogo') : null;
  const difference = largestDifference(data, family, minBase);
  const name = family.label;
  const itemName = itemCount === 1 ? data.codebook.items.find((it) => it.family === family.id)!.label : null;

  const title = itemName ? text('familyTitleOne', { item: each(itemName, quote) }) : text('familyTitle', { n: itemCount, family: each(name, quote) });
  const items =
    most && least
      ? text('familyItems', { most: each(most.label, quote), mostShare: shareText(most.share), least: each(least.label, quote), leastShare: shareText(least.share) })
      : text('familyOneQuestion');
  const groups = difference
    ? text('familyDifference', { dimension: difference.dimension, high: difference.high.label, highShare: shareText(difference.high.share), low: difference.low.label, lowShare: shareText(difference.low.share) })
    : text('familyNoDifference');
  // A level's bar names its attribute: "Brand bond: Strong (4-5)".
  const level = (figure: Figure, tone: Tone): Figure => ({ ...figure, label: { en: `${difference!.dimension.en}: ${figure.label.en}`, nl: `${difference!.dimension.nl}: ${figure.label.nl}` }, tone });
  return {
    id: `family-${family.id}`,
    claimIds: [],
    value: { kind: 'share', share: overall.share },
    title,
    soWhat: { en: `${items.en} ${groups.en}`, nl: `${items.nl} ${groups.nl}` },
    chartTitle: text('familyChart', { family: each(name, quote) }),
    bars: [overall, ...(most && least ? [most, least] : []), ...(difference ? [level(difference.high, 'base'), level(difference.low, 'base')] : [])],
    link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'items', {}, { family: family.id }) },
    difference: difference ?? undefined,
    scope: { label: name, family: family.id },
  };
}

/** Headlines for a codebook of neither study style: one per question group (the first MAX_FAMILY_HEADLINES). */
function genericHeadlines(ctx: HeadlineContext): { headlines: Headline[]; omitted: OmittedHeadline[] } {
  const families = ctx.data.codebook.families.filter((f) => ctx.data.codebook.items.some((it) => it.family === f.id));
  const headlines: Headline[] = [];
  const omitted: OmittedHeadline[] = [];
  for (const family of families) {
    if (headlines.length === MAX_FAMILY_HEADLINES) {
      omitted.push({
        id: `family-${family.id}`,
        title: family.label,
        reason: text('onlyFirstGroups', { max: MAX_FAMILY_HEADLINES }),
      });
      continue;
    }
    try {
      headlines.push(familyHeadline(ctx, family));
    } catch (error) {
      omitted.push({ id: `family-${family.id}`, title: family.label, reason: error instanceof Unsupported ? error.reason : NO_FIGURE });
    }
  }
  const bond = genericBondHeadline(ctx);
  if (bond.headline) headlines.push(bond.headline);
  if (bond.omitted) omitted.push(bond.omitted);
  return { headlines, omitted };
}

/** Several reasons as one: "a; b". */
const joinReasons = (reasons: Label[]): Label => ({ en: [...new Set(reasons.map((r) => r.en))].join('; '), nl: [...new Set(reasons.map((r) => r.nl))].join('; ') });

function runSpecs(ctx: HeadlineContext, specs: HeadlineSpec[]) {
  const headlines: Headline[] = [];
  const omitted: OmittedHeadline[] = [];
  for (const spec of specs) {
    // First what the published claims behind it need: the dataset's lacks in words.
    const lacks = spec.claims.flatMap((id) => ctx.missing(id));
    if (lacks.length) {
      omitted.push({ id: spec.id, title: spec.title, reason: joinReasons(lacks) });
      continue;
    }
    try {
      headlines.push(spec.build(ctx));
    } catch (error) {
      omitted.push({ id: spec.id, title: spec.title, reason: error instanceof Unsupported ? error.reason : NO_FIGURE });
    }
  }
  return { headlines, omitted };
}

/**
 * The headline set for a dataset: its study style's (omitting what it cannot support); the generic
 * set for an analyst's own survey, and for a study-style dataset that supports none of its set.
 */
export function computeHeadlines(ctx: HeadlineContext): { set: 'G' | 'P' | 'generic'; headlines: Headline[]; omitted: OmittedHeadline[] } {
  const style = ctx.data.codebook.studyStyle;
  if (style === 'G' || style === 'P') {
    const result = runSpecs(ctx, style === 'G' ? G_SPECS : P_SPECS);
    if (result.headlines.length) return { set: style, ...result };
    const generic = genericHeadlines(ctx);
    return { set: 'generic', headlines: generic.headlines, omitted: [...result.omitted, ...generic.omitted] };
  }
  return { set: 'generic', ...genericHeadlines(ctx) };
}
