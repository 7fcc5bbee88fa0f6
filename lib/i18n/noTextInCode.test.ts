import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The summary's headlines and the planner's refusals and lacks are study-specific text: their words
 * live in messages/*.json (namespaces summaryHeadlines and plannerLacks, read with labelOf), where
 * both languages are kept complete and checked against the glossary (catalog.test.ts). This keeps a
 * new text from being written in the code again: no `bilingual(...)` helper, and no `en:` or `nl:`
 * whose value is a literal with words in it. A literal that only joins values (`${a}: ${b}`) is
 * layout, not text, and stays allowed.
 */
const ROOT = path.resolve(__dirname, '..', '..');

const guarded = (): string[] => [
  'lib/summary/headlines.ts',
  ...readdirSync(path.join(ROOT, 'lib/analysis'))
    .filter((name) => /^planner.*\.ts$/.test(name) && !name.endsWith('.test.ts'))
    .map((name) => `lib/analysis/${name}`),
];

/** The end of the string or template literal that starts at `start` (its quote), nested `${...}` included. */
function literalEnd(source: string, start: number): number {
  const quote = source[start];
  let depth = 0;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (quote === '`' && depth === 0 && c === '$' && source[i + 1] === '{') {
      depth = 1;
      i++;
    } else if (depth > 0 && c === '{') depth++;
    else if (depth > 0 && c === '}') depth--;
    else if (depth === 0 && c === quote) return i;
  }
  return source.length;
}

/** Every `en:` / `nl:` literal with a letter outside its `${...}` parts, and every `bilingual(` call, as "line: text". */
function textInCode(source: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  for (const match of source.matchAll(/\bbilingual\s*\(/g)) found.push(`${lineOf(match.index)}: ${match[0]}`);
  for (const match of source.matchAll(/\b(en|nl)\s*:\s*(['"`])/g)) {
    const start = match.index + match[0].length - 1;
    const literal = source.slice(start + 1, literalEnd(source, start));
    const words = literal.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '');
    if (/\p{L}/u.test(words)) found.push(`${lineOf(match.index)}: ${match[1]}: ${literal.slice(0, 60)}`);
  }
  return found;
}

describe('text of the summary headlines and the planner stays in messages/*.json', () => {
  it('finds a literal text, and lets a literal that only joins values pass (the check itself)', () => {
    expect(textInCode(`const A: Label = { en: 'Everyone', nl: 'Iedereen' };`)).toHaveLength(2);
    expect(textInCode('const t = { en: `All ${n} questions`, nl: `Alle ${n} vragen` };')).toHaveLength(2);
    expect(textInCode(`const t = bilingual(a, b);`)).toHaveLength(1);
    expect(textInCode('const l = { en: `${d.en}: ${f.label.en}`, nl: `${d.nl}: ${f(x, { y: 1 }).nl}` }; const e = { en: \'\', nl: "" };')).toEqual([]);
  });

  it.each(guarded())('%s has no English or Dutch text of its own', (file) => {
    expect(textInCode(readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('guards the planner modules that exist', () => {
    expect(guarded()).toEqual(expect.arrayContaining(['lib/summary/headlines.ts', 'lib/analysis/planner.ts', 'lib/analysis/plannerSupport.ts']));
  });
});
