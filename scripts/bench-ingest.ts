/**
 * npm run bench:ingest [-- --rows 1000000 --repeat 3 --steps papaparse,ingest,duckdb,upload,sav,xlsx,xlsx-csv]
 *
 * Generates respondents of study G's shape (data/generate, seeded) as a CSV in a temporary folder,
 * then times in one run, each step in a child process of its own (so that each step's peak memory
 * is its own), each run `--repeat` times:
 *  (a) papaparse alone, the way the product parses: the file's bytes decoded to a string
 *      (TextDecoder, fatal, as the product does), then Papa.parse on the string with the product's
 *      options (the delimiter, a `step` callback per record; blank records skipped by the caller);
 *  (b) the product's full ingest, `ingestUpload`: the code path of the server's upload (encoding
 *      check, delimiter detection, header, validation against the codebook, personal-data guard)
 *      with the SurveyDataBuilder building the engine's columns in the same pass; the result is a
 *      SurveyData that `acceptance()` reads (checked after the clock stops);
 *  (c) DuckDB's read_csv of the same file into an in-memory table (it reads the file itself);
 *  (d) the server's upload pipeline, `uploadDataset`, into a new SQLite store in the temporary
 *      folder: validation, then the rows streamed into the store's atomic put.
 *  (e) the same respondents as an SPSS file (.sav, bytecode-compressed, written by PSPP from the
 *      CSV: `pspp` must be installed for this step), read and checked as the upload reads it
 *      (lib/formats: the records, the same checks and the engine's columns);
 *  (f) the first 100,000 respondents as an Excel workbook (.xlsx, written by exceljs), read and
 *      checked likewise (the server's reader: exceljs's streaming reader, lib/formats/xlsxStream.ts), beside
 *      (g) the same 100,000 rows as CSV through the full ingest.
 * Steps (a), (b), (d), (e), (f) and (g) start from the file's bytes in memory, read before the clock starts, as a
 * server holds an upload. Times are wall clock; CPU time (user + system, all threads) is shown too,
 * since the machine is shared. Peak memory is the child's RSS high-water mark (it includes the
 * file's bytes, read before the step, and Node itself: see "before").
 * A benchmark that prints figures, not a test.
 */
import { execFileSync, fork } from 'node:child_process';
import { peakRss, resetPeakRss } from './peakRss';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { acceptance } from '../lib/analysis/acceptance';
import ExcelJS from 'exceljs';
import { uploadDataset } from '../lib/api/upload';
import { checkSource } from '../lib/formats/checkSource';
import { openFile } from '../lib/api/fileScan';
import { zipEntries } from '../lib/formats/xlsx';
import { ingestUpload } from '../lib/ingest';
import { readCodebookFile } from '../lib/storage/referenceDatasets';
import { openSqliteDatasetStore } from '../lib/storage/sqliteDatasetStore';
import { isBlankRecord } from '../lib/survey/cells';
import { generateStudyGColumns, studyGCsvChunks } from '../data/generate';

const STEPS = ['papaparse', 'ingest', 'duckdb', 'upload', 'sav', 'xlsx', 'xlsx-csv'] as const;
type Step = (typeof STEPS)[number];
const LABELS: Record<Step, string> = {
  papaparse: 'papaparse alone (decode + parse)',
  ingest: 'full ingest (ingestUpload)',
  duckdb: 'DuckDB read_csv into a table',
  upload: 'server upload (uploadDataset -> SQLite)',
  sav: 'same rows as .sav: read + full ingest',
  xlsx: '100,000 rows as .xlsx: stream + ingest',
  'xlsx-csv': 'the same 100,000 rows as CSV: ingest',
};
/** Rows of the .xlsx step and its CSV twin. */
const XLSX_ROWS = 100_000;
const SEED = 20180601;
const TARGET = 1.5;

interface StepResult {
  step: Step;
  /** Wall-clock ms per run. */
  times: number[];
  /** CPU ms (user + system) per run. */
  cpu: number[];
  rows: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  note?: string;
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '3' },
    steps: { type: 'string', default: STEPS.join(',') },
    // Internal: the child process running one step.
    child: { type: 'string' },
    file: { type: 'string' },
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (t: number) => `${Math.round(t).toLocaleString('en')} ms`;
const codebookFile = () => path.join(process.cwd(), 'data', 'study-g.codebook.json');

/** Runs a step `repeat` times, timing wall clock and CPU; collects garbage between runs. */
async function timed(repeat: number, run: () => Promise<number> | number): Promise<{ times: number[]; cpu: number[]; rows: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeat; i++) {
    global.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    rows = await run();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { times, cpu, rows };
}

