import { z } from 'zod';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_HEADER_CHARS } from '../ingest/types';
import { REFERENCE_DATASETS } from '../storage/referenceDatasets';
import { ApiError } from './errors';
import { quoted } from '../survey/quoteValue';
import { UUID_PATTERN } from '../storage/ids';

/**
 * The HTTP API's inputs, each described by a zod schema with limits (lengths, counts, allowed
 * values), checked before anything else runs: a malformed or hostile value (a 10,000-character
 * string, a repeated parameter, `__proto__`, control characters, bytes that are not UTF-8) is a
 * 400 with a message that names the parameter, never a 500 and never a look into storage.
 */

/** Longest query string value any parameter takes: longer is refused before it is split or matched. */
export const MAX_PARAM_CHARS = 4000;

const REFERENCE_IDS: readonly string[] = REFERENCE_DATASETS.map((d) => d.id);

// A value as an error message shows it: at most 80 characters, control characters named.
export { quoted };

export const bad = (message: string) => new ApiError(400, 'BadParameter', message);

/** A dataset id: a reference dataset's id or an upload's UUID (what the store generates). */
export const datasetIdSchema = z
  .string()
  .max(64)
  .refine((id) => REFERENCE_IDS.includes(id) || UUID_PATTERN.test(id));

/** The id, or a 400 BadId in the API's error shape (the same code the registry uses). */
export function parseDatasetId(id: unknown): string {
  const parsed = datasetIdSchema.safeParse(id);
  if (!parsed.success)
    throw new ApiError(400, 'BadId', `${typeof id === 'string' ? quoted(id) : 'the value'} is not a dataset id: use ${REFERENCE_IDS.join(' or ')} or the UUID of an uploaded dataset`);
  return parsed.data;
}

/**
 * The query string as a map from name to every value given, refusing names the route does not
 * take. The map has no prototype, so a parameter named `__proto__` or `constructor` is just an
 * unknown name.
 */
export function queryValues(params: URLSearchParams, known: readonly string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of params) {
    if (!known.includes(name)) throw bad(known.length ? `unknown parameter ${quoted(name)}; use ${known.join(', ')}` : `unknown parameter ${quoted(name)}; this address takes no parameters`);
    if (value.length > MAX_PARAM_CHARS) throw bad(`${name} is ${value.length.toLocaleString('en')} characters long; the limit is ${MAX_PARAM_CHARS.toLocaleString('en')}`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return values;
}

/** A route that takes no query parameters refuses any, rather than silently ignoring them. */
export function noParams(request: Request): void {
  queryValues(new URL(request.url).searchParams, []);
}

/** A parameter that may be given once; a repeated one (`?lang=en&lang=nl`) is ambiguous. */
export function single(values: Map<string, string[]>, name: string): string | undefined {
  const list = values.get(name);
  if (list && list.length > 1) throw bad(`${name} may be given once`);
  return list?.[0];
}

export const localeSchema = z.enum(['en', 'nl']);

/** GET /api/summary/pdf|pptx: ?dataset= (default study-g) and ?lang=en|nl. */
export function parseSummaryExportParams(params: URLSearchParams): { dataset: string | undefined; locale: 'en' | 'nl' } {
  const values = queryValues(params, ['dataset', 'lang']);
  const dataset = single(values, 'dataset');
  const lang = single(values, 'lang');
  const locale = localeSchema.safeParse(lang ?? 'en');
  if (!locale.success) throw bad(`lang must be en or nl, not ${quoted(lang ?? '')}`);
  return { dataset: dataset === undefined || dataset === '' ? undefined : parseDatasetId(dataset), locale: locale.data };
}

export const TEMPLATE_FILES = ['study-g.template.csv', 'study-p.template.csv', 'study-g.codebook.json', 'study-p.codebook.json'] as const;
export const templateFileSchema = z.enum(TEMPLATE_FILES);

/** GET /api/templates/[file]: one of four names; anything else is a 404 naming them. */
export function parseTemplateFile(file: unknown): { study: 'study-g' | 'study-p'; kind: 'csv' | 'codebook'; file: (typeof TEMPLATE_FILES)[number] } {
  const parsed = templateFileSchema.safeParse(file);
  if (!parsed.success) throw new ApiError(404, 'NotFound', `no template ${typeof file === 'string' ? quoted(file) : ''}; choose from ${TEMPLATE_FILES.join(', ')}`);
  const name = parsed.data;
  return { study: name.startsWith('study-g') ? 'study-g' : 'study-p', kind: name.endsWith('.csv') ? 'csv' : 'codebook', file: name };
}

// Control characters (C0 other than tab, DEL, C1) have no place in a name someone typed.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

/** POST /api/datasets's text fields. */
export const uploadNameSchema = z
  .string()
  .max(200, { error: 'the name may have at most 200 characters' })
  .refine((name) => !CONTROL.test(name), { error: 'the name may not contain control characters (line breaks, NUL …)' });

export const keepPersonalSchema = z
  .string()
  .max(DEFAULT_MAX_COLUMNS * (DEFAULT_MAX_HEADER_CHARS + 1), { error: 'keepPersonal is too long' })
  .transform((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().max(DEFAULT_MAX_HEADER_CHARS, { error: `a column name in keepPersonal is longer than ${DEFAULT_MAX_HEADER_CHARS.toLocaleString('en')} characters` }))
      .max(DEFAULT_MAX_COLUMNS, { error: `keepPersonal names more than ${DEFAULT_MAX_COLUMNS.toLocaleString('en')} columns` }),
  );

/** Parses a form field with its schema; the first issue's message becomes the 400. */
export function parseField<T>(schema: z.ZodType<T>, value: unknown, code = 'BadParameter'): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, code, parsed.error.issues[0]?.message ?? 'invalid value');
  return parsed.data;
}

