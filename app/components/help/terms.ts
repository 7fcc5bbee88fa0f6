import type { GlossaryTermId } from '@/lib/help/glossary';

/** The terms the methods of /compare and /benchmark explain with a "?": one list, the pages state the same statistics. */
export const COMPARISON_TERMS: GlossaryTermId[] = ['interval', 'effective-base', 't-test', 'p-value', 'benjamini-hochberg', 'minimum-base', 'weight'];
