import { ApiError } from './errors';

/**
 * Reading multipart form fields for the upload routes: a field is given at most once (or, for
 * files, a bounded number of times), text where text is meant, a file where a file is meant, and
 * a JSON field may come as text or as a file (curl -F 'files=<plan.json' or -F files=@plan.json).
 */

/** The request's form, or 400 BadForm. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new ApiError(400, 'BadForm', 'the request body is not valid multipart/form-data');
  }
}

/** Refuses fields the route does not take, and repeats of fields taken once. */
export function checkFieldNames(form: FormData, known: readonly string[], repeatable: readonly string[] = []): void {
  for (const key of new Set(form.keys())) if (!known.includes(key)) throw new ApiError(400, 'BadParameter', `unknown field "${key.slice(0, 80)}"; use ${known.join(', ')}`);
  for (const key of known) if (!repeatable.includes(key) && form.getAll(key).length > 1) throw new ApiError(400, 'BadParameter', `the field "${key}" may be given once`);
}

/** A text field, or undefined when absent; 400 when a file was sent instead. */
export function textField(form: FormData, key: string, what: string): string | undefined {
  const value = form.get(key);
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, 'BadParameter', `the "${key}" field must be text: ${what}`);
  return value;
}

/** A JSON field sent as text or as a file, as text; `maxBytes` bounds a file before it is read. */
export async function jsonFieldText(form: FormData, key: string, maxBytes: number, tooLarge: (bytes: number) => ApiError): Promise<string | undefined> {
  const value = form.get(key);
  if (value === null) return undefined;
  if (typeof value === 'string') {
    if (value.length > maxBytes) throw tooLarge(new TextEncoder().encode(value).length);
    return value;
  }
  if (value.size > maxBytes) throw tooLarge(value.size);
  return value.text();
}

/** Reads a request body as text, refusing one over `maxBytes` (413 from `tooLarge`) without reading further. */
export async function readBodyText(request: Request, maxBytes: number, tooLarge: (bytes: number) => ApiError): Promise<string> {
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length) && length > maxBytes) throw tooLarge(length);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(size);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'BadEncoding', 'the body is not UTF-8 text');
  }
}

/** If-Match: the revision the editor read ("3", W/"3" or 3); undefined when absent or "*". */
export function ifMatchRevision(request: Request): number | undefined {
  const raw = request.headers.get('if-match');
  if (raw === null || raw.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match) throw new ApiError(400, 'BadParameter', 'If-Match must be the revision you read (the codebook ETag), such as "3"');
  return Number(match[1]);
}

