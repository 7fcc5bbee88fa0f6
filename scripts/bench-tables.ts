/**
 * npm run bench:tables [-- --rows 1000000 --repeat 3]
 *
 * A tab book of 30 items by a 15-column banner (Total | country 5 | gender 2 | age 4 | income 3)
 * on 1,000,000 respondents, timed in one run beside its yardstick, the engine's cube alone (wall
 * time, and CPU time, which a shared machine's load hardly moves):
 *  (a) the engine's acceptance cube: every item by each banner attribute, each cell with share,
 *      SE, intervals, the test against the rest and Benjamini-Hochberg (what bench:engine times);
 *  (b) the tab book: the three item families' banner tables, with column bases, every pair of
 *      columns tested, Benjamini-Hochberg per table and the letters (target: under 2 s);
 *  (c) writing that tab book as an .xlsx workbook (exceljs), for information.
 * The respondents are drawn from a seeded generator straight into the engine's columns (weights
 * log-normal, answers on a 5-point scale shifted by the attributes, 10% blank): the benchmark
 * measures the tables, not the CSV reader. A benchmark that prints figures, not a test.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Rng } from '../data/generate/random';
import { acceptanceCube } from '../lib/analysis/acceptance';
import type { Codebook, Label } from '../lib/survey/codebook';
import type { AttributeColumn, ItemColumn, SurveyData } from '../lib/survey/dataset';
import { tabBook } from '../lib/tables/tabBook';
import { tabBookXlsx } from '../lib/tables/xlsx';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, repeat: { type: 'string', default: '3' } } });
const ROWS = Number(values.rows);
const REPEAT = Number(values.repeat);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t: number) => `${t.toFixed(0)} ms`;
const L = (en: string): Label => ({ en, nl: en });


function generate(n: number): SurveyData {
  // The reference-data generator's seeded numbers: every run draws the same respondents.
  const rng = new Rng(20261216);
  const rand = () => rng.uniform();
  const attributeSpec: [string, number][] = [
    ['country', 5],
    ['gender', 2],
    ['age', 4],
    ['income', 3],
  ];
  const families = ['brand', 'service', 'privacy'];
  const codebook: Codebook = {
    id: 'bench-tables',
    title: L('Tables benchmark'),
    studyStyle: 'custom',
    synthetic: true,
    respondentId: 'id',
    weight: 'w',
    attributes: attributeSpec.map(([id, k]) => ({ id, column: id, label: L(id), kind: 'categorical' as const, codes: Array.from({ length: k }, (_, i) => ({ code: String(i + 1), label: L(`${id} ${i + 1}`) })) })),
    scales: [{ id: 'agree5', label: L('Agreement'), codes: ['1', '2', '3', '4', '5'].map((c) => ({ code: c, label: L(c) })), positive: ['4', '5'] }],
    families: families.map((id) => ({ id, label: L(id) })),
    itemDimensions: [],
    items: Array.from({ length: 30 }, (_, i) => ({ id: `q${i + 1}`, column: `q${i + 1}`, label: L(`Question ${i + 1}`), family: families[Math.floor(i / 10)], scale: 'agree5', meta: {} })),
  };
  const attributes = new Map<string, AttributeColumn>();
  const levelOf = attributeSpec.map(([id, k]) => {
    const column = new Int8Array(n);
    for (let r = 0; r < n; r++) column[r] = rand() < 0.01 ? -1 : Math.floor(rand() * k);
    attributes.set(id, { id, label: L(id), kind: 'categorical', levels: Array.from({ length: k }, (_, i) => ({ code: String(i + 1), label: L(`${id} ${i + 1}`) })), levelOf: column });
    return column;
  });
  const weights = new Float64Array(n);
  for (let r = 0; r < n; r++) weights[r] = Math.exp(0.4 * (rand() + rand() + rand() - 1.5));
  const items = new Map<string, ItemColumn>();
  codebook.items.forEach((item, i) => {
    const answerOf = new Int8Array(n);
    for (let r = 0; r < n; r++) {
      if (rand() < 0.1) answerOf[r] = -1;
      else {
        const lift = 0.04 * (levelOf[i % 4][r] + 1) + 0.01 * (i % 7);
        const u = rand() + lift;
        answerOf[r] = u < 0.15 ? 0 : u < 0.3 ? 1 : u < 0.5 ? 2 : u < 0.8 ? 3 : 4;
      }
    }
    items.set(item.id, { item, codes: codebook.scales[0].codes, answerOf, positive: [false, false, false, true, true] });
  });
  return { codebook, rowCount: n, respondentIds: Array.from({ length: n }, (_, r) => String(r + 1)), weights,
    weighted: true,
    weight: { id: 'weight', label: { en: 'Weight', nl: 'Gewicht' }, kind: 'column', isDefault: true, calibration: null },
    weightColumns: new Map([['weight', weights]]),
    attributes,
    items,
    warnings: [],
  };
}

interface Timing {
  wall: number;
  cpu: number;
}

async function timed<T>(into: Timing[], run: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  into.push({ wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 });
  return result;
}

async function main() {
  const start = performance.now();
  const data = generate(ROWS);
  console.log(`generated ${ROWS.toLocaleString('en')} respondents, 30 items, 4 banner attributes: ${ms(performance.now() - start)}`);
  const banner = [['country'], ['gender'], ['age'], ['income']];

  // Wall time, and this process's CPU time beside it: on a shared machine the wall time grows with
  // the load, the CPU time hardly (one thread: CPU time <= wall time when nothing else runs).
  const cubeTimes: Timing[] = [];
  const bookTimes: Timing[] = [];
  const xlsxTimes: Timing[] = [];
  let summary = '';
  for (let i = 0; i < REPEAT; i++) {
    const cube = await timed(cubeTimes, async () => acceptanceCube(data, ['country', 'gender', 'age', 'income']));
    const book = await timed(bookTimes, async () => tabBook(data, { banner }));
    const bytes = await timed(xlsxTimes, () => tabBookXlsx(book, 'en', { datasetName: L('Tables benchmark') }));

    const columns = book[0].columns.length;
    const pairs = book.reduce((s, t) => s + t.pairs.length, 0);
    const letters = book.reduce((s, t) => s + t.rows.reduce((m, r) => m + r.cells.reduce((k, c) => k + c.letters.length, 0), 0), 0);
    summary = `${book.length} tables, ${book.reduce((s, t) => s + t.rows.length, 0)} rows x ${columns} columns, ${pairs} pairs tested, ${letters} letters; cube ${cube.reduce((s, t) => s + t.cells.length, 0)} cells; workbook ${(bytes.length / 1024).toFixed(0)} KB`;
  }
  const line = (name: string, times: Timing[], note: string) =>
    console.log(`${name.padEnd(22)} ${ms(median(times.map((t) => t.wall)))} (CPU ${ms(median(times.map((t) => t.cpu)))})  median of ${REPEAT}: ${times.map((t) => `${ms(t.wall)} (${ms(t.cpu)})`).join(', ')}${note}`);
  const book = median(bookTimes.map((t) => t.wall));
  const cube = median(cubeTimes.map((t) => t.wall));
  console.log('');
  console.log(`respondents            ${ROWS.toLocaleString('en')}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  line('engine cube', cubeTimes, ' (the yardstick: every item by each attribute)');
  const bookCpu = median(bookTimes.map((t) => t.cpu));
  line('tab book with letters', bookTimes, ` (target < 2000 ms: wall ${book < 2000 ? 'met' : 'NOT met'}, CPU ${bookCpu < 2000 ? 'met' : 'NOT met'})`);
  console.log(`ratio book/cube        ${(book / cube).toFixed(2)} (CPU ${(bookCpu / median(cubeTimes.map((t) => t.cpu))).toFixed(2)})`);
  line('writing the .xlsx', xlsxTimes, '');
  console.log(`                       ${summary}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
