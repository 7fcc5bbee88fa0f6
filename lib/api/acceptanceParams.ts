import { z } from 'zod';
import type { AcceptanceQuery } from '../analysis/query';
import { bad, localeSchema, quoted, queryValues, single } from './schemas';

/**
 * The query string of GET /api/datasets/[id]/acceptance, checked before the engine sees it:
 *   by=a,b  item=x,y (repeatable)  family=f  filter=attr:code+code,attr2:code (repeatable)
 *   outcome=c,d  minBase=30  format=json|csv  lang=en|nl (CSV conventions)
 *   weight=<id> (a weight of the dataset or "unweighted"; absent: its default)
 * Ids are checked for shape here (zod schemas with limits); whether they exist in the dataset is
 * the engine's QueryError. Without `by`, each item gets its own row (a single item: one overall
 * figure), as in the CLI.
 */
export interface AcceptanceParams {
  query: AcceptanceQuery;
  /** weight=<id> ("unweighted", a weight of the dataset); absent: the dataset's default. */
  weight: string | undefined;
  format: 'json' | 'csv';
  /** CSV conventions: English (",", decimal point) or Dutch (";", decimal comma). */
  locale: 'en' | 'nl';
}

const KNOWN = ['by', 'item', 'family', 'filter', 'outcome', 'minBase', 'format', 'lang', 'weight'] as const;
const MAX_LIST = 200;

/**
 * An id of the codebook (attribute, item, family, code). Names an object's prototype machinery
 * could mistake for its own (`__proto__`, `constructor`, `prototype`) are refused: the engine keys
 * records by these ids.
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.+-]{1,64}$/)
  .refine((id) => !RESERVED.has(id));
const formatSchema = z.enum(['json', 'csv']);
/** minBase= of the acceptance and tables APIs. */
export const minBaseSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}$/)
  .transform(Number);

function checkId(id: string, what: string): string {
  if (!idSchema.safeParse(id).success) throw bad(`${what}: ${quoted(id)} is not a valid id (letters, digits, _ . + -, at most 64 characters; not __proto__, constructor or prototype)`);
  return id;
}

function ids(values: Map<string, string[]>, name: string): string[] | undefined {
  const given = values.get(name);
  if (!given) return undefined;
  const list = given.flatMap((v) => v.split(',')).map((s) => s.trim());
  if (list.some((s) => s === '')) throw bad(`${name} must be a comma-separated list of ids without empty entries`);
  if (list.length > MAX_LIST) throw bad(`${name} lists more than ${MAX_LIST} ids`);
  return list.map((id) => checkId(id, name));
}

/**
 * filter=country:NL+DE,gender:F. In a query string a raw "+" means a space, so codes are separated
 * by spaces once decoded; a "+" that belongs to a code is sent encoded: age_band:50%2B is "50+".
 */
function filters(values: Map<string, string[]>): Record<string, string[]> | undefined {
  const given = values.get('filter');
  if (!given) return undefined;
  // No prototype: an attribute id can never reach Object.prototype's own names.
  const out: Record<string, string[]> = Object.create(null);
  const parts = given.flatMap((v) => v.split(','));
  if (parts.length > MAX_LIST) throw bad(`filter lists more than ${MAX_LIST} attributes`);
  for (const part of parts) {
    const match = /^([^:]+):(.+)$/.exec(part.trim());
    if (!match) throw bad(`filter must look like attr:code+code,attr2:code, not ${quoted(part)}`);
    const attribute = checkId(match[1].trim(), 'filter: attribute');
    const codes = match[2].split(' ').map((c) => c.trim()).filter(Boolean);
    if (codes.length === 0) throw bad(`filter on ${attribute} lists no codes`);
    if (codes.length > MAX_LIST) throw bad(`filter on ${attribute} lists more than ${MAX_LIST} codes`);
    for (const code of codes) checkId(code, `filter on ${attribute}: code`);
    if (out[attribute]) throw bad(`filter on ${attribute} is given twice; list its codes once (${attribute}:a+b)`);
    out[attribute] = codes;
  }
  // The engine gets a plain object again, built from checked ids only.
  return Object.fromEntries(Object.entries(out));
}

export function parseAcceptanceParams(params: URLSearchParams): AcceptanceParams {
  const values = queryValues(params, KNOWN);

  const formatText = single(values, 'format') ?? 'json';
  const format = formatSchema.safeParse(formatText);
  if (!format.success) throw bad(`format must be json or csv, not ${quoted(formatText)}`);

  const lang = single(values, 'lang');
  if (lang !== undefined && !localeSchema.safeParse(lang).success) throw bad(`lang must be en or nl, not ${quoted(lang)}`);

  const minBaseText = single(values, 'minBase');
  let minBase: number | undefined;
  if (minBaseText !== undefined) {
    const parsed = minBaseSchema.safeParse(minBaseText);
    if (!parsed.success) throw bad(`minBase must be a whole number from 0 to 9999999, not ${quoted(minBaseText)}`);
    minBase = parsed.data;
  }

  const familyText = single(values, 'family');
  const family = familyText === undefined ? undefined : checkId(familyText, 'family');

  const items = ids(values, 'item');
  const by = ids(values, 'by');
  const query: AcceptanceQuery = {
    ...(items ? { items } : {}),
    ...(family !== undefined ? { family } : {}),
    by: by ?? (items?.length === 1 ? [] : ['item']),
  };
  const filter = filters(values);
  if (filter) query.filter = filter;
  const outcome = ids(values, 'outcome');
  if (outcome) query.outcome = outcome;
  if (minBase !== undefined) query.minBase = minBase;
  const weightText = single(values, 'weight');
  const weight = weightText === undefined ? undefined : checkId(weightText, 'weight');
  return { query, weight, format: format.data, locale: lang === 'nl' ? 'nl' : 'en' };
}
