/** A page's search parameter as Next.js hands it over: absent, once, or repeated (`?a=1&a=2`). */
export type SearchParamValue = string | string[] | undefined;

/** The first value of a search parameter; a repeated parameter counts once, by its first value. */
export function firstParam(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** As firstParam, with an empty value (`?dataset=`) treated as absent. */
export function nonEmptyParam(value: SearchParamValue): string | undefined {
  return firstParam(value) || undefined;
}
