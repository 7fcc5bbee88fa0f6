/**
 * npm run bench:engine [-- --rows 1000000 --repeat 3]
 *
 * Generates 1,000,000 respondents of study G's shape (data/generate, the reference model without
 * calibration), then times in one run:
 *  (a) the full acceptance cube with this engine: every item of study G by every single attribute,
 *      bond and trust in their bands, each cell with share, SE, Wilson and logit intervals, the test
 *      against the rest and Benjamini-Hochberg;
 *  (b) DuckDB computing the same weighted sums (n, Σw, Σwy, Σw², Σw²y per item × attribute level)
 *      from the same respondents, loaded into an in-memory table and coded before the clock starts,
 *      as the engine's columns are.
 * A benchmark that prints figures, not a test.
 */
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { acceptanceCube } from '../lib/analysis/acceptance';
import { SurveyDataBuilder, type SurveyData } from '../lib/survey/dataset';
import type { Codebook } from '../lib/survey/codebook';
import { readCodebookFile } from '../lib/storage/referenceDatasets';
import { generateStudyGColumns, studyGCsvChunks } from '../data/generate';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, repeat: { type: 'string', default: '3' } } });
const ROWS = Number(values.rows);
const REPEAT = Number(values.repeat);
const SEED = 20180601;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

async function writeCsv(file: string) {
  const table = generateStudyGColumns(ROWS, SEED);
  const out = createWriteStream(file);
  for (const chunk of studyGCsvChunks(table)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Streams the CSV through papaparse into the engine's columns, never holding the rows as strings. */
function ingest(file: string, codebook: Codebook): Promise<SurveyData> {
  return new Promise((resolve, reject) => {
    let builder: SurveyDataBuilder | null = null;
    Papa.parse<string[]>(createReadStream(file), {
      step: (result) => {
        if (!builder) builder = new SurveyDataBuilder(codebook, result.data);
        else if (result.data.length > 1 || result.data[0] !== '') builder.add(result.data);
      },
      complete: () => {
        try {
          resolve(builder!.finish());
        } catch (error) {
          reject(error);
        }
      },
      error: reject,
    });
  });
}

/** SQL that codes the raw table like the engine's columns: attribute level and 0/1 outcome per item. */
function codedTableSql(codebook: Codebook): string {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const list = (codes: string[]) => codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
  const attributes = codebook.attributes.map((a) => {
    const column = `CAST(${quote(a.column)} AS VARCHAR)`;
    // Small integer level codes, as the engine's columns hold.
    if (a.kind === 'categorical') return `CAST(CASE ${a.codes.map((c, i) => `WHEN ${column} = '${c.code}' THEN ${i}`).join(' ')} END AS TINYINT) AS a_${a.id}`;
    const bands = a.bands.map((b, i) => `WHEN CAST(${quote(a.column)} AS DOUBLE) BETWEEN ${b.min} AND ${b.max} THEN ${i}`).join(' ');
    return `CAST(CASE ${bands} END AS TINYINT) AS a_${a.id}`;
  });
  const items = codebook.items.map((item) => {
    const scale = codebook.scales.find((s) => s.id === item.scale)!;
    const column = `CAST(${quote(item.column)} AS VARCHAR)`;
    return `CAST(CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} IN (${list(item.positive ?? scale.positive)}) THEN 1 ELSE 0 END AS TINYINT) AS y_${item.id}`;
  });
  return `SELECT CAST(${quote(codebook.weight!)} AS DOUBLE) AS w, ${[...attributes, ...items].join(', ')} FROM raw`;
}

async function main() {
  const codebook = readCodebookFile(path.join(process.cwd(), 'data', 'study-g.codebook.json'));
  const dir = path.join(process.cwd(), 'bench-output');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `study-g-${ROWS}.csv`);

  let start = performance.now();
  await writeCsv(file);
  console.log(`generated ${ROWS.toLocaleString('en')} respondents of study G's shape: ${ms(performance.now() - start)}`);
  start = performance.now();
  const data = await ingest(file, codebook);
  console.log(`ingested into the engine's columns (streaming papaparse): ${ms(performance.now() - start)}`);

  const attributes = [...data.attributes.keys()];
  const engineTimes: number[] = [];
  let cells = 0;
  for (let i = 0; i < REPEAT; i++) {
    start = performance.now();
    cells = acceptanceCube(data, attributes).reduce((sum, table) => sum + table.cells.length, 0);
    engineTimes.push(performance.now() - start);
  }
  const enginePeak = process.resourceUsage().maxRSS * 1024;

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true)`);
  await connection.run(`CREATE TABLE g AS ${codedTableSql(codebook)}`);
  await connection.run('DROP TABLE raw');
  const yColumns = codebook.items.map((item) => `y_${item.id}`).join(', ');
  const aColumns = attributes.map((a) => `a_${a}`);
  const sql = `
    WITH long AS (UNPIVOT g ON ${yColumns} INTO NAME item VALUE y)
    SELECT item, ${aColumns.join(', ')},
           count(*) AS n, sum(w) AS sw, sum(w * y) AS swy, sum(w * w) AS sw2, sum(w * w * y) AS sw2y
    FROM long
    GROUP BY GROUPING SETS (${aColumns.map((a) => `(item, ${a})`).join(', ')})`;
  const duckTimes: number[] = [];
  let groups = 0;
  for (let i = 0; i < REPEAT; i++) {
    start = performance.now();
    groups = (await connection.runAndReadAll(sql)).currentRowCount;
    duckTimes.push(performance.now() - start);
  }
  connection.closeSync();
  rmSync(file);

  const engine = median(engineTimes);
  const duck = median(duckTimes);
  console.log('');
  console.log(`respondents            ${data.rowCount.toLocaleString('en')} (${data.items.size} items, ${attributes.length} attributes)`);
  console.log(`engine cube            ${ms(engine)}  median of ${REPEAT}: ${engineTimes.map(ms).join(', ')}; ${cells} cells with share, SE, intervals, test, BH`);
  console.log(`duckdb same sums       ${ms(duck)}  median of ${REPEAT}: ${duckTimes.map(ms).join(', ')}; ${groups} groups (blank levels included) with 5 sums`);
  console.log(`ratio engine/duckdb    ${(engine / duck).toFixed(2)}  (target <= 1.00)`);
  console.log(`peak memory            ${mb(enginePeak)} RSS through ingest and engine, before DuckDB was loaded (target < 1024 MB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
