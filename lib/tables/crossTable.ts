import { DEFAULT_MIN_BASE } from '../analysis/conventions';
import { acceptanceCube, type AcceptanceCell, type AcceptanceTable } from '../analysis/acceptance';
import { calibratedDifferenceVariance } from '../analysis/calibratedCell';
import { resolveQuery } from '../analysis/query';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { differenceTest } from '../stats/shareDifference';
import type { Label } from '../survey/codebook';
import type { AttributeColumn, SurveyData } from '../survey/dataset';
import { bannerColumns, bannerName, TOTAL_LABEL } from './banner';
import { fillColumnBases } from './columnBases';
import { type BannerColumn, type BannerGroup, type BannerGroupSpec, type CrossTable, DEFAULT_ALPHA, TableError, type TableCell, type TablePair, type TableRow, type TableRowDef, type TableRows, type TableSpec } from './model';
import { rowsLabel, tableRows } from './rows';
import { weightedData } from './weighting';

/**
 * Builds a banner table on the acceptance engine: one pass of the engine's cube over the rows'
 * items gives every cell's share, SE and bases for Total and each banner variable (an item family;
 * the answers of one item take one pass per answer row, each counting its own codes).
 *
 * Column letters: per row, each pair of columns of one banner variable (nested: of one outer level)
 * is tested as R's `svyttest(y ~ g, subset(des, g %in% c(A, B)))` with
 * `des = svydesign(ids = ~1, weights = ~w, data = <respondents with an answer and a value of g>)`:
 * the two columns are independent domains of that design, so the difference's variance is the sum
 * of the engine's two domain variances, with n_A + n_B − 2 degrees of freedom (respondents with a
 * positive weight), exactly as /compare tests two levels (lib/analysis/levelComparison.ts). A
 * respondent with a blank banner value is in no column of that variable, as in the explorer.
 * Under a raked weight the design is the rake()d one of every respondent, `rdes`, and the test is
 * `svyttest(y ~ g, subset(rdes, asked & g %in% c(A, B)))`: the two columns share the raking, so the
 * difference's variance is the calibrated variance of A's influence less B's, residualised together
 * (lib/analysis/calibratedCell.ts), not the sum of the two; same df. Each cell and pair keeps the
 * fixed-weight SE beside it (`seFixed`: the weights taken as fixed, as without raking).
 * Benjamini-Hochberg runs over the table's tested pairs; a pair with a column under the minimum
 * base is reported but not tested, and gives no letter (lib/analysis/smallBase.ts's rule).
 * lib/tables/fixtures/tables.R produces the values the tests compare with.
 */

/** The Total column is the engine's cell of an attribute every respondent has, in the same pass. */
const TOTAL_ID = '\u0000total';
const totalAttributes = new WeakMap<SurveyData['attributes'], SurveyData['attributes']>();

function withTotal(data: SurveyData): SurveyData {
  let attributes = totalAttributes.get(data.attributes);
  if (!attributes) {
    const total: AttributeColumn = { id: TOTAL_ID, label: TOTAL_LABEL, kind: 'categorical', levels: [{ code: 'total', label: TOTAL_LABEL }], levelOf: new Int8Array(data.rowCount) };
    totalAttributes.set(data.attributes, (attributes = new Map([...data.attributes, [TOTAL_ID, total]])));
  }
  return { ...data, attributes };
}

const cellKey = (item: string, codes: string[]) => `${item}\u0001${codes.join('\u0001')}`;

/** The engine's cells of one cube table, by item and banner codes. */
function indexCells(table: AcceptanceTable): Map<string, AcceptanceCell> {
  const attributes = table.dimensions.filter((d) => d.kind === 'attribute').map((d) => d.id);
  return new Map(table.cells.map((cell) => [cellKey(cell.key.item, attributes.map((a) => cell.key[a])), cell]));
}

function tableCell(cell: AcceptanceCell | undefined, minBase: number): TableCell {
  if (!cell) return { n: 0, weightedN: 0, effectiveN: 0, share: null, se: null, seFixed: null, weightedRespondents: 0, smallBase: true, letters: '' };
  return {
    n: cell.respondents,
    weightedN: cell.sumWeights,
    effectiveN: cell.effectiveBase,
    share: cell.share,
    se: cell.se,
    seFixed: cell.seFixed,
    weightedRespondents: cell.weightedRespondents,
    smallBase: cell.respondents < minBase,
    letters: '',
  };
}

