import Link from 'next/link';
import type { Locale } from '@/lib/survey/codebook';
import { exploreText } from '../messages';

/** The filters leave nobody: say so, and offer the way back. */
export function EmptyState({ locale, clearHref }: { locale: Locale; clearHref: string }) {
  return (
    <section className="empty-state" data-testid="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{exploreText(locale, 'emptyTitle')}</h2>
      <p>{exploreText(locale, 'emptyText')}</p>
      <Link className="button" href={clearHref} scroll={false}>
        {exploreText(locale, 'clearFilters')}
      </Link>
    </section>
  );
}