/** Most files one upload may join into a dataset. */
export const MAX_UPLOAD_FILES = 20;

/**
 * A file's value in the source column ("NL_DE", "wave 2"): it becomes a code, which the engine
 * compares with the trimmed cell, so it may not start or end with blank space.
 */
export const sourceValueSchema = z
  .string()
  .min(1, { error: 'a source value may not be empty' })
  .max(200, { error: 'a source value may have at most 200 characters' })
  .refine((v) => v.trim() === v, { error: 'a source value may not start or end with blank space' })
  .refine((v) => !CONTROL.test(v), { error: 'a source value may not contain control characters (line breaks, NUL …)' });

const columnNameSchema = z
  .string({ error: 'a column name in "columns" must be text' })
  .min(1, { error: 'a column name in "columns" may not be empty' })
  .max(DEFAULT_MAX_HEADER_CHARS, { error: `a column name in "columns" is longer than ${DEFAULT_MAX_HEADER_CHARS.toLocaleString('en')} characters` });

/**
 * A file's header names -> the codebook's column names. Read entry by entry rather than with
 * z.record, which silently drops a key "__proto__" (a column may be called that); the result is
 * built with Object.fromEntries, whose keys are own properties, never the prototype.
 */
export const columnsMapSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: '"columns" must be an object: {"<the file\'s header name>": "<the codebook\'s column name>", ...}' })
  .transform((v) => Object.entries(v))
  .pipe(z.array(z.tuple([columnNameSchema, columnNameSchema])).max(DEFAULT_MAX_COLUMNS, { error: `"columns" renames more than ${DEFAULT_MAX_COLUMNS.toLocaleString('en')} columns` }))
  .transform((pairs): Record<string, string> => Object.fromEntries(pairs));

/** The `files` field of POST /api/datasets with several files: how they make one dataset (lib/ingest/files.ts). */
export const filePlanSchema = z.strictObject(
  {
    sourceColumn: columnNameSchema.optional(),
    prefixIds: z.boolean({ error: '"prefixIds" must be true or false' }).default(false),
    files: z
      .array(z.strictObject({ source: sourceValueSchema, columns: columnsMapSchema.default({}) }, { error: 'each entry of "files" is {"source": "...", "columns": {...}}' }), {
        error: '"files" must be a list with one entry per file',
      })
      .min(1, { error: '"files" needs one entry per file' })
      .max(MAX_UPLOAD_FILES, { error: `at most ${MAX_UPLOAD_FILES} files make one dataset` }),
  },
  { error: 'the plan must be {"sourceColumn": "...", "prefixIds": false, "files": [{"source": "...", "columns": {...}}, ...]}' },
);

/** A JSON text field parsed with its schema: 400 with `code` for bad JSON or a value the schema refuses (the issue's path named). */
export function parseJsonField<T>(schema: z.ZodType<T>, text: string, field: string, code = 'BadParameter'): T {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ApiError(400, code, `the "${field}" field is not valid JSON: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const step = (p: PropertyKey) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_]\w{0,39}$/.test(String(p)) ? `.${String(p)}` : `[${quoted(String(p))}]`);
    const at = issue?.path.length ? ` (at ${issue.path.map(step).join('').replace(/^\./, '')})` : '';
    throw new ApiError(400, code, `the "${field}" field: ${issue?.message ?? 'invalid value'}${at}`);
  }
  return parsed.data;
}

/** A yes/no form field: true, false, 1, 0 (absent: false). */
export const formFlagSchema = z.enum(['true', 'false', '1', '0'], { error: '"prefixIds" must be true or false' }).transform((v) => v === 'true' || v === '1');
