import type { Codebook, Label } from '../survey/codebook';
import { weightOptions, type WeightOption } from '../survey/weights';

/**
 * What the explorer can offer for one dataset, read from its codebook alone (no data): the segment
 * attributes and their levels, the item families, the context dimensions of the scenarios, and the
 * views that make sense. Plain data, so it can travel to the browser for the controls.
 *
 * Two kinds of view: the generic ones work on any codebook (a family's items, their full answers,
 * a family by the levels of an attribute); the study-specific ones (data types, context, bond,
 * segments, tactics) need items and attributes the reference studies have, and are offered only
 * where the codebook has them (otherwise `unavailable` says, in words, what is missing).
 */
export const GENERIC_VIEW_IDS = ['items', 'answers', 'groups'] as const;
export const STUDY_VIEW_IDS = ['datatypes', 'context', 'bond', 'segments', 'tactics'] as const;
export const VIEW_IDS = [...GENERIC_VIEW_IDS, ...STUDY_VIEW_IDS] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export type GenericViewId = (typeof GENERIC_VIEW_IDS)[number];
export type StudyViewId = (typeof STUDY_VIEW_IDS)[number];

export const isGenericView = (view: ViewId): view is GenericViewId => (GENERIC_VIEW_IDS as readonly string[]).includes(view);

export interface CatalogLevel {
  code: string;
  label: Label;
}

export interface CatalogDimension {
  id: string;
  label: Label;
  levels: CatalogLevel[];
}

/** An item family with at least one item: what the generic views are about. */
export interface CatalogFamily {
  id: string;
  label: Label;
  /** How many items it has. */
  items: number;
}

export interface DatasetCatalog {
  id: string;
  title: Label;
  /** A name short enough for a select: the study's letter and source for the reference studies. */
  shortTitle: Label;
  synthetic: boolean;
  attributes: CatalogDimension[];
  /** Item families that have items, in codebook order. */
  families: CatalogFamily[];
  /** Item dimensions of the scenario family that describe a moment: situation, place, industry. */
  contextDims: CatalogDimension[];
  /** Attribute ids of the gender x age x young-children grid, those the dataset has. */
  segmentGrid: string[];
  /** Emotional bond and trust attributes, those the dataset has. */
  bondAttributes: string[];
  views: ViewId[];
  /** Study-specific views this codebook cannot support, each with what it lacks (see VIEW_NEEDS). */
  unavailable: StudyViewId[];
  /** Filters applied when the URL says nothing: the latest wave, where the data have waves. */
  defaultFilter: Record<string, string[]>;
  /** The weights one may analyse with, the dataset's default first ("unweighted" always among them; lib/survey/weights.ts). */
  weights: WeightOption[];
  /** An analyst's upload (not a reference study). */
  uploaded?: boolean;
  /**
   * Only the listing is known (id, name), not the codebook: an upload that is offered in the
   * dataset select but not open. Its views, attributes and defaults are read when it is chosen.
   */
  partial?: boolean;
}

export const DATA_TYPE_FAMILY = 'dataType';
export const SCENARIO_FAMILY = 'scenario';
export const TACTIC_FAMILY = 'tactic';
export const CONTEXT_DIMENSION_IDS = ['situation', 'place', 'industry'];
export const SEGMENT_GRID_IDS = ['gender', 'age_band', 'young_children'];
export const BOND_ATTRIBUTE_IDS = ['bond', 'trust'];
export const COUNTRY_ID = 'country';
export const WAVE_ID = 'wave';

export function datasetCatalog(codebook: Codebook): DatasetCatalog {
  const attributes: CatalogDimension[] = codebook.attributes.map((a) => ({
    id: a.id,
    label: a.label,
    levels: a.kind === 'categorical' ? a.codes.map((c) => ({ code: c.code, label: c.label })) : a.bands.map((b) => ({ code: b.id, label: b.label })),
  }));
  const hasFamily = (id: string) => codebook.items.some((it) => it.family === id);
  const scenarioItems = codebook.items.filter((it) => it.family === SCENARIO_FAMILY);
  const contextDims = codebook.itemDimensions
    .filter((d) => CONTEXT_DIMENSION_IDS.includes(d.id) && scenarioItems.some((it) => it.meta[d.id] !== undefined))
    .map((d) => ({ id: d.id, label: d.label, levels: d.values.map((v) => ({ code: v.code, label: v.label })) }));
  const attributeIds = new Set(attributes.map((a) => a.id));
  const segmentGrid = SEGMENT_GRID_IDS.filter((id) => attributeIds.has(id));
  const bondAttributes = BOND_ATTRIBUTE_IDS.filter((id) => attributeIds.has(id));

  const families: CatalogFamily[] = codebook.families
    .map((f) => ({ id: f.id, label: f.label, items: codebook.items.filter((it) => it.family === f.id).length }))
    .filter((f) => f.items > 0);

  const supported: Record<StudyViewId, boolean> = {
    datatypes: hasDataTypes(codebook),
    context: scenarioItems.length > 0 && contextDims.length > 0,
    bond: scenarioItems.length > 0 && bondAttributes.length > 0,
    segments: scenarioItems.length > 0 && (segmentGrid.length > 0 || attributeIds.has(COUNTRY_ID)),
    tactics: hasFamily(TACTIC_FAMILY),
  };
  const study = STUDY_VIEW_IDS.filter((v) => supported[v]);
  const generic = GENERIC_VIEW_IDS.filter((v) => families.length > 0 && (v !== 'groups' || attributes.length > 0));
  // The reference studies open on their own views; the generic ones follow.
  const views: ViewId[] = [...study, ...generic];
  const unavailable = STUDY_VIEW_IDS.filter((v) => !supported[v]);

  const wave = attributes.find((a) => a.id === WAVE_ID);
  const defaultFilter: Record<string, string[]> = wave && wave.levels.length > 1 ? { [WAVE_ID]: [wave.levels[wave.levels.length - 1].code] } : {};

  const source = codebook.title.en.split(':')[0].replace(/\s*\(.*\)$/, '');
  const shortTitle: Label = ['G', 'P'].includes(codebook.studyStyle)
    ? { en: `Study ${codebook.studyStyle} · ${shortSource(source)}`, nl: `Onderzoek ${codebook.studyStyle} · ${shortSource(source)}` }
    : codebook.title;
  return { id: codebook.id, title: codebook.title, shortTitle, synthetic: codebook.synthetic, attributes, families, contextDims, segmentGrid, bondAttributes, views, unavailable, defaultFilter, weights: weightOptions(codebook) };
}

