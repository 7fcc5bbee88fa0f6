import type { Band, CodeLabel, Label } from '../survey/codebook';
import type { Demographic } from './demographics';
import type { Direction, ScaleKind } from './scales';

/**
 * The mapping screen's state: what each column is, the answer scales its items share, the item
 * families. Plain data, proposed from the file (propose.ts), edited by the analyst, built into a
 * codebook (build.ts) and read back from a stored codebook to edit it later (fromCodebook.ts).
 */

export type ColumnRole = 'respondentId' | 'weight' | 'attribute' | 'item' | 'ignore';
export const COLUMN_ROLES: readonly ColumnRole[] = ['respondentId', 'weight', 'attribute', 'item', 'ignore'];

/** Why a role was proposed; the page words each reason in English and Dutch. */
export type RoleReason =
  | 'idHeader'
  | 'uniqueValues'
  | 'weightHeader'
  | 'fileWeight'
  | 'fileLabels'
  | 'demographic'
  | 'fewCodes'
  | 'familyScale'
  | 'answerScale'
  | 'yesNo'
  | 'ratingSegment'
  | 'manyValues'
  | 'personal'
  | 'blank'
  | 'allMissing'
  | 'constant'
  | 'analyst'
  | 'codebook'
  | 'files';

export interface DraftCategorical {
  kind: 'categorical';
  codes: CodeLabel[];
}

export interface DraftNumeric {
  kind: 'scale';
  min: number;
  max: number;
  bands: Band[];
  /** The analyst has looked at the bands (required before storing). */
  confirmed: boolean;
}

export interface DraftColumn {
  column: string;
  role: ColumnRole;
  reason: RoleReason;
  /** Short label, in both languages (prefilled from the header). */
  label: Label;
  /** The whole header (or the stored full text), shown on hover. */
  text: string;
  /** Values read as missing in this column. */
  missing: string[];
  /** The kind of demographic the column looks like, if any. */
  demographic?: Demographic;
  /** Attribute columns. */
  attribute?: DraftCategorical | DraftNumeric;
  /** Item columns: their family and scale ids. */
  family?: string;
  scale?: string;
}

export interface DraftScale {
  id: string;
  label: Label;
  kind: ScaleKind;
  /** Codes in scale order, with labels. */
  codes: CodeLabel[];
  positive: string[];
  /** How the positive end was found; 'unknown' until the analyst says. */
  direction: Direction;
  /** The analyst has confirmed the direction and positive codes (required before storing). */
  confirmed: boolean;
}

export interface DraftFamily {
  id: string;
  label: Label;
}

export interface MappingDraft {
  columns: DraftColumn[];
  scales: DraftScale[];
  families: DraftFamily[];
}

export const same = (text: string): Label => ({ en: text, nl: text });

/** A lower-case identifier made of a name: "Q3 – Trust (brand)" → "q3_trust_brand". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return slug || 'column';
}

/** An id made of `text` that is not in `used` (adds _2, _3, ...), and is then marked used. */
export function uniqueId(text: string, used: Set<string>): string {
  const base = slugify(text);
  let id = base;
  for (let k = 2; used.has(id) || RESERVED.has(id); k++) id = `${base}_${k}`;
  used.add(id);
  return id;
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty']);

/**
 * The reference studies' family ids (lib/explore/catalog.ts): the study-specific views and claims
 * read items of these families with the studies' meaning. A family read from an upload's headers
 * never takes one by accident ("scenario.banking_morning" is not study G's scenario design).
 */
const STUDY_FAMILIES = new Set(['datatype', 'scenario', 'tactic']);

/** A family id made of a header's family key, kept apart from the studies' own family ids. */
export function familyId(key: string, used: Set<string>): string {
  const slug = slugify(key);
  return uniqueId(STUDY_FAMILIES.has(slug.replace(/_/g, '')) ? `${slug}_questions` : slug, used);
}

/** What still needs the analyst before the draft can be stored: scales to confirm, bands to confirm. */
export function pendingConfirmations(draft: MappingDraft): { scales: DraftScale[]; bands: DraftColumn[] } {
  const used = new Set(draft.columns.filter((c) => c.role === 'item').map((c) => c.scale));
  return {
    scales: draft.scales.filter((s) => used.has(s.id) && !s.confirmed),
    bands: draft.columns.filter((c) => c.role === 'attribute' && c.attribute?.kind === 'scale' && !c.attribute.confirmed),
  };
}
