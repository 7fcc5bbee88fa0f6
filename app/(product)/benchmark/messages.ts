import { type Catalog, messageTranslator } from '@/lib/i18n/catalog';

export type BenchmarkMessageKey = keyof Catalog['benchmark'];

/** Texts of the benchmark page. Item, group and family labels come from the codebooks; their words are in messages/*.json, namespace `benchmark`. */
export const benchmarkText = messageTranslator('benchmark');