function checkOptions(minBase: number, alpha: readonly number[]): number[] {
  if (!(Number.isFinite(minBase) && minBase >= 0))
    throw new TableError(`the minimum base must be a number >= 0, not ${minBase}`, { en: 'The minimum base must be 0 or more.', nl: 'De minimale basis moet 0 of meer zijn.' }, 'BadOption');
  const levels = [...alpha].sort((x, y) => y - x);
  if (levels.length < 1 || levels.length > 2 || levels.some((a) => !(a > 0 && a < 1)) || new Set(levels).size !== levels.length)
    throw new TableError(`alpha must be one or two different levels between 0 and 1, not ${alpha.join(', ')}`, { en: 'Choose one or two significance levels between 0 and 1.', nl: 'Kies één of twee significantieniveaus tussen 0 en 1.' }, 'BadOption');
  return levels;
}

/** Respondents in the filter, and the filter in words. */
function filterOf(data: SurveyData, filter: Record<string, string[]>): Label | null {
  const parts = Object.entries(filter)
    .filter(([, codes]) => codes.length > 0)
    .map(([id, codes]) => {
      const attribute = data.attributes.get(id)!;
      const level = (code: string) => attribute.levels.find((l) => l.code === code)!.label;
      return { en: `${attribute.label.en}: ${codes.map((c) => level(c).en).join(', ')}`, nl: `${attribute.label.nl}: ${codes.map((c) => level(c).nl).join(', ')}` };
    });
  return parts.length ? { en: parts.map((p) => p.en).join('; '), nl: parts.map((p) => p.nl).join('; ') } : null;
}

/** Every pair of columns of a banner variable (within one outer level when nested), in column order. */
function columnPairs(columns: BannerColumn[], members: number[]): [BannerColumn, BannerColumn][] {
  const pairs: [BannerColumn, BannerColumn][] = [];
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const a = columns[members[i]];
      const b = columns[members[j]];
      if (a.outer?.code === b.outer?.code) pairs.push([a, b]);
    }
  return pairs;
}

export function crossTable(source: SurveyData, spec: TableSpec): CrossTable {
  return crossTables(source, spec, [spec.rows])[0];
}

/**
 * Several tables on one banner, weight and filter (a tab book): the item rows of all of them share
 * one pass of the cube, and their column bases one pass over the respondents. Each table is its
 * own Benjamini-Hochberg family.
 */
export function crossTables(source: SurveyData, shared: Omit<TableSpec, 'rows'>, rowsList: TableRows[]): CrossTable[] {
  const minBase = shared.minBase ?? DEFAULT_MIN_BASE;
  const alpha = checkOptions(minBase, shared.alpha ?? DEFAULT_ALPHA);
  const correction = shared.correction ?? 'bh';
  const { data: weighted, used } = weightedData(source, shared.weighting);
  const data = withTotal(weighted);
  const defsList = rowsList.map((rows) => tableRows(data, rows));
  const layouts = rowsList.map(() => bannerColumns(data, shared.banner));
  const { groups } = layouts[0];
  const filter = shared.filter ?? {};
  const itemSets = defsList.map((defs) => [...new Set(defs.map((d) => d.item))]);
  const { include } = resolveQuery(data, { items: [...new Set(itemSets.flat())], filter });
  fillColumnBases(data, itemSets, include, groups, layouts.map((l) => l.columns));

  // One cube for every item row (each counts its item's positive answers), one per item and codes for answer rows.
  const outcomeOf = (def: TableRowDef) => (def.kind === 'item' ? '' : `${def.item}\u0002${def.codes.join('\u0001')}`);
  const cubeItems = new Map<string, { items: Set<string>; codes: string[] | null }>();
  for (const def of defsList.flat()) {
    const key = outcomeOf(def);
    const entry = cubeItems.get(key) ?? { items: new Set<string>(), codes: def.kind === 'item' ? null : def.codes };
    cubeItems.set(key, entry.items.add(def.item) && entry);
  }
  const cubeBanner = [[TOTAL_ID], ...shared.banner];
  const cubes = new Map([...cubeItems].map(([key, { items, codes }]) => [key, acceptanceCube(data, cubeBanner, { items: [...items], filter, minBase, ...(codes ? { outcome: codes } : {}) }).map(indexCells)]));

  return rowsList.map((rowsSpec, t) => {
    const { columns } = layouts[t];
    // The engine's cells behind each row's cells: a raked weight's pair test needs them (calibratedDifferenceVariance).
    const sources: (AcceptanceCell | undefined)[][] = [];
    const rows: TableRow[] = defsList[t].map((def) => {
      const cube = cubes.get(outcomeOf(def))!;
      const engineCells = columns.map((column) => {
        const codes = column.group < 0 ? ['total'] : shared.banner[column.group].map((id) => column.key[id]);
        return cube[column.group + 1].get(cellKey(def.item, codes));
      });
      sources.push(engineCells);
      return { ...def, cells: engineCells.map((cell) => tableCell(cell, minBase)) };
    });
    const pairs = testPairs(rows, sources, groups, columns, shared.banner);
    const family = pairs.filter((p) => p.tested);
    const adjusted = correction === 'bh' ? benjaminiHochberg(family.map((p) => p.p)) : family.map((p) => p.p);
    family.forEach((p, i) => (p.pAdjusted = adjusted[i]));
    assignLetters(rows, columns, family, alpha);
    return {
      datasetId: source.codebook.id,
      title: source.codebook.title,
      synthetic: source.codebook.synthetic,
      rowsSpec,
      rowsLabel: rowsLabel(data, rowsSpec),
      weighting: used,
      filter,
      filterLabel: filterOf(data, filter),
      groups,
      columns,
      rows,
      pairs,
      minBase,
      alpha,
      correction,
      smallCells: shared.smallCells ?? 'warn',
    };
  });
}

