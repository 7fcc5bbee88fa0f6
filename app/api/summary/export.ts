import { ApiError, errorResponse } from '@/lib/api/errors';
import { parseSummaryExportParams } from '@/lib/api/schemas';
import { requestDatasets } from '@/app/server/request';
import { downloadName, loadSummary } from '@/lib/summary/load';
import type { ExecutiveSummary } from '@/lib/summary/model';
import type { Locale } from '@/lib/survey/codebook';

/**
 * The shared body of GET /api/summary/pdf and /api/summary/pptx: ?dataset= (default study-g) and
 * ?lang=nl; the file comes back as an attachment named after the dataset and language, errors as
 * the API's JSON errors (400 malformed id, 404 unknown dataset).
 */
export async function exportSummary(request: Request, kind: { extension: string; contentType: string; render: (summary: ExecutiveSummary, locale: Locale) => Promise<Buffer> }): Promise<Response> {
  try {
    const { dataset, locale } = parseSummaryExportParams(new URL(request.url).searchParams);
    const loaded = await loadSummary(await requestDatasets(), dataset);
    if (!loaded.ok) throw new ApiError(loaded.status, loaded.code, loaded.message);
    const bytes = await kind.render(loaded.summary, locale);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': kind.contentType,
        'content-disposition': `attachment; filename="${downloadName(loaded.summary, locale, kind.extension)}"`,
        'content-length': String(bytes.length),
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
