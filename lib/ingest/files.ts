import type { CategoricalAttribute, Codebook } from '../survey/codebook';
import { quoted } from '../survey/quoteValue';
import { ingestProblem } from './problemMessages';
import type { Problem } from './types';

/**
 * Several files, one dataset: the pure rules, shared by the server (POST /api/datasets with several
 * files, POST /api/datasets/<id>/files) and the browser's upload worker. React-free and Node-free.
 *
 * The codebook describes the merged dataset, in its own ("canonical") column names. Each file
 * comes with a `columns` map from its own header names to the canonical ones (identity for names
 * not listed), so that files whose headers differ only in style ("[Q5] [acceptability.location]
 * How acceptable ..." and "acceptability.location") are read by one codebook. The merged dataset
 * has every file's canonical columns, then the source column, whose value tells the files apart:
 * a categorical attribute whose codes are the files' `source` values.
 */

/** One file's entry in the plan, in the order of the file fields. */
export interface FilePlanEntry {
  /** The file's value in the source column ("NL_DE", "wave 2"): a code of the source attribute. */
  source: string;
  /** The file's own header name -> the codebook's column name; names not listed are the same in both. */
  columns: Record<string, string>;
}

/** How several files make one dataset (the `files` field of POST /api/datasets). */
export interface FilePlan {
  /** The codebook's `sourceColumn`: the column the merged dataset gets, holding each file's source value. */
  sourceColumn: string;
  /** Make respondent ids unique across files as `<source>:<id>` instead of requiring them to be. */
  prefixIds: boolean;
  files: FilePlanEntry[];
}

/** A plan that cannot work with these files or this codebook; `file` is the 0-based file index when it concerns one file. */
export interface FilePlanProblem {
  file?: number;
  column?: string;
  message: string;
}

/** The source column and attribute a dataset gets when a file is appended to one that has none. */
export const SOURCE_COLUMN = 'source';
export const SOURCE_LABEL = { en: 'File', nl: 'Bestand' } as const;

/** The map's own entries (a JSON key "__proto__" is an own entry too, never the prototype). */
function entries(columns: Record<string, string>): [string, string][] {
  return Object.entries(columns);
}

/** A file's header in the codebook's names. */
export function canonicalHeader(header: readonly string[], columns: Record<string, string>): string[] {
  const map = new Map(entries(columns));
  return header.map((h) => map.get(h) ?? h);
}

/**
 * The codebook as one file's header names it: every column reference (respondent id, weight,
 * attributes, items, asked-if conditions) renamed from the canonical name to the file's own, and
 * without the source attribute and `sourceColumn` (the file itself has no source column: the
 * merge adds it). Validating a file against this codebook is validating it as part of the dataset.
 */
export function codebookForFile(codebook: Codebook, columns: Record<string, string>): Codebook {
  // canonical -> the file's name; the first file header mapped to a canonical name wins (a second
  // one is a plan problem, see filePlanProblems).
  const own = new Map<string, string>();
  for (const [fileName, canonical] of entries(columns)) if (!own.has(canonical)) own.set(canonical, fileName);
  const rename = (column: string) => own.get(column) ?? column;
  const { sourceColumn, ...rest } = codebook;
  return {
    ...rest,
    respondentId: rename(codebook.respondentId),
    ...(codebook.weight !== undefined ? { weight: rename(codebook.weight) } : {}),
    attributes: codebook.attributes.filter((a) => sourceColumn === undefined || a.column !== sourceColumn).map((a) => ({ ...a, column: rename(a.column) })),
    items: codebook.items.map((item) => ({
      ...item,
      column: rename(item.column),
      ...(item.askedIf ? { askedIf: { ...item.askedIf, column: rename(item.askedIf.column) } } : {}),
    })),
  };
}

/** The merged dataset's header: the files' canonical columns, each once, in first-seen order, then the source column. */
export function mergedHeader(canonicalHeaders: readonly (readonly string[])[], sourceColumn: string): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const header of canonicalHeaders)
    for (const column of header)
      if (column !== sourceColumn && !seen.has(column)) {
        seen.add(column);
        merged.push(column);
      }
  merged.push(sourceColumn);
  return merged;
}

/** A respondent id made unique across files by its file's source value. */
export const prefixedId = (source: string, id: string): string => `${source}:${id.trim()}`;

