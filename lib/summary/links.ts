import { filterParam } from '../explore/state';

/** The explorer view that supports a headline, as a path without the language (added by the page). */
export function exploreHref(datasetId: string, view: string, filter: Record<string, string[]> = {}, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ dataset: datasetId, view, ...extra });
  for (const [attribute, codes] of Object.entries(filter)) for (const code of codes) params.append(filterParam(attribute), code);
  return `/explore?${params.toString()}`;
}

/** The published-findings table, at a claim's row. */
export function findingsHref(claimId: string): string {
  return `/findings#claim-${claimId}`;
}

/** Adds ?lang=nl (or &lang=nl) for Dutch; English is the default and needs nothing. */
export function withLang(href: string, locale: 'en' | 'nl'): string {
  if (locale !== 'nl') return href;
  const [path, hash] = href.split('#');
  return `${path}${path.includes('?') ? '&' : '?'}lang=nl${hash ? `#${hash}` : ''}`;
}
