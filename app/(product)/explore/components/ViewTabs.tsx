'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { MouseEvent } from 'react';
import { switchView } from '@/lib/explore/state';
import { VIEW_NEEDS } from '@/lib/explore/catalog';
import { useExplore } from './ExploreShell';

/** The views of the dataset as links (each view has its own URL), switched in place. */
export function ViewTabs() {
  const t = useTranslations('explore');
  const { catalog, state, go, hrefOf } = useExplore();
  const locale = state.lang;
  return (
    <>
      <nav className="view-tabs" aria-label={t('view')}>
        <ul>
          {catalog.views.map((view) => {
            const next = switchView(state, catalog, view);
            const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
              event.preventDefault();
              go(next);
            };
            return (
              <li key={view}>
                <Link href={hrefOf(next)} prefetch={false} scroll={false} aria-current={state.view === view ? 'page' : undefined} onClick={onClick} data-view={view}>
                  {t(`view_${view}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {catalog.unavailable.length > 0 && !catalog.partial && (
        <p className="view-unavailable" data-testid="views-unavailable">
          <span className="view-unavailable-title">{t('unavailableTitle')}:</span>{' '}
          {catalog.unavailable.map((view, i) => (
            <span key={view} data-unavailable={view}>
              {i > 0 && '; '}
              <strong>{t(`view_${view}`)}</strong> ({VIEW_NEEDS[view][locale]})
            </span>
          ))}
          .
        </p>
      )}
    </>
  );
}