async function runStep(step: Step, file: string, repeat: number): Promise<StepResult> {
  const codebook = readCodebookFile(codebookFile());
  // A Buffer is a Uint8Array: no copy.
  const bytes: Uint8Array = step === 'duckdb' ? new Uint8Array(0) : readFileSync(file);
  global.gc?.();
  const rssBeforeBytes = process.memoryUsage.rss();
  // The step's own peak: a forked child's maxRSS starts at its parent's (scripts/peakRss.ts).
  resetPeakRss();
  let note: string | undefined;

  let result: { times: number[]; cpu: number[]; rows: number };
  if (step === 'papaparse') {
    result = await timed(repeat, () => {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      let records = 0;
      Papa.parse<string[]>(text, {
        delimiter: ',',
        step: (r) => {
          if (!isBlankRecord(r.data)) records++;
        },
      });
      return records - 1; // the header
    });
  } else if (step === 'ingest') {
    let last: ReturnType<typeof ingestUpload> | null = null;
    result = await timed(repeat, () => {
      last = null;
      last = ingestUpload(bytes, { codebook });
      if (!last.data) throw new Error(`the ingest found errors: ${JSON.stringify(last.report.problems.slice(0, 3))}`);
      return last.data.rowCount;
    });
    // Usable by the engine: one acceptance table on the ingested columns.
    const { data } = last!;
    const item = codebook.items[0].id;
    const table = acceptance(data!, { items: [item], by: ['country'] });
    note = `usable: acceptance of ${item} by country on the result: ${table.cells.map((c) => `${c.key.country} ${((c.share ?? NaN) * 100).toFixed(1)}%`).join(', ')}`;
  } else if (step === 'sav' || step === 'xlsx') {
    result = await timed(repeat, async () => {
      // As the server opens an upload (lib/api/fileScan.ts): a workbook's rows through exceljs's streaming reader.
      const file = await openFile(bytes, `upload.${step}`);
      if (!file.source) throw new Error(`the ${step} file cannot be read: ${JSON.stringify(file.problem)}`);
      const { data, report } = checkSource(file.source, { codebook }, { build: true });
      if (!data) throw new Error(`the ${step} ingest found errors: ${JSON.stringify(report.problems.slice(0, 3))}`);
      return data.rowCount;
    });
  } else if (step === 'xlsx-csv') {
    result = await timed(repeat, () => {
      const { data, report } = ingestUpload(bytes, { codebook });
      if (!data) throw new Error(`the ingest found errors: ${JSON.stringify(report.problems.slice(0, 3))}`);
      return data.rowCount;
    });
  } else if (step === 'duckdb') {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    let n = 0;
    result = await timed(repeat, async () => {
      n++;
      await connection.run(`CREATE TABLE g${n} AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true)`);
      const count = Number((await connection.runAndReadAll(`SELECT count(*) FROM g${n}`)).getRows()[0][0]);
      await connection.run(`DROP TABLE g${n}`);
      return count;
    });
    connection.closeSync();
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-upload-'));
    const store = openSqliteDatasetStore({ dataDir: dir });
    const codebookText = readFileSync(codebookFile(), 'utf8');
    try {
      result = await timed(repeat, async () => {
        const out = await uploadDataset(store, { bytes, codebookText, name: 'bench' });
        await store.delete(out.dataset.id);
        return out.dataset.respondents;
      });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    note = 'each run stores into one SQLite file (WAL, synchronous = FULL); the timed run includes deleting the dataset again';
  }
  return { step, ...result, rssBeforeBytes, peakRssBytes: peakRss(), ...(note ? { note } : {}) };
}

/** One step in a child process of its own, so that its peak memory is its own. */
function inChild(step: Step, file: string, repeat: number): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1], ['--child', step, '--file', file, '--repeat', String(repeat)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: StepResult | null = null;
    child.on('message', (m) => (result = m as StepResult));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`step ${step} failed (exit code ${code})`))));
  });
}

