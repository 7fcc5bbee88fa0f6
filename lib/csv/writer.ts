/**
 * CSV for every download (explorer tables, API answers, upload reports), written on the server or in the browser: UTF-8 with a byte-order mark so that
 * Excel reads the accents, RFC 4180 quoting, and text cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) neutralised with a leading single
 * quote. Numbers are written as numbers (never neutralised: "-3.2" is a value, not a formula; tiny
 * ones in E notation, 6.55E-153), with
 * the decimal separator of the locale; Dutch files use ";" between fields as Dutch Excel expects.
 */
export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Field separator: "," (default) or ";". */
  separator?: ',' | ';' | '\t';
  /** Decimal separator for numbers: "." (default) or ",". */
  decimal?: '.' | ',';
  /** Maximum decimals of numbers (trailing zeros dropped). Default 4. */
  digits?: number;
}

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a single quote to text a spreadsheet would read as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  const { separator = ',', decimal = '.', digits = 4 } = options;
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // Tiny values (p-values) keep three significant digits in E notation, which spreadsheets read as numbers.
    if (value !== 0 && Math.abs(value) < 10 ** -digits) text = value.toExponential(2).replace('e', 'E');
    else text = value.toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    if (decimal === ',') text = text.replace('.', ',');
  } else text = neutraliseFormula(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a header and rows, with the byte-order mark and CRLF line ends. */
export function toCsv(header: string[], rows: CsvValue[][], options: CsvOptions = {}): string {
  const separator = options.separator ?? ',';
  const lines = [header, ...rows].map((row) => row.map((v) => csvCell(v, options)).join(separator));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** CSV conventions of a locale: Dutch spreadsheets expect ";" and a decimal comma. */
export function csvOptionsFor(locale: 'en' | 'nl'): CsvOptions {
  return locale === 'nl' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/** A file name without characters that file systems or browsers reject. */
export function csvFileName(...parts: string[]): string {
  const base = parts
    .filter(Boolean)
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${base || 'table'}.csv`;
}
