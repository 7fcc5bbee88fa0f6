import { appendFile } from '@/lib/api/appendFile';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { checkFieldNames, jsonFieldText, readForm, textField } from '@/lib/api/formFields';
import { columnsMapSchema, formFlagSchema, keepPersonalSchema, noParams, parseDatasetId, parseField, parseJsonField, sourceValueSchema } from '@/lib/api/schemas';
import { MAX_UPLOAD_BYTES, tooLarge } from '@/lib/api/upload';
import { audit, requirePermission } from '@/app/server/request';
import { MAX_CODEBOOK_BYTES } from '@/lib/ingest/types';
import { getDatasetRegistry, isReferenceId, uploadListing } from '@/lib/storage/datasetRegistry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Room for the multipart envelope and the other fields around a file at the limit. */
const ENVELOPE_BYTES = 1024 * 1024;
const FIELDS = ['file', 'source', 'columns', 'prefixIds', 'existingSource', 'keepPersonal'] as const;

/**
 * POST /api/datasets/[id]/files, multipart/form-data: appends a file to a stored dataset. Fields:
 * file (CSV, required), source (its value in the source column, required), columns (JSON: the
 * file's header names -> the codebook's column names, optional), prefixIds (true/false, optional),
 * existingSource (required when the dataset has no source column yet: the value its stored rows
 * get), keepPersonal (optional). 201 with the new summary. Needs the analyst or admin role;
 * audited as dataset.append.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const id = parseDatasetId((await params).id);
    if (isReferenceId(id)) throw new ApiError(403, 'Reference', `"${id}" is a reference dataset: no file can be appended to it`);
    const type = request.headers.get('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) throw new ApiError(415, 'UnsupportedMediaType', 'send the file as multipart/form-data with "file" and "source" fields (curl -F file=@wave2.csv -F source="wave 2")');
    const length = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) throw tooLarge(length);

    const form = await readForm(request);
    checkFieldNames(form, FIELDS);
    const file = form.get('file');
    if (!(file instanceof Blob)) throw new ApiError(400, 'MissingFile', 'the "file" field with the CSV file is required');
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge(file.size);
    const sourceRaw = textField(form, 'source', 'the file\'s value in the source column');
    if (sourceRaw === undefined) throw new ApiError(400, 'MissingSource', 'the "source" field is required: the new file\'s value in the source column (its name, "wave 2", a country)');
    const source = parseField(sourceValueSchema, sourceRaw, 'BadSource');
    const existingRaw = textField(form, 'existingSource', 'the value the stored rows get in the new source column');
    const existingSource = existingRaw === undefined ? undefined : parseField(sourceValueSchema, existingRaw, 'BadSource');
    const columnsText = await jsonFieldText(form, 'columns', MAX_CODEBOOK_BYTES, (bytes) => new ApiError(413, 'PlanTooLarge', `"columns" is ${Math.round(bytes / 1024)} KB; the limit is ${MAX_CODEBOOK_BYTES / 1024 / 1024} MB`));
    const columns = columnsText === undefined ? {} : parseJsonField(columnsMapSchema, columnsText, 'columns', 'BadPlan');
    const prefixRaw = textField(form, 'prefixIds', 'true or false');
    const prefixIds = prefixRaw === undefined ? false : parseField(formFlagSchema, prefixRaw.trim().toLowerCase());
    const keepRaw = textField(form, 'keepPersonal', 'comma-separated column names');
    const keepPersonal = keepRaw === undefined ? [] : parseField(keepPersonalSchema, keepRaw);

    const registry = getDatasetRegistry();
    const result = await appendFile(registry.store, id, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file instanceof File ? file.name : undefined,
      source,
      columns,
      prefixIds,
      existingSource,
      keepPersonal,
    });
    registry.forget(id);
    const { name, respondents, revision } = result.dataset;
    await audit(user, { action: 'dataset.append', target: id, detail: { name, respondents, revision, file: result.file, droppedColumns: result.droppedColumns } });
    return Response.json({ ...result, dataset: uploadListing(result.dataset) }, { status: 201, headers: { location: `/api/datasets/${id}`, 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
