import { z } from 'zod';
import type { TableSpec } from '../tables/model';
import { type TableWeighting, weightParam } from '../tables/weighting';
import { idSchema, minBaseSchema } from './acceptanceParams';
import { bad, localeSchema, quoted, queryValues, single } from './schemas';

/**
 * The query string of GET /api/datasets/[id]/tables, checked before the tables see it:
 *   rows=family:<id> | items:<id>,<id> | answers:<id>   (not with book=1: the tab book has every family)
 *   banner=attr,attr,outer>inner (or repeated)   weight=<weight id>|unweighted (none)|dataset (the default)   filter=attr:code (repeated, one code each)
 *   minBase=30   alpha=0.05,0.01   correction=bh|none   small=warn|suppress
 *   format=json|csv|xlsx|pptx   book=1   lang=en|nl
 * Ids are checked for shape (zod); whether they exist is the table builder's TableError. Codes
 * are the codebook's own values, so a filter's code may be any text ("United Kingdom"); each is
 * sent in a parameter of its own, so no separator can be confused with it.
 */
export interface TablesParams {
  spec: Omit<TableSpec, 'rows'> & { rows?: TableSpec['rows'] };
  book: boolean;
  format: 'json' | 'csv' | 'xlsx' | 'pptx';
  locale: 'en' | 'nl';
}

const KNOWN = ['rows', 'banner', 'weight', 'filter', 'minBase', 'alpha', 'correction', 'small', 'format', 'book', 'lang'] as const;
const MAX_LIST = 200;
const MAX_BANNER = 20;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const formatSchema = z.enum(['json', 'csv', 'xlsx', 'pptx']);
const alphaSchema = z
  .string()
  .regex(/^0?\.\d{1,6}(,0?\.\d{1,6})?$/)
  .transform((s) => s.split(',').map(Number));
/** A code as the codebook has it: any text up to 200 characters without control characters, never an object's prototype names. */
const codeSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((code) => !/[\u0000-\u001f\u007f]/.test(code) && !RESERVED.has(code));

function id(value: string, what: string): string {
  if (!idSchema.safeParse(value).success) throw bad(`${what}: ${quoted(value)} is not a valid id (letters, digits, _ . + -, at most 64 characters; not __proto__, constructor or prototype)`);
  return value;
}

function rowsOf(text: string): TableSpec['rows'] {
  const match = /^(family|items|answers):(.+)$/.exec(text);
  if (!match) throw bad(`rows must be family:<id>, items:<id>,<id> or answers:<id>, not ${quoted(text)}`);
  if (match[1] === 'family') return { kind: 'family', family: id(match[2], 'rows') };
  if (match[1] === 'answers') return { kind: 'answers', item: id(match[2], 'rows') };
  const items = match[2].split(',').map((s) => s.trim());
  if (items.length > MAX_LIST) throw bad(`rows lists more than ${MAX_LIST} items`);
  return { kind: 'items', items: items.map((s) => id(s, 'rows')) };
}

function bannerOf(values: string[] | undefined): string[][] {
  const groups = (values ?? []).flatMap((text) => text.split(',')).filter((g) => g.trim() !== '').map((g) => g.split('>').map((s) => s.trim()));
  if (groups.length > MAX_BANNER) throw bad(`banner lists more than ${MAX_BANNER} groups`);
  for (const group of groups) {
    if (group.length > 2) throw bad(`banner: ${quoted(group.join('>'))} nests more than two attributes`);
    group.forEach((s) => id(s, 'banner'));
  }
  return groups;
}

function filterOf(values: string[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  if (!values) return out;
  if (values.length > MAX_LIST) throw bad(`filter is given more than ${MAX_LIST} times`);
  for (const value of values) {
    const at = value.indexOf(':');
    if (at < 1) throw bad(`filter must look like attr:code (one code per filter parameter), not ${quoted(value)}`);
    const attribute = id(value.slice(0, at), 'filter: attribute');
    const code = value.slice(at + 1);
    if (!codeSchema.safeParse(code).success) throw bad(`filter on ${attribute}: ${quoted(code)} is not a code (1 to 200 characters, no control characters)`);
    out[attribute] = [...(out[attribute] ?? []), code];
  }
  return Object.fromEntries(Object.entries(out));
}

function choice<const T extends string>(values: Map<string, string[]>, name: string, allowed: readonly T[], fallback: NoInfer<T>): T {
  const value = single(values, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw bad(`${name} must be ${allowed.join(' or ')}, not ${quoted(value)}`);
  return value as T;
}

function weightingOf(value: string | undefined): TableWeighting {
  const id = weightParam(value);
  return id === undefined ? { kind: 'weight' } : { kind: 'weight', id };
}

export function parseTablesParams(params: URLSearchParams): TablesParams {
  const values = queryValues(params, KNOWN);
  const format = formatSchema.safeParse(single(values, 'format') ?? 'json');
  if (!format.success) throw bad(`format must be json, csv, xlsx or pptx, not ${quoted(single(values, 'format') ?? '')}`);
  const lang = single(values, 'lang');
  if (lang !== undefined && !localeSchema.safeParse(lang).success) throw bad(`lang must be en or nl, not ${quoted(lang)}`);
  const book = choice(values, 'book', ['1', 'true', '0', 'false'] as const, '0');
  const isBook = book === '1' || book === 'true';
  const rowsText = single(values, 'rows');
  if (isBook && rowsText !== undefined) throw bad('book=1 is every item family by the banner: leave rows out');
  if (!isBook && rowsText === undefined) throw bad('rows is required: family:<id>, items:<id>,<id> or answers:<id> (or book=1 for every family)');
  if (isBook && format.data === 'pptx') throw bad('format=pptx is for one table: give rows instead of book=1');
  const minBaseText = single(values, 'minBase');
  const minBase = minBaseText === undefined ? undefined : minBaseSchema.safeParse(minBaseText);
  if (minBase && !minBase.success) throw bad(`minBase must be a whole number from 0 to 9999999, not ${quoted(minBaseText!)}`);
  const alphaText = single(values, 'alpha');
  const alpha = alphaText === undefined ? undefined : alphaSchema.safeParse(alphaText);
  if (alpha && !alpha.success) throw bad(`alpha must be one or two levels such as 0.05,0.01, not ${quoted(alphaText!)}`);
  return {
    spec: {
      ...(rowsText !== undefined ? { rows: rowsOf(rowsText) } : {}),
      banner: bannerOf(values.get('banner')),
      // A weight id of the dataset (checked against it when the table is made: a 400 naming the weights there are); none = unweighted.
      weighting: weightingOf(single(values, 'weight')),
      filter: filterOf(values.get('filter')),
      ...(minBase ? { minBase: minBase.data } : {}),
      ...(alpha ? { alpha: alpha.data } : {}),
      correction: choice(values, 'correction', ['bh', 'none'] as const, 'bh'),
      smallCells: choice(values, 'small', ['warn', 'suppress'] as const, 'warn'),
    },
    book: isBook,
    format: format.data,
    locale: lang === 'nl' ? 'nl' : 'en',
  };
}
