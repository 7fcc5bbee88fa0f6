import type { Label } from '../survey/codebook';
import { type ColumnRole, type DraftColumn, type DraftScale, familyId, type MappingDraft, uniqueId } from './draft';
import { labelOf } from './dutch';
import { humanise } from './headers';
import { orderCodes } from './profile';
import { attributeDraft, type Facts, scaleFromGuess } from './propose';
import { detectScale, topBoxes } from './scales';

/**
 * The mapping screen's edits that need more than setting a field: a new role for several columns
 * at once (an item needs a scale and a family, an attribute its codes or bands), moving columns to
 * a family, turning a scale around. Each returns a new draft; the draft given is left as it was.
 */

/** Gives the columns at `indices` a role; only one column keeps the respondent-id role, and one the weight. */
export function setRole(draft: MappingDraft, facts: readonly Facts[], indices: readonly number[], role: ColumnRole): MappingDraft {
  let next: MappingDraft = { ...draft, columns: [...draft.columns], scales: [...draft.scales], families: [...draft.families] };
  if (role === 'respondentId' || role === 'weight') {
    // A single role: the first chosen column takes it, the one that had it is set aside.
    const chosen = indices[0];
    next.columns = next.columns.map((c, i) => (i !== chosen && c.role === role ? plain(c, 'ignore') : c));
    indices = chosen === undefined ? [] : [chosen];
  }
  for (const i of indices) {
    const column = next.columns[i];
    if (role === 'item') next = asItem(next, facts, i);
    else if (role === 'attribute') {
      const built = attributeDraft(facts[i], 'analyst');
      next.columns[i] = built.role === 'attribute' ? { ...built, label: column.role === 'attribute' || column.reason === 'analyst' ? column.label : built.label } : { ...plain(column, 'attribute'), attribute: { kind: 'categorical', codes: [] } };
    } else next.columns[i] = plain(column, role);
  }
  return next;
}

function plain(column: DraftColumn, role: ColumnRole): DraftColumn {
  return { ...column, role, reason: 'analyst', attribute: undefined, family: undefined, scale: undefined, ...(role === 'respondentId' || role === 'weight' ? { missing: [] } : {}) };
}

function asItem(draft: MappingDraft, facts: readonly Facts[], i: number): MappingDraft {
  const f = facts[i];
  const column = draft.columns[i];
  const values = f.values;
  let scale = column.scale ? draft.scales.find((s) => s.id === column.scale) : undefined;
  if (!scale || !values.every((v) => scale!.codes.some((c) => c.code === v))) {
    // The scale of a sibling in the family, else any scale holding every value, else a new one.
    const siblings = draft.columns.filter((c, k) => k !== i && c.role === 'item' && facts[k].family !== undefined && facts[k].family === f.family).map((c) => c.scale);
    const fits = (s: DraftScale) => values.every((v) => s.codes.some((c) => c.code === v));
    scale = draft.scales.find((s) => siblings.includes(s.id) && fits(s)) ?? draft.scales.find(fits);
  }
  let scales = draft.scales;
  if (!scale) {
    const guess = detectScale(values, f.profile.column) ?? { kind: 'text' as const, codes: orderCodes(values), labels: {}, positive: [], direction: 'unknown' as const, sentinels: [] };
    scale = scaleFromGuess(nextScaleId(draft.scales), guess);
    scales = [...draft.scales, scale];
  }
  let families = draft.families;
  let family = column.family;
  if (!family || !families.some((x) => x.id === family)) {
    const key = f.family;
    const label: Label = key ? labelOf(humanise(key.slice(2))) : { en: 'Other questions', nl: 'Overige vragen' };
    // The family of the same name, if the draft has it, else a new one.
    const existing = families.find((x) => x.label.en === label.en);
    if (existing) family = existing.id;
    else {
      const ids = new Set(families.map((x) => x.id));
      family = key ? familyId(key.slice(2), ids) : uniqueId('other', ids);
      families = [...families, { id: family, label }];
    }
  }
  const columns = [...draft.columns];
  columns[i] = { ...column, role: 'item', reason: 'analyst', attribute: undefined, scale: scale.id, family, missing: column.missing.length ? column.missing : f.markers };
  return { ...draft, columns, scales, families };
}

const nextScaleId = (scales: readonly DraftScale[]) => {
  let k = scales.length + 1;
  while (scales.some((s) => s.id === `scale_${k}`)) k++;
  return `scale_${k}`;
};

/** Moves the item columns at `indices` into a family: an existing one by id, or a new one by its label. */
export function setFamily(draft: MappingDraft, indices: readonly number[], family: { id: string } | { label: string }): MappingDraft {
  let families = draft.families;
  let id: string;
  if ('id' in family) id = family.id;
  else {
    const text = family.label.trim() || 'Questions';
    id = uniqueId(text, new Set(families.map((f) => f.id)));
    families = [...families, { id, label: labelOf(text) }];
  }
  const columns = draft.columns.map((c, i) => (indices.includes(i) && c.role === 'item' ? { ...c, family: id, reason: 'analyst' as const } : c));
  // A family no column belongs to any more is dropped.
  families = families.filter((f) => columns.some((c) => c.role === 'item' && c.family === f.id));
  return { ...draft, columns, families };
}

/** Gives the item columns at `indices` a scale (the page offers only scales holding their values). */
export function setScale(draft: MappingDraft, indices: readonly number[], scaleId: string): MappingDraft {
  return { ...draft, columns: draft.columns.map((c, i) => (indices.includes(i) && c.role === 'item' ? { ...c, scale: scaleId, reason: 'analyst' as const } : c)) };
}

/** The scales whose codes hold every value of the column: those it may be given. */
export function scalesFitting(draft: MappingDraft, f: Facts): DraftScale[] {
  return draft.scales.filter((s) => f.values.every((v) => s.codes.some((c) => c.code === v)));
}

/** Updates one scale. */
export function updateScale(draft: MappingDraft, id: string, change: (s: DraftScale) => DraftScale): MappingDraft {
  return { ...draft, scales: draft.scales.map((s) => (s.id === id ? change(s) : s)) };
}

/**
 * Says which end of a scale is positive ("low": the first codes, "high": the last): the top boxes
 * at that end become the positive codes. For a scale whose direction could not be read, this is the
 * analyst's answer; for one read from its labels, a correction.
 */
export function setPositiveEnd(scale: DraftScale, end: 'low' | 'high'): DraftScale {
  return { ...scale, positive: topBoxes(scale.codes.map((c) => c.code), end), direction: scale.direction === 'unknown' ? 'unknown' : scale.direction, confirmed: true };
}

/** Which end the positive codes sit at, or null when they are not at one end. */
export function positiveEnd(scale: DraftScale): 'low' | 'high' | null {
  const codes = scale.codes.map((c) => c.code);
  if (scale.positive.length === 0 || scale.positive.length >= codes.length) return null;
  const first = codes.slice(0, scale.positive.length);
  const last = codes.slice(-scale.positive.length);
  if (first.every((c) => scale.positive.includes(c))) return 'low';
  if (last.every((c) => scale.positive.includes(c))) return 'high';
  return null;
}
