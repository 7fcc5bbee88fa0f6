import { describe, expect, it } from 'vitest';
import { decideLanguage, preferredLocale } from './languagePreference';

describe('remembered language', () => {
  it('a lang parameter wins and is remembered when it differs from the cookie', () => {
    expect(decideLanguage('?view=bond&lang=nl', undefined)).toEqual({ action: 'remember', locale: 'nl' });
    expect(decideLanguage('?lang=en', 'nl')).toEqual({ action: 'remember', locale: 'en' });
    expect(decideLanguage('?lang=nl', 'nl')).toEqual({ action: 'none' });
  });

  it('a prefetch or payload fetch never changes the remembered language', () => {
    expect(decideLanguage('?lang=nl', 'en', false)).toEqual({ action: 'none' });
    expect(decideLanguage('?lang=en', undefined, false)).toEqual({ action: 'none' });
  });

  it('a page without lang goes to its Dutch URL when Dutch was chosen, keeping every other parameter', () => {
    expect(decideLanguage('?view=bond&country=NL&country=DE', 'nl')).toEqual({ action: 'redirect', search: '?view=bond&country=NL&country=DE&lang=nl' });
    expect(decideLanguage('', 'nl')).toEqual({ action: 'redirect', search: '?lang=nl' });
  });

  it('English is the default: no cookie, an English cookie or an unknown value change nothing', () => {
    expect(decideLanguage('?view=bond', undefined)).toEqual({ action: 'none' });
    expect(decideLanguage('?view=bond', 'en')).toEqual({ action: 'none' });
    expect(decideLanguage('?view=bond', 'fr')).toEqual({ action: 'none' });
    expect(decideLanguage('?lang=fr', 'nl')).toEqual({ action: 'none' });
  });
});

describe('the language of a page without a URL (not found)', () => {
  it('follows the remembered choice, else the browser\'s first preference of Dutch or English', () => {
    expect(preferredLocale('nl', 'en-GB,en')).toBe('nl');
    expect(preferredLocale('en', 'nl-NL,nl')).toBe('en');
    expect(preferredLocale(undefined, 'nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(preferredLocale(undefined, 'de-DE,en;q=0.8,nl;q=0.5')).toBe('en');
    expect(preferredLocale(undefined, 'en;q=0.4,nl;q=0.6')).toBe('nl');
    expect(preferredLocale(undefined, 'fr, de')).toBe('en');
    expect(preferredLocale('xx', null)).toBe('en');
  });
});
