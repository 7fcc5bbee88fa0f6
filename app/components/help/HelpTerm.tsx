import { GLOSSARY, type GlossaryTermId, helpHref } from '@/lib/help/glossary';
import { useLocale } from 'next-intl';
import { HelpTermButton } from './HelpTermButton';
import { helpText } from './messages';

/**
 * A "?" beside a statistical term that opens its plain-words explanation in place (HelpTermButton).
 * Not a client component itself: rendered on the server it looks its words up there, and only the
 * button and its text reach the browser; inside a client component (the explorer's charts) it runs
 * there as before.
 */
export function HelpTerm({ term }: { term: GlossaryTermId }) {
  const locale = useLocale();
  const entry = GLOSSARY[term];
  return (
    <HelpTermButton
      term={term}
      label={helpText(locale, 'whatIs', { term: entry.term[locale] })}
      name={entry.term[locale]}
      short={entry.short[locale]}
      moreHref={helpHref(term, locale)}
      moreText={helpText(locale, 'more')}
    />
  );
}