async function writeCsv(file: string, rows: number) {
  const table = generateStudyGColumns(rows, SEED);
  const out = createWriteStream(file);
  for (const chunk of studyGCsvChunks(table)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** The CSV as an SPSS file, written by PSPP (GET DATA, then SAVE): strings as A16, every other column numeric. */
function writeSav(csv: string, sav: string) {
  const [header, ...sample] = readFileSync(csv, 'utf8').slice(0, 1 << 20).split('\n').slice(0, 1000).map((l) => l.split(','));
  const numeric = header.map((_, i) => sample.every((r) => r.length < header.length || r[i] === '' || Number.isFinite(Number(r[i]))));
  const variables = header.map((h, i) => `${h} ${numeric[i] ? (h === 'weight' ? 'F10.6' : 'F8.0') : 'A16'}`).join(' ');
  const sps = `${sav}.sps`;
  writeFileSync(sps, `GET DATA /TYPE=TXT /FILE='${csv}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=',' /VARIABLES=${variables}.\nSAVE OUTFILE='${sav}'.\n`);
  execFileSync('pspp', ['-O', 'format=txt', '-o', `${sav}.txt`, sps]);
}

/** The first XLSX_ROWS rows of the CSV as a workbook (numbers as numbers) and as a CSV twin. */
async function writeXlsx(csv: string, xlsx: string, twin: string) {
  const lines = readFileSync(csv, 'utf8').split('\n').filter((l) => l !== '').slice(0, XLSX_ROWS + 1);
  writeFileSync(twin, `${lines.join('\n')}\n`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx });
  const sheet = workbook.addWorksheet('data');
  lines.forEach((line, i) => sheet.addRow(line.split(',').map((v) => (i > 0 && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v))).commit());
  sheet.commit();
  await workbook.commit();
}

async function main() {
  const repeat = Number(values.repeat);
  if (values.child) {
    const result = await runStep(values.child as Step, values.file!, repeat);
    process.send!(result);
    return;
  }

  const rows = Number(values.rows);
  const steps = values.steps!.split(',').map((s) => s.trim()) as Step[];
  for (const s of steps) if (!STEPS.includes(s)) throw new Error(`unknown step "${s}"; choose from ${STEPS.join(', ')}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
  const file = path.join(dir, `study-g-${rows}.csv`);
  try {
    const start = performance.now();
    await writeCsv(file, rows);
    console.log(`generated ${rows.toLocaleString('en')} respondents of study G's shape (seed ${SEED}): ${mb(statSync(file).size)}, ${ms(performance.now() - start)}`);
    console.log(`each step in its own child process, ${repeat} run${repeat === 1 ? '' : 's'}; times are wall clock (CPU in brackets)\n`);

    const files: Record<Step, string> = { papaparse: file, ingest: file, duckdb: file, upload: file, sav: file.replace(/\.csv$/, '.sav'), xlsx: file.replace(/\.csv$/, '.xlsx'), 'xlsx-csv': file.replace(/\.csv$/, '-100k.csv') };
    if (steps.includes('sav')) {
      const t = performance.now();
      writeSav(file, files.sav);
      console.log(`wrote it as .sav with PSPP: ${mb(statSync(files.sav).size)}, ${ms(performance.now() - t)}`);
    }
    if (steps.includes('xlsx') || steps.includes('xlsx-csv')) {
      const t = performance.now();
      await writeXlsx(file, files.xlsx, files['xlsx-csv']);
      console.log(`wrote its first ${Math.min(rows, XLSX_ROWS).toLocaleString('en')} rows as .xlsx with exceljs: ${mb(statSync(files.xlsx).size)}, unpacking to ${mb(zipEntries(readFileSync(files.xlsx)).reduce((n, e) => n + e.declaredSize, 0))} (CSV twin ${mb(statSync(files['xlsx-csv']).size)}), ${ms(performance.now() - t)}`);
    }

    const results = new Map<Step, StepResult>();
    for (const step of steps) {
      const r = await inChild(step, files[step], repeat);
      results.set(step, r);
      console.log(`${LABELS[step].padEnd(41)} ${ms(median(r.times)).padStart(9)} median (${ms(median(r.cpu))} CPU)  runs ${r.times.map(ms).join(', ')}`);
      console.log(`${''.padEnd(41)} rows ${r.rows.toLocaleString('en')}; peak RSS ${mb(r.peakRssBytes)} (before the step ${mb(r.rssBeforeBytes)})`);
      if (r.note) console.log(`${''.padEnd(41)} ${r.note}`);
    }

    console.log('');
    const all = [...results.values()];
    const sane = all.every((r) => r.rows === (r.step === 'xlsx' || r.step === 'xlsx-csv' ? Math.min(rows, XLSX_ROWS) : rows));
    console.log(`rows seen                                 ${all.map((r) => `${r.step} ${r.rows.toLocaleString('en')}`).join(', ')}: ${sane ? 'all equal to the file' : 'MISMATCH'}`);
    const base = results.get('papaparse');
    const ratio = (step: Step, pick: (r: StepResult) => number[]) => {
      const r = results.get(step);
      return base && r ? median(pick(r)) / median(pick(base)) : NaN;
    };
    if (base) {
      for (const step of ['ingest', 'duckdb', 'upload'] as const) {
        if (!results.has(step)) continue;
        const wall = ratio(step, (r) => r.times);
        const cpu = ratio(step, (r) => r.cpu);
        const target = step === 'ingest' ? `  target <= ${TARGET.toFixed(2)}: ${wall <= TARGET ? 'MET' : 'NOT MET'}` : '';
        console.log(`ratio ${`${step} / papaparse`.padEnd(35)} ${wall.toFixed(2)} wall, ${cpu.toFixed(2)} CPU${target}`);
      }
    }
    const ingest = results.get('ingest');
    const sav = results.get('sav');
    if (ingest && sav) console.log(`ratio ${'.sav / CSV full ingest'.padEnd(35)} ${(median(sav.times) / median(ingest.times)).toFixed(2)} wall, ${(median(sav.cpu) / median(ingest.cpu)).toFixed(2)} CPU  (target <= 2.00)`);
    const xlsx = results.get('xlsx');
    const twin = results.get('xlsx-csv');
    if (xlsx && twin) console.log(`ratio ${'.xlsx / its CSV twin (100,000 rows)'.padEnd(35)} ${(median(xlsx.times) / median(twin.times)).toFixed(2)} wall, ${(median(xlsx.cpu) / median(twin.cpu)).toFixed(2)} CPU`);
    if (!sane) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
