import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Catalog } from '@/lib/i18n/catalog';

/**
 * A page's browser-tab title in the reader's language (messages: `titles`), for
 * `export const generateMetadata = pageTitle('findings')`; the layout adds the product's name.
 */
export function pageTitle(key: Exclude<keyof Catalog['titles'], 'template' | 'description'>): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations('titles'))(key) });
}
