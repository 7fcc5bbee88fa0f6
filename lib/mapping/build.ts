import type { Problem } from '../ingest/types';
import { parseCodebook, type AnswerScale, type Attribute, type Codebook, type Item } from '../survey/codebook';
import { LEGACY_WEIGHT_ID, SUPPLIED_WEIGHT_LABEL } from '../survey/weights';
import { type MappingDraft, pendingConfirmations, same, slugify, uniqueId } from './draft';
import { headerParts } from './headers';

/**
 * Builds the codebook of a mapping, or lists what keeps it from being one, each problem naming
 * its column or scale: no respondent id, two weights, an item without a scale, a scale whose
 * positive end the analyst has not confirmed, bands not looked at. The engine's own codebook check
 * has the last word.
 */

export interface BuildOptions {
  /** The dataset's name: the codebook's title. */
  name: string;
  /** The codebook's id (a stored dataset keeps its own). */
  id?: string;
  /** Fields of a stored codebook the mapping screen does not edit (item dimensions, study style, benchmark, source column). */
  keep?: Partial<Pick<Codebook, 'itemDimensions' | 'studyStyle' | 'synthetic' | 'benchmark' | 'sourceColumn' | 'description' | 'weights'>>;
  /** Item ids and meta of a stored codebook, by column, so that an edit keeps links and analyses stable. */
  itemIds?: Map<string, Pick<Item, 'id' | 'meta' | 'askedIf' | 'positive'>>;
  attributeIds?: Map<string, string>;
}

export type BuildResult = { ok: true; codebook: Codebook } | { ok: false; problems: Problem[] };

/** Problem codes of a mapping; the page words each in English and Dutch (app/datasets/upload/messages.ts). */
export type MappingProblemCode =
  | 'NoRespondentId'
  | 'SeveralRespondentIds'
  | 'SeveralWeights'
  | 'NoItems'
  | 'UnnamedColumn'
  | 'NoCodes'
  | 'NoPositive'
  | 'ScaleNotConfirmed'
  | 'BandsNotConfirmed'
  | 'NoBands'
  | 'BadCodebook';