/**
 * The data-types views need items of the data-type family on one answer scale (the OK share and the
 * not-OK share are read from its first and last codes) with at least two codes.
 */
export function hasDataTypes(codebook: Codebook): boolean {
  const items = codebook.items.filter((it) => it.family === DATA_TYPE_FAMILY);
  if (!items.length) return false;
  const scale = codebook.scales.find((s) => s.id === items[0].scale);
  return !!scale && scale.codes.length >= 2 && items.every((it) => it.scale === items[0].scale);
}

/** What each study-specific view needs, in words, for the note that stands in for its tab. */
export const VIEW_NEEDS: Record<StudyViewId, Label> = {
  datatypes: { en: 'needs a question group of data types on one answer scale', nl: 'vraagt een vragengroep gegevenstypen op één antwoordschaal' },
  context: { en: 'needs scenarios described by situation, place or industry', nl: 'vraagt scenario’s met een situatie, plaats of branche' },
  bond: { en: 'needs scenarios and an emotional-bond or trust attribute', nl: 'vraagt scenario’s en een kenmerk voor emotionele band of vertrouwen' },
  segments: { en: 'needs scenarios and gender, age, young children or country', nl: 'vraagt scenario’s en geslacht, leeftijd, jonge kinderen of land' },
  tactics: { en: 'needs a group of creepy and valued tactics', nl: 'vraagt een groep griezelige en gewaardeerde tactieken' },
};

/** The catalog of an uploaded dataset: its codebook, named by the name the analyst gave it. */
export function uploadCatalog(codebook: Codebook, name: string): DatasetCatalog {
  const title: Label = { en: name, nl: name };
  const catalog = datasetCatalog(codebook);
  // An analyst's own survey opens on a generic view: it works whatever the codebook holds.
  const views = [...catalog.views.filter(isGenericView), ...catalog.views.filter((v) => !isGenericView(v))];
  return { ...catalog, views, title, shortTitle: title, uploaded: true };
}

/** An upload that is listed but not open: enough for the dataset select (see DatasetCatalog.partial). */
export function listedUploadCatalog(listing: { id: string; name: string; synthetic: boolean }): DatasetCatalog {
  const title: Label = { en: listing.name, nl: listing.name };
  return { id: listing.id, title, shortTitle: title, synthetic: listing.synthetic, attributes: [], families: [], contextDims: [], segmentGrid: [], bondAttributes: [], views: [], unavailable: [], defaultFilter: {}, weights: [], uploaded: true, partial: true };
}

/** "Accenture Interactive Personalization Pulse Check 2018" -> "Accenture Interactive … 2018"-style shortening to at most four words. */
function shortSource(source: string): string {
  const words = source.split(/\s+/);
  if (words.length <= 3) return source;
  const year = words.find((w) => /^(19|20)\d\d$/.test(w));
  return `${words[0]}${year ? ` ${year}` : ''}`;
}

/** The dimensions a view's charts may be crossed by (attribute ids and context dimension ids). */
export function crossOptions(catalog: DatasetCatalog, view: ViewId, dim: string, by = ''): string[] {
  const attributes = catalog.attributes.map((a) => a.id);
  const context = catalog.contextDims.map((d) => d.id);
  switch (view) {
    case 'items':
    case 'datatypes':
    case 'tactics':
      return attributes;
    case 'answers':
      return [];
    case 'groups':
      return attributes.filter((a) => a !== by);
    case 'context':
      return dim === 'all' ? attributes : [...context.filter((c) => c !== dim), ...attributes];
    case 'bond':
      return [...context, ...attributes.filter((a) => !catalog.bondAttributes.includes(a))];
    case 'segments':
      return [...context, ...attributes.filter((a) => !catalog.segmentGrid.includes(a))];
  }
}

/** Primary dimension choices of a view: the context view shows one context dimension, or all three side by side. */
export function dimOptions(catalog: DatasetCatalog, view: ViewId): string[] {
  return view === 'context' ? ['all', ...catalog.contextDims.map((d) => d.id)] : [];
}

/** The label of an attribute or context dimension. */
export function dimensionOf(catalog: DatasetCatalog, id: string): CatalogDimension | undefined {
  return catalog.attributes.find((a) => a.id === id) ?? catalog.contextDims.find((d) => d.id === id);
}
