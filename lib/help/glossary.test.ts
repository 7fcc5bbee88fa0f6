import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_TERM_IDS, glossaryTerms, helpHref, termSegments } from './glossary';

describe('the glossary', () => {
  it('explains every term in both languages, with phrases the pages use', () => {
    for (const term of glossaryTerms()) {
      for (const locale of ['en', 'nl'] as const) {
        expect(term.term[locale].length, `${term.id} ${locale}`).toBeGreaterThan(2);
        expect(term.short[locale].length, `${term.id} ${locale}`).toBeGreaterThan(40);
        expect(term.long[locale].length, `${term.id} ${locale}`).toBeGreaterThan(20);
        expect(term.phrases[locale].length, `${term.id} ${locale}`).toBeGreaterThan(0);
      }
      // Different texts per language: a Dutch entry is not the English one copied.
      expect(term.short.nl).not.toBe(term.short.en);
    }
    expect(Object.keys(GLOSSARY).sort()).toEqual([...GLOSSARY_TERM_IDS].sort());
  });

  it('writes Dutch in the je-form', () => {
    for (const term of glossaryTerms()) {
      const dutch = `${term.term.nl} ${term.short.nl} ${term.long.nl}`;
      expect(dutch, term.id).not.toMatch(/\b(u|uw|Uw)\b/);
    }
  });

  it('gives each term an anchor on the help page in the reader’s language', () => {
    expect(helpHref('interval', 'en')).toBe('/help#interval');
    expect(helpHref('benjamini-hochberg', 'nl')).toBe('/help?lang=nl#benjamini-hochberg');
  });
});

describe('termSegments', () => {
  const marked = (text: string, locale: 'en' | 'nl' = 'en', ...args: Parameters<typeof termSegments> extends [string, string, ...infer R] ? R : never) =>
    termSegments(text, locale, ...args)
      .filter((s) => s.term)
      .map((s) => `${s.term}:${s.text}`);

  it('keeps the text whole', () => {
    const text = 'Intervals are 95% Wilson intervals on the Kish effective base. Differences use a design-based t test; Benjamini-Hochberg corrects them.';
    expect(
      termSegments(text, 'en')
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('finds the longer phrase where two start at the same place, and each term once', () => {
    expect(marked('On the Kish effective base. A design-based t test, another t test, then Benjamini-Hochberg.')).toEqual([
      'effective-base:Kish effective base',
      't-test:design-based t test',
      'benjamini-hochberg:Benjamini-Hochberg',
    ]);
  });

  it('matches whole words only, case-insensitively', () => {
    // "database" holds "base", "intervals" is not "interval" on its own.
    expect(marked('The database is fine; intervals too.')).toEqual([]);
    expect(marked('Base: 400 respondents')).toEqual(['base:Base']);
  });

  it('marks a shorter term outside the longer phrase that contains it', () => {
    expect(marked('Effective base 300; base 400.')).toEqual(['effective-base:Effective base', 'base:base']);
  });

  it('reads Dutch phrases in Dutch text', () => {
    expect(marked('Verschillen gebruiken een designgebaseerde t-toets; de effectieve basis van Kish.', 'nl')).toEqual([
      't-test:designgebaseerde t-toets',
      'effective-base:effectieve basis van Kish',
    ]);
  });

  it('keeps a Dutch compound whole: the "?" after “Benjamini-Hochberg-correctie”, not inside it', () => {
    expect(marked('met Benjamini-Hochberg-correctie over de cellen', 'nl')).toEqual(['benjamini-hochberg:Benjamini-Hochberg-correctie']);
  });

  it('limits the search to the terms asked for, and skips those already explained', () => {
    const text = 'Base 400, 95% interval 40%-50%, p-value 0.01';
    expect(marked(text, 'en', ['interval', 'p-value'])).toEqual(['interval:95% interval', 'p-value:p-value']);
    expect(marked(text, 'en', undefined, new Set(['base', 'interval'] as const))).toEqual(['p-value:p-value']);
  });
});
