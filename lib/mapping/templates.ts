/** A template's header, as the page hands it to the browser (lib/api/templates.ts reads it from disk). */
export interface TemplateHeader {
  study: string;
  header: string[];
}

/** The template whose header equals this header exactly (names and order), as `matchTemplate` on the server decides. */
export function matchTemplateHeader(header: string[], templates: readonly TemplateHeader[]): TemplateHeader | undefined {
  return templates.find((t) => t.header.length === header.length && t.header.every((h, i) => h === header[i]));
}
