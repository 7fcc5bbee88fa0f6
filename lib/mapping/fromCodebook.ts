import type { Codebook, Item } from '../survey/codebook';
import type { BuildOptions } from './build';
import type { DraftColumn, MappingDraft } from './draft';

/**
 * A stored dataset's codebook as a mapping draft, so the mapping screen can edit it later (labels,
 * bands, families, positive codes, missing markers) without an upload. Every scale and band set
 * counts as confirmed: the analyst did that when storing. The build options keep the item and
 * attribute ids, the item dimensions and what the screen does not edit, so that links, filters and
 * analyses stay valid after the edit.
 */
export function draftFromCodebook(codebook: Codebook, header: readonly string[]): { draft: MappingDraft; options: BuildOptions } {
  const attributeOf = new Map(codebook.attributes.map((a) => [a.column, a]));
  const itemOf = new Map(codebook.items.map((it) => [it.column, it]));
  const columns: DraftColumn[] = header.map((column): DraftColumn => {
    const text = column;
    if (column === codebook.respondentId) return { column, role: 'respondentId', reason: 'codebook', label: { en: column, nl: column }, text, missing: [] };
    if (column === codebook.weight) return { column, role: 'weight', reason: 'codebook', label: { en: column, nl: column }, text, missing: [] };
    const a = attributeOf.get(column);
    if (a)
      return {
        column,
        role: 'attribute',
        reason: 'codebook',
        label: a.label,
        text: a.text?.en ?? text,
        missing: a.missing ?? [],
        attribute: a.kind === 'categorical' ? { kind: 'categorical', codes: a.codes } : { kind: 'scale', min: a.min, max: a.max, bands: a.bands, confirmed: true },
      };
    const it = itemOf.get(column);
    if (it) return { column, role: 'item', reason: 'codebook', label: it.label, text: it.text?.en ?? text, missing: it.missing ?? [], family: it.family, scale: it.scale };
    return { column, role: 'ignore', reason: 'codebook', label: { en: column, nl: column }, text, missing: [] };
  });
  const draft: MappingDraft = {
    columns,
    scales: codebook.scales.map((s) => ({ id: s.id, label: s.label, kind: 'text', codes: s.codes, positive: s.positive, direction: 'labels', confirmed: true })),
    families: codebook.families.map((f) => ({ id: f.id, label: f.label })),
  };
  const keptItems = new Map<string, Pick<Item, 'id' | 'meta' | 'askedIf' | 'positive'>>(codebook.items.map((it) => [it.column, { id: it.id, meta: it.meta, ...(it.askedIf ? { askedIf: it.askedIf } : {}), ...(it.positive ? { positive: it.positive } : {}) }]));
  const options: BuildOptions = {
    name: codebook.title.en,
    id: codebook.id,
    keep: {
      itemDimensions: codebook.itemDimensions,
      studyStyle: codebook.studyStyle,
      synthetic: codebook.synthetic,
      ...(codebook.benchmark ? { benchmark: codebook.benchmark } : {}),
      ...(codebook.weights ? { weights: codebook.weights } : {}),
      ...(codebook.sourceColumn ? { sourceColumn: codebook.sourceColumn } : {}),
      ...(codebook.description ? { description: codebook.description } : {}),
    },
    itemIds: keptItems,
    attributeIds: new Map(codebook.attributes.map((a) => [a.column, a.id])),
  };
  return { draft, options };
}
