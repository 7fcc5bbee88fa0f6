import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import { SiteHeader } from '@/app/components/SiteHeader';
import { helpText } from '@/app/components/help/messages';
import { glossaryTerms } from '@/lib/help/glossary';
import './help.css';

export const generateMetadata = pageTitle('help');

/**
 * /help: the glossary, every statistical word the pages use in plain words, one anchor per term
 * (/help#interval), from the same source as the "?" buttons beside the terms on the pages.
 */
export default async function HelpPage() {
  const locale = await getLocale();
  const terms = glossaryTerms();
  return (
    <>
      <SiteHeader path="/help" />
      <main id="main" tabIndex={-1} lang={locale} className="page help-page">
        <h1>{helpText(locale, 'title')}</h1>
        <p className="lead">{helpText(locale, 'intro')}</p>
        <nav aria-labelledby="help-contents" className="help-contents">
          <h2 id="help-contents">{helpText(locale, 'contents')}</h2>
          <ul>
            {terms.map((t) => (
              <li key={t.id}>
                <a href={`#${t.id}`}>{t.term[locale]}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="glossary" data-testid="glossary">
          {terms.map((t) => (
            <section key={t.id} id={t.id} className="glossary-entry" data-term={t.id} aria-labelledby={`${t.id}-term`}>
              <h2 id={`${t.id}-term`}>{t.term[locale]}</h2>
              <p>{t.short[locale]}</p>
              <p>{t.long[locale]}</p>
            </section>
          ))}
        </div>
        <p className="footnote">{helpText(locale, 'where')}</p>
      </main>
    </>
  );
}
