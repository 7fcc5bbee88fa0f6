import type { Codebook, Label } from '../survey/codebook';

/**
 * What the explorer can offer for one dataset, read from its codebook alone (no data): the segment
 * attributes and their levels, the context dimensions of the scenarios, and the views that make
 * sense. Plain data, so it can travel to the browser for the controls.
 */
export const VIEW_IDS = ['datatypes', 'context', 'bond', 'segments', 'tactics'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface CatalogLevel {
  code: string;
  label: Label;
}

export interface CatalogDimension {
  id: string;
  label: Label;
  levels: CatalogLevel[];
}

export interface DatasetCatalog {
  id: string;
  title: Label;
  /** A name short enough for a select: the study's letter and source for the reference studies. */
  shortTitle: Label;
  synthetic: boolean;
  attributes: CatalogDimension[];
  /** Item dimensions of the scenario family that describe a moment: situation, place, industry. */
  contextDims: CatalogDimension[];
  /** Attribute ids of the gender x age x young-children grid, those the dataset has. */
  segmentGrid: string[];
  /** Emotional bond and trust attributes, those the dataset has. */
  bondAttributes: string[];
  views: ViewId[];
  /** Filters applied when the URL says nothing: the latest wave, where the data have waves. */
  defaultFilter: Record<string, string[]>;
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

  const views: ViewId[] = [];
  if (hasFamily(DATA_TYPE_FAMILY)) views.push('datatypes');
  if (scenarioItems.length && contextDims.length) views.push('context');
  if (scenarioItems.length && bondAttributes.length) views.push('bond');
  if (scenarioItems.length && (segmentGrid.length || attributeIds.has(COUNTRY_ID))) views.push('segments');
  if (hasFamily(TACTIC_FAMILY)) views.push('tactics');

  const wave = attributes.find((a) => a.id === WAVE_ID);
  const defaultFilter: Record<string, string[]> = wave && wave.levels.length > 1 ? { [WAVE_ID]: [wave.levels[wave.levels.length - 1].code] } : {};

  const source = codebook.title.en.split(':')[0].replace(/\s*\(.*\)$/, '');
  const shortTitle: Label = ['G', 'P'].includes(codebook.studyStyle)
    ? { en: `Study ${codebook.studyStyle} · ${shortSource(source)}`, nl: `Onderzoek ${codebook.studyStyle} · ${shortSource(source)}` }
    : codebook.title;
  return { id: codebook.id, title: codebook.title, shortTitle, synthetic: codebook.synthetic, attributes, contextDims, segmentGrid, bondAttributes, views, defaultFilter };
}

/** The catalog of an uploaded dataset: its codebook, named by the name the analyst gave it. */
export function uploadCatalog(codebook: Codebook, name: string): DatasetCatalog {
  const title: Label = { en: name, nl: name };
  return { ...datasetCatalog(codebook), title, shortTitle: title, uploaded: true };
}

/** An upload that is listed but not open: enough for the dataset select (see DatasetCatalog.partial). */
export function listedUploadCatalog(listing: { id: string; name: string; synthetic: boolean }): DatasetCatalog {
  const title: Label = { en: listing.name, nl: listing.name };
  return { id: listing.id, title, shortTitle: title, synthetic: listing.synthetic, attributes: [], contextDims: [], segmentGrid: [], bondAttributes: [], views: [], defaultFilter: {}, uploaded: true, partial: true };
}

/** "Accenture Interactive Personalization Pulse Check 2018" -> "Accenture Interactive … 2018"-style shortening to at most four words. */
function shortSource(source: string): string {
  const words = source.split(/\s+/);
  if (words.length <= 3) return source;
  const year = words.find((w) => /^(19|20)\d\d$/.test(w));
  return `${words[0]}${year ? ` ${year}` : ''}`;
}

/** The dimensions a view's charts may be crossed by (attribute ids and context dimension ids). */
export function crossOptions(catalog: DatasetCatalog, view: ViewId, dim: string): string[] {
  const attributes = catalog.attributes.map((a) => a.id);
  const context = catalog.contextDims.map((d) => d.id);
  switch (view) {
    case 'datatypes':
    case 'tactics':
      return attributes;
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
