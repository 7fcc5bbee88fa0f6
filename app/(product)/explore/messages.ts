import type { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/survey/codebook';
import { formatPercent } from '@/lib/i18n/numbers';

/**
 * The explorer's interface texts are the `explore` namespace of messages/*.json: components read
 * them with `useTranslations('explore')` and hand the translator to the helpers that build tables
 * and footnotes. Labels of attributes, levels and items come from the codebook.
 */
export type ExploreText = ReturnType<typeof useTranslations<'explore'>>;

export function formatInterval(lower: number | null, upper: number | null, locale: Locale): string {
  return lower === null || upper === null ? '–' : `${formatPercent(lower, locale)} – ${formatPercent(upper, locale)}`;
}

export const MARK_SYMBOL = { up: '▲', down: '▼' } as const;
