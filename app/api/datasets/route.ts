import { ApiError, errorResponse } from '@/lib/api/errors';
import { checkFieldNames, jsonFieldText, readForm, textField } from '@/lib/api/formFields';
import { filePlanSchema, keepPersonalSchema, MAX_UPLOAD_FILES, noParams, parseField, parseJsonField, uploadNameSchema } from '@/lib/api/schemas';
import { codebookTooLarge, MAX_UPLOAD_BYTES, tooLarge, uploadDataset, type UploadInput } from '@/lib/api/upload';
import { uploadFiles, type FilesUploadInput, type UploadFile } from '@/lib/api/uploadFiles';
import { MAX_CODEBOOK_BYTES } from '@/lib/ingest/types';
import { audit, requestDatasets, requirePermission } from '@/app/server/request';
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

/** Room for the multipart envelope and the other fields around files at the limit. */
const ENVELOPE_BYTES = 1024 * 1024;
const FIELDS = ['file', 'files', 'codebook', 'name', 'keepPersonal'] as const;

/**
 * POST /api/datasets, multipart/form-data: file (CSV, required; 1 to 20 of them, 200 MB together),
 * files (the plan, JSON, required with several files: lib/ingest/files.ts), codebook (JSON file,
 * optional for one template-shaped file), name (optional), keepPersonal (optional, comma-separated
 * column names). Needs the analyst or admin role.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const type = request.headers.get('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) throw new ApiError(415, 'UnsupportedMediaType', 'send the upload as multipart/form-data with a "file" field (curl -F file=@data.csv)');
    const length = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) throw tooLarge(length);

    const input = await readUploadForm(request);
    const store = getDatasetRegistry().store;
    const result = input.kind === 'files' ? await uploadFiles(store, input.input) : await uploadDataset(store, input.input);
    const { id, name, respondents } = result.dataset;
    await audit(user, { action: 'dataset.upload', target: id, detail: { name, respondents, droppedColumns: result.droppedColumns, ...(input.kind === 'files' ? { files: result.files } : {}) } });
    return Response.json(result, { status: 201, headers: { location: `/api/datasets/${result.dataset.id}`, 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

type UploadForm = { kind: 'one'; input: UploadInput } | { kind: 'files'; input: FilesUploadInput };

/**
 * The form's fields, checked. A function of its own so that the parsed form and its files (each a
 * full copy of up to 200 MB) can be collected once their bytes are taken, before the upload is
 * validated and stored.
 */
async function readUploadForm(request: Request): Promise<UploadForm> {
  const form = await readForm(request);
  checkFieldNames(form, FIELDS, ['file']);

  const files = form.getAll('file');
  if (files.length === 0) throw new ApiError(400, 'MissingFile', 'the "file" field with the CSV file is required');
  if (files.length > MAX_UPLOAD_FILES) throw new ApiError(400, 'TooManyFiles', `${files.length} files were sent; at most ${MAX_UPLOAD_FILES} make one dataset`);
  const blobs = files.map((file) => {
    if (!(file instanceof Blob)) throw new ApiError(400, 'MissingFile', 'each "file" field must be a CSV file (curl -F file=@data.csv)');
    return file;
  });
  const total = blobs.reduce((n, b) => n + b.size, 0);
  if (total > MAX_UPLOAD_BYTES) throw tooLarge(total);

  const codebook = form.get('codebook');
  if (codebook !== null && !(codebook instanceof Blob)) throw new ApiError(400, 'BadParameter', 'the "codebook" field must be a JSON file (curl -F codebook=@codebook.json)');
  if (codebook && codebook.size > MAX_CODEBOOK_BYTES) throw codebookTooLarge(codebook.size);

  const name = textField(form, 'name', 'the dataset\'s name');
  const keepRaw = textField(form, 'keepPersonal', 'comma-separated column names');
  const keepPersonal = keepRaw === undefined ? [] : parseField(keepPersonalSchema, keepRaw);
  if (name !== undefined) parseField(uploadNameSchema, name, 'BadName');

  const planText = await jsonFieldText(form, 'files', MAX_CODEBOOK_BYTES, (bytes) => new ApiError(413, 'PlanTooLarge', `the "files" plan is ${Math.round(bytes / 1024)} KB; the limit is ${MAX_CODEBOOK_BYTES / 1024 / 1024} MB`));
  if (planText === undefined && blobs.length > 1)
    throw new ApiError(400, 'PlanRequired', 'several files need a plan, the "files" field: {"sourceColumn": "source", "prefixIds": false, "files": [{"source": "...", "columns": {...}}, ...]}, one entry per file in order');
  const plan = planText === undefined ? undefined : parseJsonField(filePlanSchema, planText, 'files', 'BadPlan');
  const codebookText = codebook ? await codebook.text() : undefined;

  if (plan === undefined) {
    const file = blobs[0];
    return {
      kind: 'one',
      input: { bytes: new Uint8Array(await file.arrayBuffer()), codebookText, name, fileName: file instanceof File ? file.name : undefined, keepPersonal },
    };
  }
  const read: UploadFile[] = [];
  for (const file of blobs) read.push({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file instanceof File ? file.name : undefined });
  return { kind: 'files', input: { files: read, plan, codebookText, name, keepPersonal } };
}