export function buildCodebook(draft: MappingDraft, options: BuildOptions): BuildResult {
  const problems: Problem[] = [];
  const fail = (code: MappingProblemCode, message: string, column?: string) => problems.push({ type: 'error', code, message, ...(column !== undefined ? { column } : {}) });
  const ids = draft.columns.filter((c) => c.role === 'respondentId');
  const weights = draft.columns.filter((c) => c.role === 'weight');
  const items = draft.columns.filter((c) => c.role === 'item');
  const attributes = draft.columns.filter((c) => c.role === 'attribute');
  if (ids.length === 0) fail('NoRespondentId', 'no column is the respondent id; give one column that role');
  if (ids.length > 1) fail('SeveralRespondentIds', `only one column can be the respondent id, not ${ids.map((c) => `"${c.label.en}"`).join(', ')}`, ids[1].column);
  if (weights.length > 1) fail('SeveralWeights', `only one column can be the weight, not ${weights.map((c) => `"${c.label.en}"`).join(', ')}`, weights[1].column);
  if (items.length === 0) fail('NoItems', 'no column is a question to analyse; give at least one column the role "question"');
  const scaleById = new Map(draft.scales.map((s) => [s.id, s]));
  for (const c of draft.columns) {
    if (c.column.trim() === '' && c.role !== 'ignore') fail('UnnamedColumn', 'a column without a name in the header cannot be mapped; ignore it or name it in the file', c.column);
    if (c.role === 'attribute' && c.attribute?.kind === 'categorical' && c.attribute.codes.length === 0) fail('NoCodes', 'has no codes: the file has no values in this column', c.column);
    if (c.role === 'attribute' && c.attribute?.kind === 'scale' && c.attribute.bands.length === 0) fail('NoBands', 'a numeric column needs at least one band', c.column);
    if (c.role === 'item' && !scaleById.has(c.scale ?? '')) fail('NoCodes', 'has no answer scale', c.column);
  }
  const pending = pendingConfirmations(draft);
  for (const s of draft.scales) {
    if (!items.some((c) => c.scale === s.id)) continue;
    if (s.positive.length === 0) fail('NoPositive', `scale "${s.label.en}": say which answers count as accepting`, s.id);
    else if (pending.scales.includes(s)) fail('ScaleNotConfirmed', `scale "${s.label.en}": confirm which answers count as accepting`, s.id);
  }
  for (const c of pending.bands) fail('BandsNotConfirmed', 'confirm the bands this number is analysed in', c.column);
  if (problems.length) return { ok: false, problems };

  const used = new Set<string>();
  const builtAttributes: Attribute[] = attributes.map((c) => {
    const id = options.attributeIds?.get(c.column) ?? uniqueId(c.demographic && !['segment', 'household', 'work'].includes(c.demographic) ? c.demographic : c.label.en, used);
    used.add(id);
    const text = c.text !== c.label.en ? { text: same(c.text) } : {};
    const missing = c.missing.length ? { missing: [...c.missing] } : {};
    const a = c.attribute!;
    if (a.kind === 'categorical') return { id, column: c.column, label: c.label, ...text, kind: 'categorical', codes: a.codes.map((x) => ({ ...x })), ...missing };
    return { id, column: c.column, label: c.label, ...text, kind: 'scale', min: a.min, max: a.max, bands: a.bands.map((b) => ({ ...b })), ...missing };
  });

  const usedScales = draft.scales.filter((s) => items.some((c) => c.scale === s.id));
  const scales: AnswerScale[] = usedScales.map((s) => ({ id: s.id, label: s.label, codes: s.codes.map((x) => ({ ...x })), positive: [...s.positive] }));
  const usedFamilies = draft.families.filter((f) => items.some((c) => c.family === f.id));
  const itemIds = new Set<string>();
  const builtItems: Item[] = items.map((c) => {
    const kept = options.itemIds?.get(c.column);
    const parts = headerParts(c.column);
    const id = kept?.id ?? uniqueId(parts.prefix && parts.rest ? `${parts.prefix}_${parts.rest}` : c.label.en, itemIds);
    itemIds.add(id);
    return {
      id,
      column: c.column,
      label: c.label,
      ...(c.text !== c.label.en ? { text: same(c.text) } : {}),
      family: c.family!,
      scale: c.scale!,
      ...(kept?.positive ? { positive: kept.positive } : {}),
      ...(kept?.askedIf ? { askedIf: kept.askedIf } : {}),
      ...(c.missing.length ? { missing: [...c.missing] } : {}),
      meta: kept?.meta ?? {},
    };
  });

  const name = options.name.trim() || 'Uploaded dataset';
  const codebook: Codebook = {
    id: options.id ?? `upload-${slugify(name)}`,
    title: same(name),
    description: options.keep?.description ?? { en: 'Mapped on upload.', nl: 'Gekoppeld bij het uploaden.' },
    studyStyle: options.keep?.studyStyle ?? 'custom',
    synthetic: options.keep?.synthetic ?? false,
    respondentId: ids[0].column,
    ...(weights.length ? { weight: weights[0].column } : {}),
    attributes: builtAttributes,
    scales,
    families: usedFamilies.map((f) => ({ id: f.id, label: f.label })),
    itemDimensions: options.keep?.itemDimensions ?? [],
    items: builtItems,
    ...(options.keep?.sourceColumn ? { sourceColumn: options.keep.sourceColumn } : {}),
    ...(options.keep?.benchmark ? { benchmark: options.keep.benchmark } : {}),
    ...keptWeights(options.keep?.weights, weights[0]?.column),
  };
  // The engine's own check has the last word: a mapping that builds must be a valid codebook.
  const checked = parseCodebook(JSON.parse(JSON.stringify(codebook)));
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ type: 'error', code: 'BadCodebook', message: `${p.path}: ${p.message}` })) };
  return { ok: true, codebook: checked.codebook };
}

/**
 * A stored dataset's weights (lib/survey/weights.ts) through an edit: kept as they are, the column
 * marked as the weight being the default; a column that is none of them yet becomes a weight of its own.
 */
function keptWeights(kept: Codebook['weights'], defaultColumn: string | undefined): Pick<Codebook, 'weights'> {
  if (!kept) return {};
  if (!defaultColumn || kept.some((w) => w.column === defaultColumn)) return { weights: kept };
  let id = LEGACY_WEIGHT_ID;
  for (let k = 2; kept.some((w) => w.id === id); k++) id = `${LEGACY_WEIGHT_ID}-${k}`;
  // A second weight that came with the data is told from the first by its column.
  const label = kept.some((w) => w.kind === 'column') ? { en: `${SUPPLIED_WEIGHT_LABEL.en} (${defaultColumn})`, nl: `${SUPPLIED_WEIGHT_LABEL.nl} (${defaultColumn})` } : SUPPLIED_WEIGHT_LABEL;
  return { weights: [...kept, { id, label, column: defaultColumn, kind: 'column' }] };
}
