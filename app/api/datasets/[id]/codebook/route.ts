import { editCodebook } from '@/lib/api/codebookEdit';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { readBodyText } from '@/lib/api/formFields';
import { noParams, parseDatasetId } from '@/lib/api/schemas';
import { codebookTooLarge } from '@/lib/api/upload';
import { audit, requestDatasets, requirePermission } from '@/app/server/request';
import { MAX_CODEBOOK_BYTES } from '@/lib/ingest/types';
import { getDatasetRegistry, isReferenceId, uploadListing } from '@/lib/storage/datasetRegistry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** A download's file name from the dataset's name: letters, digits, '.', '-', '_' and spaces; the full name in filename*. */
function contentDisposition(name: string): string {
  const base = name.normalize('NFKD').replace(/[^\w.\- ]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 100) || 'dataset';
  return `attachment; filename="${base}.codebook.json"; filename*=UTF-8''${encodeURIComponent(`${name.slice(0, 100)}.codebook.json`)}`;
}

/** The revision a codebook belongs to, as an entity tag. */
const etag = (revision: number) => `"${revision}"`;

/**
 * GET /api/datasets/[id]/codebook: the dataset's codebook JSON as stored, as a download named after
 * the dataset, with its revision as the ETag; for anyone who may read the dataset.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const id = parseDatasetId((await params).id);
    const datasets = await requestDatasets();
    const { codebook, revision } = await datasets.codebook(id);
    const name = isReferenceId(id) ? id : (await datasets.summary(id)).name;
    return new Response(JSON.stringify(codebook, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': contentDisposition(name),
        etag: etag(revision),
        // Reference data change only with a new build; an upload may change at any time.
        'cache-control': isReferenceId(id) ? 'public, max-age=3600' : 'private, no-store',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}

/** If-Match: the revision the editor read ("3", W/"3" or 3); undefined when absent or "*". */
function ifMatchRevision(request: Request): number | undefined {
  const raw = request.headers.get('if-match');
  if (raw === null || raw.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match) throw new ApiError(400, 'BadParameter', 'If-Match must be the ETag of the codebook you read, such as "3"');
  return Number(match[1]);
}

/**
 * PUT /api/datasets/[id]/codebook: body = the whole codebook JSON (up to 5 MB). 200 with the new
 * summary; 400 BadCodebook when it is not a valid codebook; 422 CodebookDoesNotFit with a report
 * when the stored rows do not fit it; 403 for a reference dataset; 412 when If-Match names an
 * older revision. Needs the analyst or admin role; audited as dataset.codebook.
 */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  try {
    noParams(request);
    const user = await requirePermission('datasets.write');
    const id = parseDatasetId((await params).id);
    if (isReferenceId(id))
      throw new ApiError(403, 'Reference', `"${id}" is a reference dataset: its codebook cannot be changed (download it, and upload your own data with an edited copy)`);
    const ifRevision = ifMatchRevision(request);
    const text = await readBodyText(request, MAX_CODEBOOK_BYTES, codebookTooLarge);
    const registry = getDatasetRegistry();
    const { dataset, warnings } = await editCodebook(registry.store, id, { text, ifRevision });
    registry.forget(id);
    await audit(user, { action: 'dataset.codebook', target: id, detail: { name: dataset.name, revision: dataset.revision } });
    return Response.json({ dataset: uploadListing(dataset), warnings }, { headers: { etag: etag(dataset.revision), 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
