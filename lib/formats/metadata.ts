/**
 * What a file says about its columns beyond their values: an SPSS file's dictionary (variable
 * labels, value labels, user-missing values, the weight, multiple-response sets). The mapping's
 * proposal reads it (lib/mapping/fromMetadata.ts), so that a labelled file needs only confirmations.
 * A CSV has none; an Excel sheet has none either (its cells are read as values).
 */
export interface SourceVariable {
  /** The column's name in the records' header. */
  name: string;
  /** The variable label: the question's text. */
  label?: string;
  numeric: boolean;
  /** Value labels: each code as the records write it ("1") with its label. */
  valueLabels?: { code: string; label: string }[];
  /** User-missing codes as the records write them. */
  missing?: string[];
  /** A user-missing range, inclusive (-Infinity / Infinity for LOWEST / HIGHEST). */
  missingRange?: [number, number];
}

export interface MultipleResponseSet {
  name: string;
  label: string;
  /** Dichotomies (each variable is one option, `countedValue` means chosen) or categories. */
  dichotomy: boolean;
  countedValue?: string;
  variables: string[];
}

export interface SourceMetadata {
  variables: SourceVariable[];
  /** The variable the file weights by. */
  weight?: string;
  multipleResponseSets?: MultipleResponseSet[];
  /** The character encoding the file's text was read in. */
  encoding?: string;
}

/** The codes a variable's user-missing declaration covers among the codes it is known to take (its labels and the values seen). */
export function missingCodes(variable: SourceVariable, seen: Iterable<string> = []): string[] {
  const codes = new Set(variable.missing ?? []);
  const range = variable.missingRange;
  if (range) {
    const candidates = [...(variable.valueLabels ?? []).map((l) => l.code), ...seen];
    for (const c of candidates) {
      const x = Number(c);
      if (c.trim() !== '' && Number.isFinite(x) && x >= range[0] && x <= range[1]) codes.add(c);
    }
  }
  return [...codes];
}
