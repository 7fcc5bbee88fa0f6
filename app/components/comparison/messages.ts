import { translator } from '@/lib/i18n/messages';
import type { Label } from '@/lib/survey/codebook';

/** Texts of the comparison table and dot plot shared by /benchmark and /compare, in English and Dutch. */
export const comparisonMessages = {
  colItem: { en: 'Item', nl: 'Item' },
  colDiff: { en: 'Difference', nl: 'Verschil' },
  colDiffCi: { en: '95% interval of the difference', nl: '95%-interval van het verschil' },
  colP: { en: 'p', nl: 'p' },
  colPAdj: { en: 'p (BH)', nl: 'p (BH)' },
  colSig: { en: 'Significant', nl: 'Significant' },
  interval: { en: '{lower} to {upper}', nl: '{lower} tot {upper}' },
  shareInterval: { en: '95% interval {lower}–{upper}', nl: '95%-interval {lower}–{upper}' },
  tooltipBase: { en: '{n} respondents (effective base {neff})', nl: '{n} respondenten (effectieve basis {neff})' },
  higher: { en: 'higher', nl: 'hoger' },
  lower: { en: 'lower', nl: 'lager' },
  notSignificant: { en: 'no', nl: 'nee' },
  smallBase: { en: 'base too small', nl: 'basis te klein' },
  smallBaseShort: { en: 'base too small: no interval', nl: 'basis te klein: geen interval' },
  noTest: { en: 'not tested', nl: 'niet getoetst' },
  noData: { en: 'no ratings', nl: 'geen beoordelingen' },
  counts: { en: 'Counted as positive: {a} ({nameA}); {b} ({nameB})', nl: 'Als positief geteld: {a} ({nameA}); {b} ({nameB})' },
  against: { en: 'against “{label}”', nl: 'tegenover “{label}”' },
  plotLegendLead: {
    en: 'Filled dot: {a}; open dot: {b}. Marked rows differ significantly (Benjamini-Hochberg, 5%); greyed rows have a base under the minimum and no test.',
    nl: 'Gevulde stip: {a}; open stip: {b}. Gemarkeerde rijen verschillen significant (Benjamini-Hochberg, 5%); grijze rijen hebben een basis onder het minimum en geen toets.',
  },
} satisfies Record<string, Label>;

export const comparisonText = translator(comparisonMessages);

