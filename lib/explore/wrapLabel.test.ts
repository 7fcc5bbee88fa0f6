import { describe, expect, it } from 'vitest';
import { wrapLabel } from './wrapLabel';

describe('wrapLabel', () => {
  it('wraps labels at word boundaries and ends an overflow in an ellipsis', () => {
    expect(wrapLabel('Women · 18-34 · with young children', 30, 3)).toEqual(['Women · 18-34 · with young', 'children']);
    expect(wrapLabel('short', 30, 3)).toEqual(['short']);
    expect(wrapLabel('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapLabel('abcdefghijkl', 5, 2)).toEqual(['abcd-', 'efgh…']);
  });

  it('carries a word longer than a line over to the next with a hyphen, every letter kept', () => {
    expect(wrapLabel('Verzekeringsgegevens', 13, 3)).toEqual(['Verzekerings-', 'gegevens']);
    expect(wrapLabel('Gebruik van verzekeringsgegevens', 14, 3)).toEqual(['Gebruik van', 'verzekerings-', 'gegevens']);
  });

  it('cuts a word longer than a line, and an overflowing last line, to the line length with the ellipsis', () => {
    expect(wrapLabel('abcdefghijkl mnop', 5, 1)).toEqual(['abcd…']);
    expect(wrapLabel('   ', 10, 2)).toEqual([]);
    expect(wrapLabel('a b c d', 3, 2)).toEqual(['a b', 'c d']);
  });
});