export interface ProjectionOptions {
  /** The column that gets `source` in every row (a column of `merged`). */
  sourceColumn: string;
  source: string;
  /** With `prefixIds`, the canonical respondent-id column whose values become `<source>:<id>`. */
  respondentId?: string;
  prefixIds?: boolean;
}

/**
 * How one file's rows become rows of the merged header: each merged column takes the file's field
 * whose canonical name it is, '' where the file lacks the column, and the file's source value in
 * the source column. `header` is the file's own header; columns of the file that the merged header
 * leaves out (dropped personal data) are left out.
 */
export function rowProjection(header: readonly string[], columns: Record<string, string>, merged: readonly string[], options: ProjectionOptions): (row: readonly string[]) => string[] {
  const canonical = canonicalHeader(header, columns);
  const at = new Map<string, number>();
  canonical.forEach((column, i) => {
    if (!at.has(column)) at.set(column, i);
  });
  const from = Int32Array.from(merged, (column) => (column === options.sourceColumn ? -1 : (at.get(column) ?? -1)));
  const sourceAt = merged.indexOf(options.sourceColumn);
  const idAt = options.prefixIds && options.respondentId !== undefined ? merged.indexOf(options.respondentId) : -1;
  const width = merged.length;
  const { source } = options;
  return (row) => {
    const out = new Array<string>(width);
    for (let i = 0; i < width; i++) {
      const j = from[i];
      out[i] = j >= 0 ? (row[j] ?? '') : '';
    }
    if (sourceAt >= 0) out[sourceAt] = source;
    if (idAt >= 0) out[idAt] = prefixedId(source, out[idAt]);
    return out;
  };
}

/**
 * What is wrong with a plan for these files (their own headers, in plan order): a `columns` name
 * the file lacks, two of a file's columns mapped to one canonical name, a file column named like
 * the source column, a blank or repeated source value.
 */
export function filePlanProblems(plan: Pick<FilePlan, 'sourceColumn' | 'files'>, headers: readonly (readonly string[])[]): FilePlanProblem[] {
  const problems: FilePlanProblem[] = [];
  const sources = new Map<string, number>();
  plan.files.forEach((entry, file) => {
    const source = entry.source.trim();
    if (source === '') problems.push({ file, message: `file ${file + 1} needs a source value (the value its rows get in the column "${plan.sourceColumn}")` });
    else if (sources.has(source)) problems.push({ file, message: `files ${sources.get(source)! + 1} and ${file + 1} have the same source value "${source}"; each file needs its own` });
    else sources.set(source, file);
    const header = headers[file] ?? [];
    const present = new Set(header);
    for (const [name] of entries(entry.columns)) if (!present.has(name)) problems.push({ file, column: name, message: `file ${file + 1} has no column "${name}" to rename` });
    const canonical = canonicalHeader(header, entry.columns);
    const firstOf = new Map<string, string>();
    canonical.forEach((column, i) => {
      const name = header[i];
      const earlier = firstOf.get(column);
      if (earlier !== undefined && earlier !== name) problems.push({ file, column: name, message: `file ${file + 1}: the columns "${earlier}" and "${name}" are both matched to "${column}"` });
      else if (earlier === undefined) firstOf.set(column, name);
      if (column === plan.sourceColumn) problems.push({ file, column: name, message: `file ${file + 1} has a column "${name}" read as "${plan.sourceColumn}", the source column the files are told apart by; rename one of them` });
    });
  });
  return problems;
}

/** The codebook's source attribute: the categorical attribute of its `sourceColumn`, if any. */
export function sourceAttributeOf(codebook: Codebook): CategoricalAttribute | undefined {
  if (codebook.sourceColumn === undefined) return undefined;
  const attribute = codebook.attributes.find((a) => a.column === codebook.sourceColumn);
  return attribute?.kind === 'categorical' ? attribute : undefined;
}

