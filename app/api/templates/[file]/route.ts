import { errorResponse } from '@/lib/api/errors';
import { noParams, parseTemplateFile } from '@/lib/api/schemas';
import { templateCodebookText, templateCsv } from '@/lib/api/templates';

export const runtime = 'nodejs';

/** GET /api/templates/study-g.template.csv | study-p.template.csv | study-g.codebook.json | study-p.codebook.json */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    noParams(request);
    const { study, kind, file } = parseTemplateFile((await params).file);
    const csv = kind === 'csv';
    return new Response(csv ? templateCsv(study) : templateCodebookText(study), {
      headers: {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${file}"`,
        'cache-control': 'public, max-age=3600',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
