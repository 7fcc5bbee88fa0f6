import { describe, expect, it } from 'vitest';
import { isLong, shorten } from './shorten';

describe('shorten', () => {
  it('keeps a short label, and cuts a long one at a word boundary with an ellipsis', () => {
    expect(shorten('Your gender', 20)).toBe('Your gender');
    const header = '[Q5] [acceptability.location] How acceptable or unacceptable is it for companies to use the following information about you - Your current location';
    const short = shorten(header, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('…')).toBe(true);
    expect(header.startsWith(short.slice(0, -1))).toBe(true);
    expect(short).toBe('[Q5] [acceptability.location] How acceptable or…');
    expect(isLong(header, 60)).toBe(true);
    expect(isLong('Your gender', 60)).toBe(false);
  });

  it('cuts a single long word where it must, and folds runs of white space', () => {
    expect(shorten('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(shorten('  two   words  ', 20)).toBe('two words');
  });
});
