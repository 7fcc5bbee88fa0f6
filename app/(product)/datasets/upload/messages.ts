import { type Catalog, messageTranslator } from '@/lib/i18n/catalog';

export type UploadMessageKey = keyof Catalog['upload'];

/** Texts of the upload panel; their words are in messages/*.json, namespace `upload`. */
export const uploadText = messageTranslator('upload');
