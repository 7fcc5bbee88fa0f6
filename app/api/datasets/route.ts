import { ApiError, errorResponse } from '@/lib/api/errors';
import { keepPersonalSchema, noParams, parseField, uploadNameSchema } from '@/lib/api/schemas';
import { codebookTooLarge, MAX_UPLOAD_BYTES, tooLarge, uploadDataset, type UploadInput } from '@/lib/api/upload';
import { MAX_CODEBOOK_BYTES } from '@/lib/ingest/types';
import { audit, requestDatasets, requirePermission } from '@/lib/auth/request';
import { getDatasetRegistry } from '@/lib/storage/datasetRegistry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/datasets: every dataset this visitor may see, the reference ones first (uploads only when signed in). */
export async function GET(request: Request): Promise<Response> {
  try {
    noParams(request);
    const datasets = await (await requestDatasets()).list();
    return Response.json({ datasets }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/** Room for the multipart envelope and the other fields around a file at the limit. */
const ENVELOPE_BYTES = 1024 * 1024;
const FIELDS = new Set(['file', 'codebook', 'name', 'keepPersonal']);

/**
 * POST /api/datasets, multipart/form-data: file (CSV, required), codebook (JSON file, optional),
 * name (optional), keepPersonal (optional, comma-separated column names). Needs the analyst or admin role.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const type = request.headers.get('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) throw new ApiError(415, 'UnsupportedMediaType', 'send the upload as multipart/form-data with a "file" field (curl -F file=@data.csv)');
    const length = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) throw tooLarge(length);

    const result = await uploadDataset(getDatasetRegistry().store, await readUploadForm(request));
    const { id, name, respondents } = result.dataset;
    await audit(user, { action: 'dataset.upload', target: id, detail: { name, respondents, droppedColumns: result.droppedColumns } });
    return Response.json(result, { status: 201, headers: { location: `/api/datasets/${result.dataset.id}`, 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * The form's fields, checked. A function of its own so that the parsed form and its file (each a
 * full copy of a file of up to 200 MB) can be collected once their bytes are taken, before the
 * upload is validated and stored.
 */
async function readUploadForm(request: Request): Promise<UploadInput> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(400, 'BadForm', 'the request body is not valid multipart/form-data');
  }
  for (const key of new Set(form.keys())) if (!FIELDS.has(key)) throw new ApiError(400, 'BadParameter', `unknown field "${key.slice(0, 80)}"; use file, codebook, name, keepPersonal`);
  for (const key of FIELDS) if (form.getAll(key).length > 1) throw new ApiError(400, 'BadParameter', `the field "${key}" may be given once`);

  const file = form.get('file');
  if (!(file instanceof Blob)) throw new ApiError(400, 'MissingFile', 'the "file" field with the CSV file is required');
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge(file.size);

  const codebook = form.get('codebook');
  if (codebook !== null && !(codebook instanceof Blob)) throw new ApiError(400, 'BadParameter', 'the "codebook" field must be a JSON file (curl -F codebook=@codebook.json)');
  if (codebook && codebook.size > MAX_CODEBOOK_BYTES) throw codebookTooLarge(codebook.size);

  const name = form.get('name');
  if (name !== null && typeof name !== 'string') throw new ApiError(400, 'BadParameter', 'the "name" field must be text');
  const keepRaw = form.get('keepPersonal');
  if (keepRaw !== null && typeof keepRaw !== 'string') throw new ApiError(400, 'BadParameter', 'the "keepPersonal" field must be text: comma-separated column names');
  const keepPersonal = keepRaw === null ? [] : parseField(keepPersonalSchema, keepRaw);
  if (name !== null) parseField(uploadNameSchema, name, 'BadName');

  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    codebookText: codebook ? await codebook.text() : undefined,
    name: name ?? undefined,
    fileName: file instanceof File ? file.name : undefined,
    keepPersonal,
  };
}
