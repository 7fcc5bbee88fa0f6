import { ApiError, errorResponse } from '@/lib/api/errors';
import { templateCodebookText, templateCsv, TEMPLATE_STUDIES, type TemplateStudy } from '@/lib/api/templates';

export const runtime = 'nodejs';

/** GET /api/templates/study-g.template.csv | study-p.template.csv | study-g.codebook.json | study-p.codebook.json */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    const { file } = await params;
    const match = /^(study-[gp])\.(template\.csv|codebook\.json)$/.exec(file);
    if (!match || !(TEMPLATE_STUDIES as readonly string[]).includes(match[1]))
      throw new ApiError(404, 'NotFound', `no template "${file.slice(0, 80)}"; choose from ${TEMPLATE_STUDIES.flatMap((s) => [`${s}.template.csv`, `${s}.codebook.json`]).join(', ')}`);
    const study = match[1] as TemplateStudy;
    const csv = match[2] === 'template.csv';
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
