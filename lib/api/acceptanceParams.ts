import type { AcceptanceQuery } from '../analysis/query';
import { ApiError } from './errors';

/**
 * The query string of GET /api/datasets/[id]/acceptance, checked before the engine sees it:
 *   by=a,b  item=x,y (repeatable)  family=f  filter=attr:code+code,attr2:code (repeatable)
 *   outcome=c,d  minBase=30  format=json|csv  lang=en|nl (CSV conventions)
 * Ids are checked for shape here; whether they exist in the dataset is the engine's QueryError.
 * Without `by`, each item gets its own row (a single item: one overall figure), as in the CLI.
 */
export interface AcceptanceParams {
  query: AcceptanceQuery;
  format: 'json' | 'csv';
  /** CSV conventions: English (",", decimal point) or Dutch (";", decimal comma). */
  locale: 'en' | 'nl';
}

const KNOWN = new Set(['by', 'item', 'family', 'filter', 'outcome', 'minBase', 'format', 'lang']);
const ID = /^[A-Za-z0-9_.+-]{1,64}$/;
const MAX_LIST = 200;

const bad = (message: string) => new ApiError(400, 'BadParameter', message);

function ids(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  const list = values.flatMap((v) => v.split(',')).map((s) => s.trim());
  if (list.some((s) => s === '')) throw bad(`${name} must be a comma-separated list of ids without empty entries`);
  if (list.length > MAX_LIST) throw bad(`${name} lists more than ${MAX_LIST} ids`);
  for (const id of list) if (!ID.test(id)) throw bad(`${name}: "${id.slice(0, 80)}" is not a valid id (letters, digits, _ . + -, at most 64 characters)`);
  return list;
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw bad(`${name} may be given once`);
  return values[0];
}

/**
 * filter=country:NL+DE,gender:F. In a query string a raw "+" means a space, so codes are separated
 * by spaces once decoded; a "+" that belongs to a code is sent encoded: age_band:50%2B is "50+".
 */
function filters(params: URLSearchParams): Record<string, string[]> | undefined {
  const values = params.getAll('filter');
  if (values.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const part of values.flatMap((v) => v.split(','))) {
    const match = /^([^:]+):(.+)$/.exec(part.trim());
    if (!match) throw bad(`filter must look like attr:code+code,attr2:code, not "${part.slice(0, 80)}"`);
    const attribute = match[1].trim();
    const codes = match[2].split(' ').map((c) => c.trim()).filter(Boolean);
    if (!ID.test(attribute)) throw bad(`filter: "${attribute.slice(0, 80)}" is not a valid attribute id`);
    if (codes.length === 0) throw bad(`filter on ${attribute} lists no codes`);
    for (const code of codes) if (!ID.test(code)) throw bad(`filter on ${attribute}: "${code.slice(0, 80)}" is not a valid code`);
    if (out[attribute]) throw bad(`filter on ${attribute} is given twice; list its codes once (${attribute}:a+b)`);
    out[attribute] = codes;
  }
  return out;
}

export function parseAcceptanceParams(params: URLSearchParams): AcceptanceParams {
  for (const name of new Set(params.keys()))
    if (!KNOWN.has(name)) throw bad(`unknown parameter "${name.slice(0, 80)}"; use ${[...KNOWN].join(', ')}`);

  const format = single(params, 'format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw bad(`format must be json or csv, not "${format.slice(0, 80)}"`);

  const lang = single(params, 'lang');
  if (lang !== undefined && lang !== 'en' && lang !== 'nl') throw bad(`lang must be en or nl, not "${lang.slice(0, 80)}"`);

  const minBaseText = single(params, 'minBase');
  let minBase: number | undefined;
  if (minBaseText !== undefined) {
    if (!/^\d{1,7}$/.test(minBaseText.trim())) throw bad(`minBase must be a whole number from 0 to 9999999, not "${minBaseText.slice(0, 80)}"`);
    minBase = Number(minBaseText.trim());
  }

  const family = single(params, 'family');
  if (family !== undefined && !ID.test(family)) throw bad(`family: "${family.slice(0, 80)}" is not a valid id`);

  const items = ids(params, 'item');
  const by = ids(params, 'by');
  const query: AcceptanceQuery = {
    ...(items ? { items } : {}),
    ...(family !== undefined ? { family } : {}),
    by: by ?? (items?.length === 1 ? [] : ['item']),
  };
  const filter = filters(params);
  if (filter) query.filter = filter;
  const outcome = ids(params, 'outcome');
  if (outcome) query.outcome = outcome;
  if (minBase !== undefined) query.minBase = minBase;
  return { query, format, locale: lang === 'nl' ? 'nl' : 'en' };
}
