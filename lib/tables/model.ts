import { ALPHA } from '../analysis/conventions';
import type { Label } from '../survey/codebook';
import type { TableWeighting, WeightingUsed } from './weighting';

/**
 * A banner table: rows are questions (or the answers of one question), columns a banner of audience
 * groups (Total | Gender | Age | Country), every cell a column percentage with its bases and the
 * letters of the columns it is significantly higher than, as SPSS Custom Tables (COMPARETEST), Q
 * and WinCross show them. What is asked for (TableSpec) and what comes out (CrossTable).
 */

/** The rows: an item family, chosen items (each row its share of positive answers), or every answer of one item with its NETs. */
export type TableRows = { kind: 'family'; family: string } | { kind: 'items'; items: string[] } | { kind: 'answers'; item: string };

/** One banner variable: an attribute, or two nested (outer, inner: gender by age). */
export type BannerGroupSpec = readonly string[];

export type Correction = 'bh' | 'none';
/** Cells under the minimum base: shown greyed without letters, or replaced by a dash. */
export type SmallCells = 'warn' | 'suppress';

export interface TableSpec {
  rows: TableRows;
  banner: BannerGroupSpec[];
  /** The dataset's default weight when absent. */
  weighting?: TableWeighting;
  /** Only respondents in these levels: { country: ['NL'] }. */
  filter?: Record<string, string[]>;
  /** Columns of a row with fewer respondents get no letters and give none (default 30). */
  minBase?: number;
  /** Significance levels of the letters, loosest first: lower case under alpha[0], upper case under alpha[1] (default 0.05, 0.01). With one level, upper case. */
  alpha?: readonly number[];
  /** Benjamini-Hochberg over the pairs of the table (default), or none. */
  correction?: Correction;
  smallCells?: SmallCells;
}

export const DEFAULT_ALPHA: readonly number[] = [ALPHA, 0.01];

/** A request the dataset cannot answer; `label` says it to the reader. */
export class TableError extends RangeError {
  constructor(
    message: string,
    readonly label: Label,
    readonly code: 'UnknownFamily' | 'UnknownItem' | 'NoItems' | 'UnknownAttribute' | 'BadBanner' | 'BadWeights' | 'BadOption' | 'UnknownLevel',
  ) {
    super(message);
    this.name = 'TableError';
  }
}

export interface Bases {
  /** Respondents. */
  n: number;
  /** Sum of their weights. */
  weightedN: number;
  /** Kish effective base (Σw)²/Σw². */
  effectiveN: number;
}

export interface BannerColumn {
  /** Position in the table; 0 is Total. */
  index: number;
  /** The banner variable it belongs to; -1 for Total. */
  group: number;
  /** Attribute id -> level code; {} for Total. */
  key: Record<string, string>;
  /** The column's own label (the inner level of a nested variable). */
  label: Label;
  /** A nested column's outer level. */
  outer: { attribute: string; code: string; label: Label } | null;
  /** A, B, C, ... after Total (which has none). */
  letter: string | null;
  /** Respondents in the column with an answer to at least one of the table's rows. */
  base: Bases;
}

export interface BannerGroup {
  /** One attribute, or outer and inner. */
  attributes: { id: string; label: Label }[];
  /** Indexes into the table's columns. */
  columns: number[];
}

export interface TableRowDef {
  /** The item id, or "<item>:<code>" for an answer, "<item>:top2" for a NET. */
  id: string;
  kind: 'item' | 'answer' | 'net';
  item: string;
  /** The answer codes the row counts; the item's positive ones for an item row. */
  codes: string[];
  label: Label;
  /** The item's full question, when its label shortens it. */
  text?: Label;
}

export interface TableCell extends Bases {
  /** Null when nobody in the column answered. */
  share: number | null;
  /** Under a raked weight the raked design's (calibrated) SE, else the fixed-weight one. */
  se: number | null;
  /** The SE with the weights taken as fixed (the same as `se` unless the weight is raked), reported beside it. */
  seFixed: number | null;
  /** Respondents with a positive weight (the degrees of freedom). */
  weightedRespondents: number;
  smallBase: boolean;
  /** The letters of the columns this cell is significantly higher than, in column order ("Bc"). */
  letters: string;
}

export interface TableRow extends TableRowDef {
  /** One per column, in column order. */
  cells: TableCell[];
}

export interface TablePair {
  row: string;
  item: string;
  /** The banner variable (its index) and, nested, the outer level both columns share. */
  group: number;
  banner: string;
  within: Record<string, string> | null;
  /** The two columns (indexes) and their codes; the difference is a − b. */
  columnA: number;
  columnB: number;
  a: string;
  b: string;
  diff: number;
  /** The SE the test uses: under a raked weight the raked design's (calibrated), else the fixed-weight one. */
  se: number;
  /** The difference's SE with the weights taken as fixed (the two columns' fixed-weight variances added). */
  seFixed: number | null;
  t: number;
  df: number;
  p: number;
  /** The p the letters use: Benjamini-Hochberg over the table's tested pairs, or p itself without correction; null when not tested. */
  pAdjusted: number | null;
  /** Either column under the minimum base: no test, no letter (the numbers are still reported). */
  smallBase: boolean;
  /** In the test family: both columns reach the minimum base and the difference has a variance. */
  tested: boolean;
}

export interface CrossTable {
  datasetId: string;
  title: Label;
  synthetic: boolean;
  rowsSpec: TableRows;
  /** The rows' family, item or items, named for a caption. */
  rowsLabel: Label;
  weighting: WeightingUsed;
  filter: Record<string, string[]>;
  filterLabel: Label | null;
  groups: BannerGroup[];
  columns: BannerColumn[];
  rows: TableRow[];
  pairs: TablePair[];
  minBase: number;
  alpha: number[];
  correction: Correction;
  smallCells: SmallCells;
}
