import { Fragment } from 'react';
import { type GlossaryTermId, termSegments } from '@/lib/help/glossary';
import type { Locale } from '@/lib/survey/codebook';
import { HelpTerm } from './HelpTerm';

/**
 * Running text with a "?" after each glossary term it names (its first mention), from the one
 * glossary (lib/help/glossary.ts). `terms` limits which terms get one, where a text names a common
 * word ("base", "weighted") that needs no explanation there.
 */
export function TermText({ text, locale, terms }: { text: string; locale: Locale; terms?: readonly GlossaryTermId[] }) {
  return (
    <>
      {termSegments(text, locale, terms).map((segment, i) =>
        segment.term ? (
          <Fragment key={i}>
            {segment.text}
            <HelpTerm term={segment.term} locale={locale} />
          </Fragment>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
