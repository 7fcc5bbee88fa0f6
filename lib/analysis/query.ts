import { DEFAULT_CONF_LEVEL, DEFAULT_MIN_BASE } from './conventions';
import type { Label } from '../survey/codebook';
import { type AttributeColumn, type ItemColumn, itemColumn, type Level, type SurveyData } from '../survey/dataset';

/**
 * What an acceptance analysis asks for, and its resolution against one dataset: which items,
 * which respondents, grouped by which dimensions.
 */
export interface AcceptanceQuery {
  /** Item ids to analyse; when absent, every item of `family` (or of the dataset). */
  items?: string[];
  family?: string;
  /** Keep only items whose metadata matches: { tier: ['grey'] }. */
  itemWhere?: Record<string, string[]>;
  /** Keep only respondents in these levels: { country: ['NL'], bond: ['strong'] }. */
  filter?: Record<string, string[]>;
  /**
   * Dimensions to group by, in order: an attribute id (country, bond), "item" (each item on its
   * own) or an item dimension (situation, place, industry, tier, ...), pooling its items.
   */
  by?: string[];
  /** Codes that count as positive instead of each item's own (e.g. ["3"] for the not-OK share). */
  outcome?: string[];
  /** Cells with fewer respondents are flagged and left out of rankings and of the test family. */
  minBase?: number;
  confLevel?: number;
}


export type DimensionKind = 'attribute' | 'item' | 'itemDimension';

export interface ResolvedDimension {
  id: string;
  kind: DimensionKind;
  label: Label;
  levels: Level[];
}

export interface ResolvedQuery {
  itemIds: string[];
  /** Per analysed item: its positive flag per answer index. */
  positiveByItem: boolean[][];
  include: Uint8Array;
  dimensions: ResolvedDimension[];
  minBase: number;
  confLevel: number;
  notes: string[];
}

const ITEM_DIMENSION: Label = { en: 'Item', nl: 'Item' };

export class QueryError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** The query's item, or a QueryError naming the items that exist (itemColumn throws a plain RangeError). */
function queryItem(data: SurveyData, id: string): ItemColumn {
  const column = data.items.get(id);
  if (!column) throw new QueryError(`unknown item "${id}"; this dataset has: ${[...data.items.keys()].join(', ')}`);
  return column;
}

/** The filter's attribute, or a QueryError naming the attributes that exist. */
function queryAttribute(data: SurveyData, id: string): AttributeColumn {
  const column = data.attributes.get(id);
  if (!column) throw new QueryError(`cannot filter on "${id}": unknown attribute "${id}"; this dataset has: ${[...data.attributes.keys()].join(', ')}`);
  return column;
}

/** Resolves a query against a dataset, with a clear QueryError for anything it does not know. */
export function resolveQuery(data: SurveyData, query: AcceptanceQuery): ResolvedQuery {
  const { codebook } = data;
  const notes: string[] = [];
  const minBase = query.minBase ?? DEFAULT_MIN_BASE;
  const confLevel = query.confLevel ?? DEFAULT_CONF_LEVEL;
  if (!Number.isFinite(minBase) || minBase < 0) throw new QueryError(`the minimum base must be a number >= 0, not ${query.minBase}`);
  if (!(confLevel > 0 && confLevel < 1)) throw new QueryError(`the confidence level must be between 0 and 1, not ${query.confLevel}`);

  let itemIds: string[];
  if (query.items && query.items.length > 0) {
    for (const id of query.items) queryItem(data, id);
    const twice = query.items.find((id, i) => query.items!.indexOf(id) !== i);
    if (twice !== undefined) throw new QueryError(`item "${twice}" is listed twice; list each item once`);
    itemIds = [...query.items];
  } else if (query.family) {
    if (!codebook.families.some((f) => f.id === query.family))
      throw new QueryError(`unknown item family "${query.family}"; this dataset has: ${codebook.families.map((f) => f.id).join(', ')}`);
    itemIds = codebook.items.filter((it) => it.family === query.family).map((it) => it.id);
  } else itemIds = codebook.items.map((it) => it.id);

  for (const [dim, codes] of Object.entries(query.itemWhere ?? {})) {
    if (!codebook.itemDimensions.some((d) => d.id === dim)) throw new QueryError(`unknown item dimension "${dim}"`);
    itemIds = itemIds.filter((id) => codes.includes(itemColumn(data, id).item.meta[dim]));
  }

  const dimensions: ResolvedDimension[] = (query.by ?? []).map((name) => {
    if (name === 'item') {
      return { id: 'item', kind: 'item', label: ITEM_DIMENSION, levels: itemIds.map((id) => ({ code: id, label: itemColumn(data, id).item.label })) };
    }
    const attribute = data.attributes.get(name);
    if (attribute) return { id: name, kind: 'attribute', label: attribute.label, levels: attribute.levels };
    const itemDimension = codebook.itemDimensions.find((d) => d.id === name);
    if (itemDimension) return { id: name, kind: 'itemDimension', label: itemDimension.label, levels: itemDimension.values };
    const known = [...data.attributes.keys(), 'item', ...codebook.itemDimensions.map((d) => d.id)];
    throw new QueryError(`cannot group by "${name}"; choose from: ${known.join(', ')}`);
  });
  if (new Set(dimensions.map((d) => d.id)).size !== dimensions.length) throw new QueryError('each grouping dimension may appear once');

  // Items without a value on a pooled item dimension cannot be placed in a cell.
  for (const dim of dimensions.filter((d) => d.kind === 'itemDimension')) {
    const dropped = itemIds.filter((id) => itemColumn(data, id).item.meta[dim.id] === undefined);
    if (dropped.length) notes.push(`${dropped.length} item(s) have no ${dim.id} and are left out: ${dropped.join(', ')}`);
    itemIds = itemIds.filter((id) => !dropped.includes(id));
  }
  if (itemIds.length === 0) throw new QueryError('no item matches the query');

  const positiveByItem = itemIds.map((id) => {
    const column = itemColumn(data, id);
    if (!query.outcome) return column.positive;
    const unknown = query.outcome.filter((code) => !column.codes.some((c) => c.code === code));
    if (unknown.length) throw new QueryError(`item "${id}" has no answer code ${unknown.map((c) => `"${c}"`).join(', ')}`);
    return column.codes.map((c) => query.outcome!.includes(c.code));
  });

  const include = new Uint8Array(data.rowCount).fill(1);
  for (const [attributeId, codes] of Object.entries(query.filter ?? {})) {
    if (codes.length === 0) continue;
    const column = queryAttribute(data, attributeId);
    const allowed = new Set<number>();
    for (const code of codes) {
      const level = column.levels.findIndex((l) => l.code === code);
      if (level < 0) throw new QueryError(`"${code}" is not a level of ${attributeId} (${column.levels.map((l) => l.code).join(', ')})`);
      allowed.add(level);
    }
    for (let r = 0; r < data.rowCount; r++) if (!allowed.has(column.levelOf[r])) include[r] = 0;
  }

  return { itemIds, positiveByItem, include, dimensions, minBase, confLevel, notes };
}
