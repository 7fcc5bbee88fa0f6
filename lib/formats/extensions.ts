/**
 * The formats an upload takes, by file name: small on purpose, so that the pages' file pickers can
 * import it without the readers (lib/formats/source.ts).
 */
export type FileFormat = 'csv' | 'sav' | 'xlsx';

/** The file pickers' `accept`. */
export const UPLOAD_EXTENSIONS = '.csv,.tsv,.txt,.sav,.zsav,.xlsx';

export function formatFromName(fileName: string | undefined): FileFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'sav' || ext === 'zsav') return 'sav';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return undefined;
}
