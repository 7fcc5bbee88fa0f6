/**
 * Upload validation: bytes in, a report out (errors as data), plus the personal-data guard's
 * column dropping. Free of React and of Node-only modules, so it runs in a browser web worker
 * and on the server alike.
 */
export { validateUpload, ingestUpload, scanUpload, recordsOf, type UploadScan } from './validator';
export { dropPersonalColumns, personalColumnPlan, classifyColumn, kindFromHeader } from './personal';
export { reportToCsv } from './reportCsv';
export { decodeUpload, scanUtf8 } from './encoding';
export { detectDelimiter, delimiterName } from './delimiter';
export { HUGE_WEIGHT } from './codebookChecks';
export * from './types';
