import { useLocale } from 'next-intl';
import type { Locale } from '@/lib/survey/codebook';

/**
 * English / Nederlands, each keeping the page's own state (`query`, without lang); both say their
 * language, so the choice is remembered (proxy.ts). No client code of its own (a server component
 * on most pages; LiveLanguageLinks renders it in the browser where the URL changes there), so
 * `label`, the navigation's name, comes translated. `locale` only where the page's language is
 * not the request's (the 404 page, SiteHeader).
 */
export function LanguageLinks({ path, query, label, locale: shown }: { path: string; query: string; label: string; locale?: Locale }) {
  const current = useLocale();
  const locale = shown ?? current;
  // Plain links, a whole-page load: every label changes anyway, and the browser reliably stores the
  // remembered language from a page response (it did not from Next.js's client-side fetch).
  return (
    <nav aria-label={label} className="lang-switch">
      <a href={`${path}?${query ? `${query}&` : ''}lang=en`} hrefLang="en" lang="en" aria-current={locale === 'en' ? 'true' : undefined}>
        English
      </a>
      <a href={`${path}?${query ? `${query}&` : ''}lang=nl`} hrefLang="nl" lang="nl" aria-current={locale === 'nl' ? 'true' : undefined}>
        Nederlands
      </a>
    </nav>
  );
}
