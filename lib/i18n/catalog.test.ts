import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import nl from '../../messages/nl.json';
import { labelOf, labelsOf, messageTranslator } from './catalog';

type Messages = Record<string, Record<string, string>>;

/** The arguments of an ICU message, each with its kind ("plural", "argument", ...), nested ones included. */
function argumentsOf(message: string, locale: string): Map<string, string> {
  const found = new Map<string, string>();
  const kinds = ['literal', 'argument', 'number', 'date', 'time', 'select', 'plural', 'pound', 'tag'];
  const visit = (elements: unknown[]) => {
    for (const element of elements as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      const kind = kinds[element.type];
      if (kind !== 'literal' && kind !== 'pound' && typeof element.value === 'string') found.set(element.value, kind);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
      if (element.children) visit(element.children);
    }
  };
  visit(new IntlMessageFormat(message, locale).getAst());
  return found;
}

/**
 * The Dutch wording may quote a value's Dutch form where the English quotes its English one: an
 * argument `attributeNl` stands for `attribute` (the problem carries both).
 */
const asEnglish = (name: string) => name.replace(/Nl$/, '');

describe('the message catalogs (messages/en.json, messages/nl.json)', () => {
  const namespaces = [...new Set([...Object.keys(en), ...Object.keys(nl)])];

  it('have the same namespaces and the same keys in both languages', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const ns of namespaces) expect(Object.keys((nl as Messages)[ns]).sort(), ns).toEqual(Object.keys((en as Messages)[ns]).sort());
  });

  it('hold a non-empty text for every key, parseable as an ICU message, with the same arguments of the same kind in both languages', () => {
    const problems: string[] = [];
    for (const ns of namespaces)
      for (const [key, english] of Object.entries((en as Messages)[ns])) {
        const dutch = (nl as Messages)[ns][key];
        if (!english?.trim() || !dutch?.trim()) {
          problems.push(`${ns}.${key}: empty`);
          continue;
        }
        try {
          const a = argumentsOf(english, 'en');
          const b = new Map([...argumentsOf(dutch, 'nl')].map(([name, kind]) => [asEnglish(name), kind]));
          const show = (m: Map<string, string>) => JSON.stringify([...m].sort());
          if (show(a) !== show(b)) problems.push(`${ns}.${key}: en ${show(a)} nl ${show(b)}`);
        } catch (e) {
          problems.push(`${ns}.${key}: ${String(e)}`);
        }
      }
    expect(problems).toEqual([]);
  });

  it('count with plurals: one warning, two warnings, in both languages', () => {
    const upload = messageTranslator('upload');
    expect(upload('en', 'serverWarnings', { n: 1 })).toBe('1 warning from the server’s own check.');
    expect(upload('en', 'serverWarnings', { n: 2 })).toBe('2 warnings from the server’s own check.');
    expect(upload('nl', 'serverWarnings', { n: 1 })).toBe('1 waarschuwing uit de eigen controle van de server.');
    expect(upload('nl', 'stored', { name: 'x', n: 8000 })).toBe('“x” bewaard: 8.000 respondenten.');
    const mapping = messageTranslator('mapping');
    expect([mapping('en', 'familyCount', { n: 1 }), mapping('nl', 'familyCount', { n: 1 }), mapping('nl', 'familyCount', { n: 3 })]).toEqual(['1 question', '1 vraag', '3 vragen']);
  });

  it('count pairs, respondents and minutes with plurals in the tables\' words and the account messages', () => {
    const words = messageTranslator('tableWords');
    expect(words('en', 'correctionNone', { n: 1 })).toBe('No correction for multiple comparisons (1 pair tested in this table).');
    expect(words('nl', 'correctionBh', { n: 1 })).toBe('p-waarden gecorrigeerd met Benjamini-Hochberg over het 1 geteste paar in deze tabel.');
    expect(words('nl', 'correctionBh', { n: 1200 })).toBe('p-waarden gecorrigeerd met Benjamini-Hochberg over de 1.200 geteste paren in deze tabel.');
    expect(words('en', 'smallCell', { min: 30 })).toBe('fewer than 30 respondents: no letters');
    const account = messageTranslator('account');
    expect([account('en', 'errThrottled', { minutes: 1 }), account('nl', 'errThrottled', { minutes: 15 })]).toEqual([
      'Too many failed attempts for this username. Try again in 1 minute.',
      'Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over 15 minuten opnieuw.',
    ]);
  });

  it('leave a number that is not counted as the caller wrote it (a year is not grouped)', () => {
    expect(messageTranslator('compare')('en', 'minBaseOption', { n: 2018 })).toBe('2018 respondents');
  });

  it('give one key per problem code, both languages as labels', () => {
    const kinds = labelsOf('problemKinds');
    expect(kinds.InvalidUtf8).toEqual({ en: en.problemKinds.InvalidUtf8, nl: nl.problemKinds.InvalidUtf8 });
    expect(Object.keys(kinds).every((code) => Object.keys(en.problems).some((key) => key === code || key.startsWith(`${code}_`)))).toBe(true);
  });

  it('give a message in both languages as one label, a label argument in each language, a count with its plural (labelOf)', () => {
    expect(labelOf('summaryHeadlines', 'everyone')).toEqual({ en: en.summaryHeadlines.everyone, nl: nl.summaryHeadlines.everyone });
    expect(labelOf('plannerLacks', 'noValue', { field: { en: 'Country', nl: 'Land' }, value: '"FR"' })).toEqual({ en: 'Country has no value "FR".', nl: 'Land heeft geen waarde "FR".' });
    expect(labelOf('upload', 'serverWarnings', { n: 2 })).toEqual({ en: '2 warnings from the server’s own check.', nl: '2 waarschuwingen uit de eigen controle van de server.' });
    // A number that is not counted stays as the caller wrote it, in both languages.
    expect(labelOf('summaryHeadlines', 'familyAllQuestions', { n: 1200 })).toEqual({ en: 'All 1200 questions together', nl: 'Alle 1200 vragen samen' });
    // An argument is text, not message syntax: braces and apostrophes in a codebook's label stay as they are.
    const odd = { en: "it's {odd} #1", nl: "'t is {raar} #1" };
    expect(labelOf('summaryHeadlines', 'familyChart', { family: odd })).toEqual({ en: "Positive answers on it's {odd} #1", nl: "Positieve antwoorden over 't is {raar} #1" });
  });

  it('address the reader with je, never u or uw (messages/GLOSSARY.nl.md)', () => {
    const formal = Object.entries(nl as Messages).flatMap(([ns, table]) => Object.entries(table).filter(([, text]) => /\b(u|U|uw|Uw)\b/.test(text)).map(([key]) => `${ns}.${key}`));
    expect(formal).toEqual([]);
  });

  it('use one Dutch word per concept (the glossary): doelgroep not publiek, gegevenstype not datatype, komma not comma', () => {
    const text = JSON.stringify(nl);
    expect(text.match(/\b(publiek\w*|datatype\w*|snorhar\w*|comma)\b/gi) ?? []).toEqual([]);
  });
});
