import { describe, expect, it } from 'vitest';
import { firstParam, nonEmptyParam } from './searchParams';

describe('search parameters of a page', () => {
  it('takes the first value of a repeated parameter', () => {
    expect(firstParam(['NL', 'DE'])).toBe('NL');
    expect(nonEmptyParam(['NL', 'DE'])).toBe('NL');
  });
  it('passes a single value and an absent one through', () => {
    expect(firstParam('NL')).toBe('NL');
    expect(firstParam(undefined)).toBeUndefined();
    expect(firstParam([])).toBeUndefined();
  });
  it('keeps an empty value, or treats it as absent', () => {
    expect(firstParam('')).toBe('');
    expect(nonEmptyParam('')).toBeUndefined();
    expect(nonEmptyParam([''])).toBeUndefined();
  });
});
