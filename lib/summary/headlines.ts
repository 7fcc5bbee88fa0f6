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

/** Why a headline is left out when its figure cannot be computed for another reason than a missing question. */
const NO_FIGURE: Label = { en: 'the data give no figure for it (nobody in its base answered)', nl: 'de data geven er geen cijfer voor (niemand in de basis antwoordde)' };
const NOT_ENOUGH: Label = { en: 'too few respondents in its groups to compare them', nl: 'te weinig respondenten in de groepen om ze te vergelijken' };

interface HeadlineSpec {
  id: string;
  title: Label;
  /** The published claims it computes: a dataset that cannot answer them gets the claims' reasons (lib/findings/applicability.ts). */
  claims: string[];
  build: (ctx: HeadlineContext) => Headline;
}

const bilingual = (en: string, nl: string): Label => ({ en, nl });
const EVERYONE = bilingual('Everyone', 'Iedereen');
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
  return data.codebook.families.find((f) => f.id === family)?.label ?? bilingual(family, family);
}

function attributeLevel(data: SurveyData, attribute: string, code: string): Label {
  const column = required(data.attributes.get(attribute));
  return required(column.levels.find((l) => l.code === code)).label;
}

/** "gender, age group and past purchases" / "geslacht, leeftijdsgroep en eerdere aankopen". */
export function listLabel(labels: Label[]): Label {
  const words = (locale: 'en' | 'nl') => labels.map((l) => l[locale].charAt(0).toLowerCase() + l[locale].slice(1));
  const join = (parts: string[], and: string) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`);
  return { en: join(words('en'), 'and'), nl: join(words('nl'), 'en') };
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
    throw new Unsupported(
      tier === 'ok'
        ? { en: 'no data type is clearly OK to use in these data', nl: 'geen gegevenstype is in deze data duidelijk oké om te gebruiken' }
        : { en: 'no data type is clearly a no-go in these data', nl: 'geen gegevenstype is in deze data duidelijk een no-go' },
    );
  const bars = chosen
    .map((d) => required(figureOf(tier === 'ok' ? d.ok : d.notOk!, d.item.label, tier)))
    .sort((a, b) => b.share - a.share);
  const list = listLabel(bars.map((b) => b.label));
  const shares = bars.map((b) => b.share);
  return {
    id: tier === 'ok' ? 'g-ok-types' : 'g-nogo-types',
    claimIds: [tier === 'ok' ? 'G2' : 'G3'],
    value: { kind: 'range', low: Math.min(...shares), high: Math.max(...shares) },
    title:
      tier === 'ok'
        ? bilingual(`say a brand may act on ${list.en}`, `vindt het oké als een merk handelt op basis van ${list.nl}`)
        : bilingual(`say a brand may not act on ${list.en}`, `vindt het niet oké als een merk handelt op basis van ${list.nl}`),
    soWhat:
      tier === 'ok'
        ? bilingual('Build personalization on these first: most consumers accept them.', 'Bouw personalisatie eerst hierop: de meeste consumenten accepteren ze.')
        : bilingual('No-go data: using them for personalization costs trust. Leave them out.', 'No-go-gegevens: ze gebruiken voor personalisatie kost vertrouwen. Laat ze weg.'),
    chartTitle: tier === 'ok' ? bilingual('Share who say “OK” per data type', 'Aandeel dat “oké” zegt per gegevenstype') : bilingual('Share who say “not OK” per data type', 'Aandeel dat “niet oké” zegt per gegevenstype'),
    bars,
    link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'datatypes') },
  };
}

const NOT_HIGHER: Label = {
  en: 'the strongest and the weakest bond cannot be compared here (one has no answers, or the strongest is not the higher)',
  nl: 'de sterkste en de zwakste band zijn hier niet te vergelijken (een van beide heeft geen antwoorden, of de sterkste is niet de hoogste)',
};

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
  const { everyone, claimed, ...text } = spec;
  const table = acceptance(data, { family, by: [attribute.id], minBase });
  const bands = table.cells
    .map((c) => {
      const strongest = c.key[attribute.id] === comparison.top.level;
      return strongest && claimed ? claimed : figureOf(c, c.labels[attribute.id], strongest ? 'focus' : 'base');
    })
    .filter((f): f is Figure => f !== null);
  return {
    ...text,
    value: { kind: 'points', diff: comparison.diff, pValue: comparison.pValue },
    bars: [everyone, ...bands],
    comparison,
    test: { high: comparison.top, low: comparison.bottom, pValue: comparison.pValue, description: bilingual('design-based t test', 'designgebaseerde t-toets') },
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
  const name = (locale: 'en' | 'nl') => inText(attribute.label[locale]);
  if (!family) return {};
  try {
    const all = required(figureOf(acceptance(ctx.data, { family: family.id, minBase: ctx.minBase }).overall, EVERYONE, 'base'));
    const headline = bondHeadline(ctx, attribute, family.id, {
      id,
      claimIds: [],
      everyone: all,
      title: bilingual('', ''),
      soWhat: bilingual('', ''),
      chartTitle: bilingual(`Positive answers on ${quote(family.label.en)}, by ${name('en')}`, `Positieve antwoorden over ${quote(family.label.nl)}, naar ${name('nl')}`),
      link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'groups', {}, { family: family.id, by: attribute.id }) },
    });
    const { top, bottom } = headline.comparison!;
    headline.title = bilingual(
      `more positive answers on ${quote(family.label.en)} when ${name('en')} is ${inText(top.label.en)} than when it is ${inText(bottom.label.en)}`,
      `meer positieve antwoorden over ${quote(family.label.nl)} als ${name('nl')} ${inText(top.label.nl)} is dan als die ${inText(bottom.label.nl)} is`,
    );
    const tested = !top.smallBase && !bottom.smallBase;
    headline.soWhat =
      tested && headline.comparison!.pValue < ALPHA
        ? bilingual('The stronger the bond, the more welcome: invest in the relationship before you personalize further.', 'Hoe sterker de band, hoe welkomer: investeer eerst in de relatie voordat je verder personaliseert.')
        : bilingual('The difference does not pass the significance test here: do not count on the bond alone.', 'Het verschil doorstaat hier de significantietoets niet: reken niet op de band alleen.');
    return { headline };
  } catch (error) {
    return { omitted: { id, title: attribute.label, reason: error instanceof Unsupported ? error.reason : NO_FIGURE } };
  }
}

const G_SPECS: HeadlineSpec[] = [
  {
    id: 'g-acceptance',
    claims: ['G1', 'G11'],
    title: bilingual('Positive about automated services', 'Positief over geautomatiseerde diensten'),
    build: (ctx) => {
      const everyone = claimFigure(ctx, 'G1', EVERYONE, 'focus');
      const table = acceptance(ctx.data, { family: SCENARIO, by: ['industry'], minBase: ctx.minBase });
      const industries = table.cells.map((c) => figureOf(c, c.labels.industry, 'base')).filter((f): f is Figure => f !== null);
      return {
        id: 'g-acceptance',
        claimIds: ['G1', 'G11'],
        value: { kind: 'share', share: everyone.share },
        title: bilingual('are positive about automated services (machine learning) across scenarios', 'staat positief tegenover geautomatiseerde diensten (machine learning) in alle scenario’s'),
        soWhat: bilingual('Nearly half already welcome automation: it is accepted, but not yet by default. Earn the other half.', 'Bijna de helft verwelkomt automatisering al: geaccepteerd, maar nog niet vanzelfsprekend. Verdien de andere helft.'),
        chartTitle: bilingual('Positive about automated services: everyone and by industry', 'Positief over geautomatiseerde diensten: iedereen en per branche'),
        bars: [everyone, ...industries],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'context') },
        scope: { label: familyLabel(ctx.data, SCENARIO), family: SCENARIO },
      };
    },
  },
  {
    id: 'g-bond',
    claims: ['G5', 'G1', 'G8'],
    title: bilingual('Uplift with a strong emotional bond', 'Effect van een sterke emotionele band'),
    build: (ctx) => {
      const attribute = required(bondAttribute(ctx.data.codebook));
      const everyone = claimFigure(ctx, 'G1', EVERYONE, 'base');
      const strong = claimFigure(ctx, 'G5', attributeLevel(ctx.data, attribute.id, bondEnds(attribute).strongest), 'focus');
      return bondHeadline(ctx, attribute, SCENARIO, {
        id: 'g-bond',
        claimIds: ['G5', 'G1', 'G8'],
        everyone,
        claimed: strong,
        title: bilingual(
          'more consumers are positive when they feel a strong emotional bond with the brand than when the bond is weak',
          'meer consumenten zijn positief als ze een sterke emotionele band met het merk voelen dan bij een zwakke band',
        ),
        soWhat: bilingual('Invest in the relationship before the algorithm: bonded customers accept far more personalization.', 'Investeer eerst in de relatie, dan in het algoritme: klanten met een sterke band accepteren veel meer personalisatie.'),
        chartTitle: bilingual('Positive about automated services, by emotional bond with the brand', 'Positief over geautomatiseerde diensten, naar emotionele band met het merk'),
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'bond') },
      });
    },
  },
  { id: 'g-ok-types', claims: ['G2'], title: bilingual('Data types consumers accept', 'Gegevenstypen die consumenten accepteren'), build: (ctx) => dataTypeHeadline(ctx, 'ok') },
  { id: 'g-nogo-types', claims: ['G3'], title: bilingual('No-go data types', 'No-go-gegevenstypen'), build: (ctx) => dataTypeHeadline(ctx, 'nogo') },
  {
    id: 'g-context',
    claims: ['G9', 'G10'],
    title: bilingual('Busy and public moments', 'Drukke en openbare momenten'),
    build: (ctx) => {
      const scope: Scope = { label: familyLabel(ctx.data, SCENARIO), family: SCENARIO };
      const dimension = required(ctx.data.codebook.itemDimensions.find((d) => d.id === 'situation'));
      // The one comparison the card states, as the key takeaways state it (levelCandidate).
      const situation = required(levelCandidate(ctx.data, scope, { id: dimension.id, label: dimension.label }, ctx.minBase));
      if (situation.top.level !== 'pressed') throw new Unsupported(bilingual('time-pressed moments are not the more welcome ones in these data', 'gehaaste momenten zijn in deze data niet de welkomere'));
      const place = compareLevels(ctx.data, { family: SCENARIO }, 'place', 'public', 'private');
      const fig = (cell: Parameters<typeof figureOf>[0], dim: string, tone: Tone) => required(figureOf(cell, cell.labels[dim], tone));
      const pressed = situation.top;
      const relaxed = situation.bottom;
      return {
        id: 'g-context',
        claimIds: ['G9', 'G10'],
        value: { kind: 'points', diff: situation.diff, pValue: situation.pValue },
        comparison: situation,
        title: bilingual(
          'more welcome in time-pressed, attention-demanding moments than when calm and relaxed; public settings beat home too',
          'meer welkom op gehaaste momenten die aandacht vragen dan wanneer men kalm en ontspannen is; ook openbaar wint van thuis',
        ),
        soWhat: bilingual('Time automated help for busy moments on the go (commute, work, shop), not for quiet evenings at home.', 'Zet geautomatiseerde hulp in op drukke momenten onderweg (reizen, werk, winkel), niet op rustige avonden thuis.'),
        chartTitle: bilingual('Positive about automated services, by situation and place', 'Positief over geautomatiseerde diensten, naar situatie en plaats'),
        bars: [pressed, relaxed, fig(place.hi, 'place', 'focus'), fig(place.lo, 'place', 'base')],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'context') },
        test: {
          high: pressed,
          low: relaxed,
          pValue: situation.pValue,
          description: bilingual('design-based t test with respondents as clusters', 'designgebaseerde t-toets met respondenten als clusters'),
        },
        scope,
      };
    },
  },
  {
    id: 'g-segments',
    claims: ['G12'],
    title: bilingual('Most and least welcoming segments', 'Meest en minst ontvankelijke segmenten'),
    build: (ctx) => {
      const grid = ['gender', 'age_band', 'young_children'];
      for (const id of grid) required(ctx.data.attributes.get(id));
      const table = acceptance(ctx.data, { family: SCENARIO, by: grid, minBase: ctx.minBase });
      const ranked = rankedCells(table);
      if (ranked.length < 2) throw new Unsupported(NOT_ENOUGH);
      const name = (cell: (typeof ranked)[number]): Label => {
        const parts = grid.map((d) => cell.labels[d]);
        const join = (locale: 'en' | 'nl') => parts.map((p, i) => (i === 0 ? p[locale] : p[locale].charAt(0).toLowerCase() + p[locale].slice(1))).join(', ');
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
        title: bilingual(
          `of ${topName.en.charAt(0).toLowerCase()}${topName.en.slice(1)} are positive: the most welcoming segment`,
          `van de ${topName.nl.charAt(0).toLowerCase()}${topName.nl.slice(1)} is positief: het meest ontvankelijke segment`,
        ),
        soWhat: bilingual(
          `Pilot automated services with this segment; ${bottomName.en.charAt(0).toLowerCase()}${bottomName.en.slice(1)} need more reassurance first.`,
          `Test geautomatiseerde diensten eerst bij dit segment; ${bottomName.nl.charAt(0).toLowerCase()}${bottomName.nl.slice(1)} hebben eerst meer geruststelling nodig.`,
        ),
        chartTitle: bilingual('Positive about automated services: the highest and lowest segment', 'Positief over geautomatiseerde diensten: het hoogste en laagste segment'),
        bars: [topFigure, everyone, bottomFigure],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'segments') },
        test: {
          high: topFigure,
          low: { ...everyone, label: bilingual('the other segments', 'de andere segmenten'), share: top.vsRest?.restShare ?? everyone.share, ci: null, respondents: everyone.respondents - topFigure.respondents },
          pValue: pTop,
          description: bilingual('top segment against the rest, design-based t test, Benjamini-Hochberg over all segments', 'hoogste segment tegen de rest, designgebaseerde t-toets, Benjamini-Hochberg over alle segmenten'),
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
    title: bilingual('Left over a poorly curated experience', 'Vertrokken door een slecht samengestelde ervaring'),
    build: (ctx) => {
      const headline = shareHeadline(ctx, {
        id: 'p-left',
        claim: 'P1',
        item: 'p1_left_poorly_curated',
        title: bilingual('left a company’s website and bought elsewhere because the experience was poorly curated', 'verliet de website van een bedrijf en kocht elders omdat de ervaring slecht was samengesteld'),
        soWhat: bilingual('Poor curation is a sales problem, not a detail: shoppers walk to a competitor.', 'Slechte curatie is een omzetprobleem, geen detail: klanten lopen naar de concurrent.'),
        chartTitle: bilingual('Left and bought elsewhere, by year', 'Vertrokken en elders gekocht, per jaar'),
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
    title: bilingual('Prefer brands that recognise them', 'Voorkeur voor merken die hen herkennen'),
    build: (ctx) =>
      shareHeadline(ctx, {
        id: 'p-recognise',
        claim: 'P2',
        item: 'p2_prefer_recognising_brands',
        title: bilingual('are more likely to shop with brands that recognise, remember and give relevant offers', 'winkelt eerder bij merken die hen herkennen, onthouden en relevante aanbiedingen doen'),
        soWhat: bilingual('Relevance pays: recognising returning customers is expected, not a bonus.', 'Relevantie loont: terugkerende klanten herkennen wordt verwacht, het is geen extraatje.'),
        chartTitle: bilingual('More likely to shop with brands that recognise them', 'Winkelt eerder bij merken die hen herkennen'),
      }),
  },
  {
    id: 'p-transparent',
    claims: ['P3', 'P4'],
    title: bilingual('Share data when it is transparent', 'Delen gegevens bij transparantie'),
    build: (ctx) =>
      shareHeadline(ctx, {
        id: 'p-transparent',
        claim: 'P3',
        item: 'p3_share_if_transparent',
        title: bilingual('are willing to share data for personalization if the company is transparent about its use', 'is bereid gegevens te delen voor personalisatie als het bedrijf transparant is over het gebruik'),
        soWhat: bilingual('Say what you collect and why: transparency is the price of the data.', 'Zeg wat u verzamelt en waarom: transparantie is de prijs van de gegevens.'),
        chartTitle: bilingual('Willing to share data', 'Bereid gegevens te delen'),
        others: [{ claim: 'P4', label: itemLabel(ctx.data, 'p4_keep_profile') }],
      }),
  },
  {
    id: 'p-too-personal',
    claims: ['P5b', 'P6'],
    title: bilingual('Had a too-personal experience', 'Had een te persoonlijke ervaring'),
    build: (ctx) =>
      shareHeadline(ctx, {
        id: 'p-too-personal',
        claim: 'P5b',
        item: 'p5_too_personal',
        title: bilingual('had a brand interaction that felt too personal or invasive', 'had een merkervaring die te persoonlijk of ingrijpend voelde'),
        soWhat: bilingual('Creepiness comes from data people did not knowingly share: use what they gave you, openly.', 'Griezeligheid komt van gegevens die mensen niet bewust deelden: gebruik openlijk wat ze u gaven.'),
        chartTitle: bilingual('Too personal, and why', 'Te persoonlijk, en waarom'),
        others: [{ claim: 'P6', label: bilingual('Of those: the brand used information they had not knowingly shared', 'Van hen: het merk gebruikte informatie die ze niet bewust hadden gedeeld') }],
      }),
  },
  {
    id: 'p-creepy',
    claims: ['P7', 'P8', 'P9'],
    title: bilingual('Creepy and valued tactics', 'Griezelige en gewaardeerde tactieken'),
    build: (ctx) => {
      // The items' labels already say "Creepy: ..." and "Valued: ...".
      const tactic = (claim: string, item: string, tone: Tone) => ({ claim, label: itemLabel(ctx.data, item), tone });
      const headline = shareHeadline(ctx, {
        id: 'p-creepy',
        claim: 'P7',
        item: 'p7_creepy_text_passing_store',
        title: bilingual('find a text message from a brand when walking past its store creepy', 'vindt een sms van een merk bij het langslopen van de winkel griezelig'),
        soWhat: bilingual('Location-triggered messages feel creepiest: do not follow people around the high street.', 'Berichten op basis van locatie voelen het griezeligst: volg mensen niet door de winkelstraat.'),
        chartTitle: bilingual('Tactics consumers find creepy', 'Tactieken die consumenten griezelig vinden'),
        others: [tactic('P8', 'p8_creepy_message_after_store', 'nogo'), tactic('P9', 'p9_creepy_social_ads', 'nogo')],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'tactics') },
      });
      headline.bars[0] = { ...headline.bars[0], tone: 'nogo' };
      headline.scope = { label: bilingual('Creepy tactics', 'Griezelige tactieken'), items: ['p7_creepy_text_passing_store', 'p8_creepy_message_after_store', 'p9_creepy_social_ads'], filter: headline.scope?.filter };
      return headline;
    },
  },
  {
    id: 'p-valued',
    claims: ['P10', 'P11'],
    title: bilingual('Valued: an apology', 'Gewaardeerd: excuses'),
    build: (ctx) => {
      const headline = shareHeadline(ctx, {
        id: 'p-valued',
        claim: 'P10',
        item: 'p10_valued_apology_email',
        title: bilingual('value an apology e-mail after a bad (offline or online) experience', 'waardeert een e-mail met excuses na een slechte (offline of online) ervaring'),
        soWhat: bilingual('Personalize the service recovery: a timely, personal apology is the tactic consumers value most.', 'Personaliseer het herstel: tijdige, persoonlijke excuses zijn de tactiek die consumenten het meest waarderen.'),
        chartTitle: bilingual('Tactics consumers value', 'Tactieken die consumenten waarderen'),
        others: [{ claim: 'P11', label: itemLabel(ctx.data, 'p11_valued_apology_website'), tone: 'ok' }],
        link: { kind: 'explore', href: exploreHref(ctx.datasetId, 'tactics') },
      });
      headline.bars[0] = { ...headline.bars[0], tone: 'ok' };
      headline.scope = { label: bilingual('Valued tactics', 'Gewaardeerde tactieken'), items: ['p10_valued_apology_email', 'p11_valued_apology_website'], filter: headline.scope?.filter };
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
  const all = bilingual(itemCount === 1 ? 'Everyone asked' : `All ${itemCount} questions together`, itemCount === 1 ? 'Iedereen die het is gevraagd' : `Alle ${itemCount} vragen samen`);
  const overall = required(figureOf(acceptance(data, { family: family.id, minBase }).overall, all, 'focus'));
  const ranked = rankedCells(acceptance(data, { family: family.id, by: ['item'], minBase }));
  const most = ranked.length >= 2 ? figureOf(ranked[0], ranked[0].labels.item, 'ok') : null;
  const least = ranked.length >= 2 ? figureOf(ranked[ranked.length - 1], ranked[ranked.length - 1].labels.item, 'nogo') : null;
  const difference = largestDifference(data, family, minBase);
  const name = family.label;
  const pct = (share: number, locale: 'en' | 'nl') => precise(share, locale);
  const itemName = itemCount === 1 ? data.codebook.items.find((it) => it.family === family.id)!.label : null;

  const title: Label = itemName
    ? bilingual(`of the answers to ${quote(itemName.en)} are positive`, `van de antwoorden op ${quote(itemName.nl)} is positief`)
    : bilingual(`of the answers to the ${itemCount} questions on ${quote(name.en)} are positive`, `van de antwoorden op de ${itemCount} vragen over ${quote(name.nl)} is positief`);
  const items = (locale: 'en' | 'nl') =>
    most && least
      ? locale === 'en'
        ? `Lead with ${quote(most.label.en)} (most accepted, ${pct(most.share, 'en')}); handle ${quote(least.label.en)} with care (least accepted, ${pct(least.share, 'en')}).`
        : `Begin met ${quote(most.label.nl)} (meest geaccepteerd, ${pct(most.share, 'nl')}); ga voorzichtig om met ${quote(least.label.nl)} (minst geaccepteerd, ${pct(least.share, 'nl')}).`
      : locale === 'en'
        ? 'One question: compare it across groups in the explorer.'
        : 'Eén vraag: vergelijk die tussen groepen in de verkenner.';
  const groups = (locale: 'en' | 'nl') =>
    difference
      ? locale === 'en'
        ? `${difference.dimension.en} makes the largest difference: ${difference.high.label.en} ${pct(difference.high.share, 'en')} against ${difference.low.label.en} ${pct(difference.low.share, 'en')}.`
        : `${difference.dimension.nl} maakt het grootste verschil: ${difference.high.label.nl} ${pct(difference.high.share, 'nl')} tegenover ${difference.low.label.nl} ${pct(difference.low.share, 'nl')}.`
      : locale === 'en'
        ? 'No difference between groups of respondents passes the significance test.'
        : 'Geen verschil tussen groepen respondenten doorstaat de significantietoets.';
  const level = (figure: Figure, tone: Tone): Figure => ({ ...figure, label: bilingual(`${difference!.dimension.en}: ${figure.label.en}`, `${difference!.dimension.nl}: ${figure.label.nl}`), tone });
  return {
    id: `family-${family.id}`,
    claimIds: [],
    value: { kind: 'share', share: overall.share },
    title,
    soWhat: bilingual(`${items('en')} ${groups('en')}`, `${items('nl')} ${groups('nl')}`),
    chartTitle: bilingual(`Positive answers on ${quote(name.en)}`, `Positieve antwoorden over ${quote(name.nl)}`),
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
        reason: bilingual(`only the first ${MAX_FAMILY_HEADLINES} question groups get a headline; the explorer shows every group`, `alleen de eerste ${MAX_FAMILY_HEADLINES} vragengroepen krijgen een kerncijfer; de verkenner toont elke groep`),
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
