import { useTranslations } from 'next-intl';
import Link from 'next/link';


/** The filters leave nobody: say so, and offer the way back. */
export function EmptyState({ clearHref }: { clearHref: string }) {
  const t = useTranslations('explore');
  return (
    <section className="empty-state" data-testid="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyText')}</p>
      <Link className="button" href={clearHref} scroll={false}>
        {t('clearFilters')}
      </Link>
    </section>
  );
}
