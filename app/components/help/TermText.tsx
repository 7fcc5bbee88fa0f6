import { Fragment } from 'react';
import { type GlossaryTermId, termSegments } from '@/lib/help/glossary';
import { useLocale } from 'next-intl';
import { HelpTerm } from './HelpTerm';

/**
 * Running text with a "?" after each glossary term it names (its first mention), from the one
 * glossary (lib/help/glossary.ts). `terms` limits which terms get one, where a text names a common
 * word ("base", "weighted") that needs no explanation there.
 */
export function TermText({ text, terms }: { text: string; terms?: readonly GlossaryTermId[] }) {
  const locale = useLocale();
  return (
    <>
      {termSegments(text, locale, terms).map((segment, i) =>
        segment.term ? (
          <Fragment key={i}>
            {segment.text}
            <HelpTerm term={segment.term} />
          </Fragment>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
