import { messageTranslator } from '@/lib/i18n/catalog';

/** The not-found page's texts (app/(product)/not-found.tsx): messages/*.json, namespace `notFound`. */
export const notFoundText = messageTranslator('notFound');
