import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Codebook } from '../survey/codebook';
import { dataFile, readCodebookFile } from '../storage/referenceDatasets';

/**
 * The two study styles' templates: the codebook shipped in data/ and a CSV made of the reference
 * study's header and its first three rows. An upload whose header equals a template's exactly is
 * read with that template's codebook, so an analyst with a template-shaped export needs nothing else.
 */
export const TEMPLATE_STUDIES = ['study-g', 'study-p'] as const;
export type TemplateStudy = (typeof TEMPLATE_STUDIES)[number];

const EXAMPLE_ROWS = 3;
const heads = new Map<TemplateStudy, string[][]>();

/** The header and the first rows of a reference CSV, read once. */
function head(study: TemplateStudy): string[][] {
  let cached = heads.get(study);
  if (!cached) {
    const text = readFileSync(dataFile(`${study}.csv`), 'utf8');
    cached = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: EXAMPLE_ROWS + 1, skipEmptyLines: 'greedy' }).data;
    heads.set(study, cached);
  }
  return cached;
}

export function templateHeader(study: TemplateStudy): string[] {
  return head(study)[0].map((h) => h.trim());
}

/** The template CSV: header plus three example rows (synthetic respondents). */
export function templateCsv(study: TemplateStudy): string {
  return `${Papa.unparse(head(study), { newline: '\r\n' })}\r\n`;
}

export function templateCodebookText(study: TemplateStudy): string {
  return readFileSync(dataFile(`${study}.codebook.json`), 'utf8');
}

export function templateCodebook(study: TemplateStudy): Codebook {
  return readCodebookFile(dataFile(`${study}.codebook.json`));
}

/** The study whose template header equals this header exactly (same names, same order), if any. */
export function matchTemplate(header: string[]): TemplateStudy | undefined {
  return TEMPLATE_STUDIES.find((study) => {
    const template = templateHeader(study);
    return template.length === header.length && template.every((h, i) => h === header[i]);
  });
}