/** What is wrong with a plan for this codebook: another source column, source values that are not codes of its attribute. */
export function planCodebookProblems(plan: Pick<FilePlan, 'sourceColumn' | 'files'>, codebook: Codebook): FilePlanProblem[] {
  if (codebook.sourceColumn === undefined)
    return [{ message: 'several files need a codebook with a source column ("sourceColumn": the categorical attribute whose codes are the files\' source values)' }];
  if (plan.sourceColumn !== codebook.sourceColumn)
    return [{ message: `the plan's source column "${plan.sourceColumn}" is not the codebook's ("${codebook.sourceColumn}")` }];
  const attribute = sourceAttributeOf(codebook);
  if (!attribute) return [{ message: `the codebook's source column "${codebook.sourceColumn}" must be a categorical attribute, with one code per file` }];
  const codes = new Set(attribute.codes.map((c) => c.code));
  const problems: FilePlanProblem[] = [];
  plan.files.forEach((entry, file) => {
    if (entry.source.trim() !== '' && !codes.has(entry.source))
      problems.push({ file, message: `file ${file + 1}'s source value "${entry.source}" is not a code of the attribute "${attribute.id}" (${[...codes].join(', ')})` });
  });
  return problems;
}

/** A name not in `taken`: `base`, else `base_2`, `base_3`, ... */
function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * The codebook with a source column for a dataset that had none: a categorical attribute "source"
 * (File / Bestand; another free id and column name if those are taken) with `existing` as the code
 * of the rows already stored. `header` is the stored header, whose names the new column must avoid.
 */
export function withSourceColumn(codebook: Codebook, header: readonly string[], existing: string): Codebook {
  const column = freeName(SOURCE_COLUMN, new Set([...header, ...codebook.attributes.map((a) => a.column), ...codebook.items.map((i) => i.column)]));
  const id = freeName(SOURCE_COLUMN, new Set([...codebook.attributes.map((a) => a.id)]));
  const attribute: CategoricalAttribute = { id, column, label: { ...SOURCE_LABEL }, kind: 'categorical', codes: [{ code: existing, label: { en: existing, nl: existing } }] };
  return { ...codebook, attributes: [...codebook.attributes, attribute], sourceColumn: column };
}

/** The codebook whose source attribute has gained `source` as a code (labelled with itself). */
export function withSourceCode(codebook: Codebook, source: string): Codebook {
  const attribute = sourceAttributeOf(codebook);
  if (!attribute) throw new Error('the codebook has no source attribute');
  if (attribute.codes.some((c) => c.code === source)) return codebook;
  return {
    ...codebook,
    attributes: codebook.attributes.map((a) => (a === attribute ? { ...attribute, codes: [...attribute.codes, { code: source, label: { en: source, nl: source } }] } : a)),
  };
}

/** A problem of one of several files: the report names the file it belongs to. */
export type FileProblem = Problem & { file?: string };

/** An id as a message quotes it: at most 80 characters, control characters escaped. */

/** Rows per origin fit below this (2^22 > the 2,000,000-row limit): an origin and a row pack into one number. */
const ROW_SPAN = 2 ** 22;

/**
 * Respondent ids across several origins (the files of an upload, or a stored dataset and the file
 * appended to it), which must not repeat: each file's own repeats are the validator's, this finds
 * an id of one origin that another already had. Remembers where each id was first seen; lists the
 * first `maxListed` repeats, counts all.
 */
export class RespondentIds {
  private readonly first = new Map<string, number>();
  readonly problems: FileProblem[] = [];
  count = 0;

  /**
   * @param origins how each origin is named in a message, by index ('file "A.csv"', 'the stored dataset')
   * @param files the file name a problem of each origin carries (undefined for stored rows)
   */
  constructor(
    private readonly origins: readonly string[],
    private readonly files: readonly (string | undefined)[],
    private readonly column: string,
    private readonly maxListed = 100,
  ) {}

  /** Notes an id (trimmed, as the engine reads it) of a data row of an origin; false if another origin had it. */
  add(id: string, origin: number, row: number): boolean {
    const key = id.trim();
    const seen = this.first.get(key);
    if (seen === undefined) {
      this.first.set(key, origin * ROW_SPAN + row);
      return true;
    }
    const seenOrigin = Math.floor(seen / ROW_SPAN);
    // A repeat within one origin is the validator's to report (it already has).
    if (seenOrigin === origin) return true;
    this.count++;
    if (this.problems.length < this.maxListed)
      this.problems.push({
        ...ingestProblem('DuplicateId.files', { id: quoted(key), origin: this.origins[origin], row, other: this.origins[seenOrigin], first: seen % ROW_SPAN }, { row, column: this.column }),
        ...(this.files[origin] !== undefined ? { file: this.files[origin] } : {}),
      });
    return false;
  }
}
