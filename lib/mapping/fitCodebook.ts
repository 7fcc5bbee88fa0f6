import { codebookForFile } from '../ingest/files';
import type { Codebook } from '../survey/codebook';
import { columnsMap, matchHeaders } from './matchHeaders';

/**
 * A codebook applied to the next file: a stored dataset's codebook (downloaded from /datasets/<id>)
 * read against a file whose headers differ only in style from the dataset's, or that lacks the
 * column a multi-file dataset added to tell its files apart. Its column references are renamed to
 * the file's own headers (matched as several files of one upload are), and the source column is
 * left out when the file does not have it. `renamed` counts the columns matched by another name.
 */
export function fitCodebookToHeader(codebook: Codebook, header: readonly string[]): { codebook: Codebook; renamed: number } {
  const present = new Set(header);
  const hasSource = codebook.sourceColumn !== undefined && present.has(codebook.sourceColumn);
  const base = codebook.sourceColumn !== undefined && !hasSource ? codebookForFile(codebook, {}) : codebook;
  const needed = [base.respondentId, ...(base.weight ? [base.weight] : []), ...base.attributes.map((a) => a.column), ...base.items.map((i) => i.column)];
  if (needed.every((c) => present.has(c))) return { codebook: base, renamed: 0 };
  const map = columnsMap(matchHeaders([...new Set(needed)], header));
  return { codebook: codebookForFile(base, map), renamed: Object.keys(map).length };
}
