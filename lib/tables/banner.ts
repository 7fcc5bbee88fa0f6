import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { type BannerColumn, type BannerGroup, type BannerGroupSpec, TableError } from './model';

/**
 * A banner's columns: Total first, then each banner variable's levels in the codebook's order (a
 * nested variable: every inner level within each outer level). Every column after Total gets a
 * letter, A to Z then AA, AB, ..., in banner order, as SPSS and Q letter them.
 */

export const TOTAL_LABEL: Label = { en: 'Total', nl: 'Totaal' };

/** The letter of the k-th lettered column (0 = A, 25 = Z, 26 = AA). */
export function columnLetter(k: number): string {
  let letter = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

const noBase = () => ({ n: 0, weightedN: 0, effectiveN: 0 });

/** Checks a banner against the dataset and lays out its columns (bases are filled in later). */
export function bannerColumns(data: SurveyData, banner: readonly BannerGroupSpec[]): { groups: BannerGroup[]; columns: BannerColumn[] } {
  const columns: BannerColumn[] = [{ index: 0, group: -1, key: {}, label: TOTAL_LABEL, outer: null, letter: null, base: noBase() }];
  const groups: BannerGroup[] = [];
  const seen = new Set<string>();
  let lettered = 0;
  for (const spec of banner) {
    if (spec.length < 1 || spec.length > 2)
      throw new TableError(`a banner variable is one attribute or two nested, not ${spec.length}`, { en: 'A banner column group is one attribute, or two nested.', nl: 'Een groep kolommen is één kenmerk, of twee genest.' }, 'BadBanner');
    const attributes = spec.map((id) => {
      const column = data.attributes.get(id);
      if (!column) throw new TableError(`unknown attribute "${id}"; this dataset has: ${[...data.attributes.keys()].join(', ')}`, { en: 'This dataset has no such attribute.', nl: 'Deze dataset heeft zo’n kenmerk niet.' }, 'UnknownAttribute');
      return column;
    });
    if (spec.length === 2 && spec[0] === spec[1])
      throw new TableError(`"${spec[0]}" cannot be nested in itself`, { en: 'An attribute cannot be nested in itself.', nl: 'Een kenmerk kan niet in zichzelf genest worden.' }, 'BadBanner');
    const name = spec.join('>');
    if (seen.has(name)) throw new TableError(`"${name}" is in the banner twice`, { en: 'An attribute is in the banner twice.', nl: 'Een kenmerk staat twee keer in de banner.' }, 'BadBanner');
    seen.add(name);
    const group = groups.length;
    const [outer, inner] = attributes.length === 2 ? attributes : [null, attributes[0]];
    const indexes: number[] = [];
    for (const o of outer ? outer.levels : [null]) {
      for (const level of inner.levels) {
        const index = columns.length;
        indexes.push(index);
        columns.push({
          index,
          group,
          key: { ...(outer && o ? { [outer.id]: o.code } : {}), [inner.id]: level.code },
          label: level.label,
          outer: outer && o ? { attribute: outer.id, code: o.code, label: o.label } : null,
          letter: columnLetter(lettered++),
          base: noBase(),
        });
      }
    }
    groups.push({ attributes: attributes.map((a) => ({ id: a.id, label: a.label })), columns: indexes });
  }
  return { groups, columns };
}

/** A banner variable's id as the CLI and the URL write it: "gender", or "gender>age" nested. */
export const bannerName = (spec: BannerGroupSpec) => spec.join('>');

/** Reads "gender,country>age" into banner variables. */
export function parseBanner(text: string): string[][] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => part.split('>').map((id) => id.trim()));
}