/** Every pair of columns of each banner variable, per row, with its test (see the module comment). */
function testPairs(rows: TableRow[], sources: (AcceptanceCell | undefined)[][], groups: BannerGroup[], columns: BannerColumn[], banner: readonly BannerGroupSpec[]): TablePair[] {
  const pairs: TablePair[] = [];
  rows.forEach((row, r) => {
    groups.forEach((group, g) => {
      const inner = group.attributes[group.attributes.length - 1].id;
      for (const [ca, cb] of columnPairs(columns, group.columns)) {
        const a = row.cells[ca.index];
        const b = row.cells[cb.index];
        const df = a.weightedRespondents + b.weightedRespondents - 2;
        if (a.share === null || b.share === null || a.se === null || b.se === null || df < 1) continue;
        const [va, vb] = [a.se ** 2, b.se ** 2];
        // Raked: the calibrated variance of the difference (as a covariance of the two); fixed weights: the sum.
        const [sa, sb] = [sources[r][ca.index], sources[r][cb.index]];
        const calibrated = sa && sb ? calibratedDifferenceVariance(sa, sb) : null;
        const test = differenceTest({ p: a.share, variance: va }, { p: b.share, variance: vb }, df, calibrated === null ? 0 : (va + vb - calibrated) / 2);
        const seFixed = a.seFixed !== null && b.seFixed !== null ? Math.sqrt(a.seFixed ** 2 + b.seFixed ** 2) : null;
        const smallBase = a.smallBase || b.smallBase;
        pairs.push({
          row: row.id,
          item: row.item,
          group: g,
          banner: bannerName(banner[g]),
          within: ca.outer ? { [ca.outer.attribute]: ca.outer.code } : null,
          columnA: ca.index,
          columnB: cb.index,
          a: ca.key[inner],
          b: cb.key[inner],
          diff: test.diff,
          se: test.se,
          seFixed,
          t: test.t,
          df,
          p: test.pValue,
          pAdjusted: null,
          smallBase,
          // R's svyttest has no p-value for two columns both at exactly 0% or 100% (0/0): no test.
          tested: !smallBase && !(test.se === 0 && test.diff === 0),
        });
      }
    });
  });
  return pairs;
}

/** The higher column of each significant pair gets the lower one's letter: upper case under the strictest level. */
function assignLetters(rows: TableRow[], columns: BannerColumn[], tested: TablePair[], alpha: number[]) {
  const strict = alpha[alpha.length - 1];
  const loose = alpha[0];
  const marks = new Map<string, { column: number; letter: string }[]>();
  for (const pair of tested) {
    if (pair.pAdjusted === null || !(pair.pAdjusted < loose) || pair.diff === 0) continue;
    const [winner, loser] = pair.diff > 0 ? [pair.columnA, pair.columnB] : [pair.columnB, pair.columnA];
    const letter = columns[loser].letter!;
    const key = `${pair.row}\u0001${winner}`;
    marks.set(key, [...(marks.get(key) ?? []), { column: loser, letter: pair.pAdjusted < strict || alpha.length === 1 ? letter : letter.toLowerCase() }]);
  }
  for (const row of rows)
    row.cells.forEach((cell, c) => {
      const mine = marks.get(`${row.id}\u0001${c}`);
      if (mine) cell.letters = mine.sort((x, y) => x.column - y.column).map((m) => m.letter).join('');
    });
}
