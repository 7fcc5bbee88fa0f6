/**
 * npm run bench:engine [-- --rows 1000000 --repeat 3]
 *
 * Times the full acceptance cube (every item of study G by every single attribute, bond and trust
 * in their bands, with shares, SEs, intervals and tests) on 1,000,000 respondents of study G's
 * shape, against DuckDB computing the same weighted sums from the same data in memory, in one run.
 * A benchmark that prints figures, not a test.
 *
 * The 1,000,000 respondents are drawn with replacement (seeded) from the 4,000 synthetic reference
 * respondents, so every column has study G's codes, blanks and correlations.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { acceptance } from '../lib/analysis/acceptance';
import type { SurveyData } from '../lib/survey/dataset';
import { loadReferenceDataset } from '../lib/storage/referenceDatasets';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, repeat: { type: 'string', default: '3' } } });
const ROWS = Number(values.rows);
const REPEAT = Number(values.repeat);

/** Resamples respondents (with replacement, seeded) into a dataset of `rows` respondents. */
function resample(source: SurveyData, rows: number, seed: number): SurveyData {
  const rng = xoroshiro128plus(seed);
  const pick = new Int32Array(rows);
  for (let r = 0; r < rows; r++) pick[r] = uniformInt(rng, 0, source.rowCount - 1);
  const take = <T extends Int32Array | Float64Array>(from: T): T => {
    const out = new (from.constructor as { new (n: number): T })(rows);
    for (let r = 0; r < rows; r++) out[r] = from[pick[r]];
    return out;
  };
  return {
    ...source,
    rowCount: rows,
    respondentIds: [],
    weights: take(source.weights),
    attributes: new Map([...source.attributes].map(([id, c]) => [id, { ...c, levelOf: take(c.levelOf), values: c.values && take(c.values) }])),
    items: new Map([...source.items].map(([id, c]) => [id, { ...c, answerOf: take(c.answerOf) }])),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function engineCube(data: SurveyData) {
  let cells = 0;
  for (const attribute of data.attributes.keys()) {
    const table = acceptance(data, { by: ['item', attribute] });
    cells += table.cells.length;
  }
  return cells;
}

async function main() {
  const source = loadReferenceDataset('study-g');
  const t0 = performance.now();
  const data = resample(source, ROWS, 20181);
  console.log(`study G shape: ${data.rowCount.toLocaleString('en')} respondents, ${data.items.size} items, ${data.attributes.size} attributes (resampled in ${(performance.now() - t0).toFixed(0)} ms)`);

  // (a) the engine
  const engineTimes: number[] = [];
  let cells = 0;
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    cells = engineCube(data);
    engineTimes.push(performance.now() - start);
  }
  const enginePeak = process.resourceUsage().maxRSS * 1024;
  console.log(`engine: ${cells} cells (item x attribute level) with share, SE, Wilson + logit intervals, test vs rest, BH`);

  // (b) DuckDB: the same weighted sums (n, Σw, Σwy, Σw², Σw²y per item x attribute level), from the
  // same respondents loaded into an in-memory table before the clock starts.
  const dir = path.join(process.cwd(), 'bench-output');
  mkdirSync(dir, { recursive: true });
  const csvPath = path.join(dir, 'bench-engine.csv');
  const itemIds = [...data.items.keys()];
  const attributeIds = [...data.attributes.keys()];
  const header = ['w', ...attributeIds.map((a) => `a_${a}`), ...itemIds.map((i) => `y_${i}`)];
  const lines: string[] = [header.join(',')];
  for (let r = 0; r < data.rowCount; r++) {
    const row: (string | number)[] = [data.weights[r]];
    for (const a of attributeIds) {
      const level = data.attributes.get(a)!.levelOf[r];
      row.push(level < 0 ? '' : level);
    }
    for (const i of itemIds) {
      const column = data.items.get(i)!;
      const answer = column.answerOf[r];
      row.push(answer < 0 ? '' : column.positive[answer] ? 1 : 0);
    }
    lines.push(row.join(','));
  }
  writeFileSync(csvPath, lines.join('\n') + '\n');
  lines.length = 0;

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE g AS SELECT * FROM read_csv('${csvPath}', header = true)`);
  rmSync(csvPath);
  const unpivot = itemIds.map((i) => `y_${i}`).join(', ');
  const sets = attributeIds.map((a) => `(item, a_${a})`).join(', ');
  const sql = `
    WITH long AS (UNPIVOT g ON ${unpivot} INTO NAME item VALUE y)
    SELECT item, ${attributeIds.map((a) => `a_${a}`).join(', ')},
           count(*) AS n, sum(w) AS sw, sum(w * y) AS swy, sum(w * w) AS sw2, sum(w * w * y) AS sw2y
    FROM long
    GROUP BY GROUPING SETS (${sets})`;
  const duckTimes: number[] = [];
  let duckRows = 0;
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    const result = await connection.runAndReadAll(sql);
    duckRows = result.currentRowCount;
    duckTimes.push(performance.now() - start);
  }
  connection.closeSync();

  const engine = median(engineTimes);
  const duck = median(duckTimes);
  console.log(`duckdb: ${duckRows} groups (item x attribute level, including blank levels) with the five weighted sums`);
  console.log('');
  console.log(`respondents          ${data.rowCount.toLocaleString('en')}`);
  console.log(`engine cube          ${engine.toFixed(0)} ms (median of ${REPEAT}: ${engineTimes.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`duckdb same sums     ${duck.toFixed(0)} ms (median of ${REPEAT}: ${duckTimes.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`ratio engine/duckdb  ${(engine / duck).toFixed(2)}  (target <= 1.00)`);
  console.log(`engine peak memory   ${mb(enginePeak)} RSS before DuckDB was loaded (target < 1024 MB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
