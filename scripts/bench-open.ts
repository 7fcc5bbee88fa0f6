/**
 * npm run bench:open [-- --rows 100000,1000000,2000000 --backends sqlite,postgres --yardstick-max 2000000]
 *
 * How fast a stored dataset answers its first acceptance query, and with how much memory. Per
 * backend (SQLite in a temporary folder; PostgreSQL on a throwaway cluster started here, as the
 * contract tests do) and per size, study-G-shaped respondents (data/generate, the reference model
 * without calibration) are stored with a put, then opened in a fresh process each time (a restart;
 * on PostgreSQL also a second instance, since this process keeps its own store open):
 *  (a) as the program opens a dataset: its stored columns (lib/storage/storedColumns.ts);
 *  (b) the yardstick, in the same run: as the program did before, every row's text read and the
 *      columns built from it.
 * Printed: time to the first table (the data-type items by country: one chart; reading the store,
 * decoding and the query apart), RSS after each part, the child's own peak RSS (scripts/peakRss.ts;
 * getrusage's would start at this parent's RSS) and its growth over the RSS before the opening,
 * against the columns' own size (typed arrays); and their stored, compressed size. Also what the codebook editor (/datasets/<id>) reads:
 * its 20,000-row sample (`store.sample`) beside every row's text (`store.get`, what it read before),
 * in this process. A benchmark that prints figures, not a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateStudyGColumns, studyGCsvChunks } from '../data/generate';
import { EDITOR_SAMPLE_ROWS, type DatasetStore } from '../lib/storage/datasetStore';
import { readCodebookFile } from '../lib/storage/referenceDatasets';
import { openStoreFromEnv } from '../lib/storage/storeFromEnv';
import { startPgCluster, type PgCluster } from '../lib/storage/testing/pgCluster';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000,1000000,2000000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    'yardstick-max': { type: 'string', default: '2000000' },
  },
});
const SIZES = values.rows.split(',').map(Number);
const BACKENDS = values.backends.split(',');
const YARDSTICK_MAX = Number(values['yardstick-max']);
const SEED = 20180601;
const root = path.resolve(__dirname, '..');
const codebook = { ...readCodebookFile(path.join(root, 'data/study-g.codebook.json')), synthetic: false };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

/** The generated respondents as the rows of a put: header first, then string rows, never all held. */
function* generatedRows(n: number): Generator<string[]> {
  for (const chunk of studyGCsvChunks(generateStudyGColumns(n, SEED))) {
    const lines = chunk.split('\n');
    for (const line of lines) if (line !== '') yield line.split(',');
  }
}

/** What bench-open-child.ts reports: times from the request, RSS after each part, peaks since just before it. */
interface Opening {
  mode: string;
  ms: number;
  readMs: number;
  openMs: number;
  rssBefore: number;
  rssRead: number;
  peakRead: number;
  rssOpened: number;
  peakOpened: number;
  rss: number;
  peakRss: number;
  peakReset: boolean;
  columnBytes: number;
  rows: number;
  cells: number;
}

/** The three parts of the time to the first table. */
const parts = (o: Opening, decoding: string) => `reading ${ms(o.readMs)}, ${decoding} ${ms(o.openMs - o.readMs)}, query ${ms(o.ms - o.openMs)}`;
/** Growth of the peak above the RSS before the opening, against the columns' own size. */
const growth = (o: Opening, peak: number) => `${((peak - o.rssBefore) / o.columnBytes).toFixed(2)}x`;
const peakNote = (o: Opening) => (o.peakReset ? '' : ' (peak: getrusage, which may include the parent process)');

function openInChild(target: string, id: string, mode: 'columns' | 'rows'): Opening {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'bench-open-child.ts'), target, id, mode], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Opening;
}

async function benchBackend(backend: string) {
  let cluster: PgCluster | null = null;
  let dir: string | null = null;
  let target: string;
  if (backend === 'postgres') {
    cluster = await startPgCluster();
    target = await cluster.createDatabase('bench_open');
  } else {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-open-'));
    target = dir;
  }
  const store: DatasetStore = openStoreFromEnv((backend === 'postgres' ? { DATABASE_URL: target } : { DATA_DIR: target }) as unknown as NodeJS.ProcessEnv);
  try {
    for (const n of SIZES) {
      const rows = generatedRows(n);
      const header = rows.next().value as string[];
      const started = performance.now();
      const summary = await store.put({ name: `bench ${n}`, codebook, header, rows });
      const putMs = performance.now() - started;
      const stored = (await store.columns(summary.id))!.columns!;
      const now = openInChild(target, summary.id, 'columns');
      const before = n <= YARDSTICK_MAX ? openInChild(target, summary.id, 'rows') : null;
      console.log(
        `${backend} ${n.toLocaleString('en')} rows: put ${ms(putMs)}; columns ${mb(now.columnBytes)}, stored ${mb(stored.length)}\n` +
          `  from stored columns: first table ${ms(now.ms)} (${parts(now, 'decoding')}); RSS ${mb(now.rssBefore)} -> ${mb(now.rssRead)} read -> ${mb(now.rssOpened)} decoded -> ${mb(now.rss)} answered; ` +
          `peak ${mb(now.peakRss)}: growth ${growth(now, now.peakRss)} the columns (reading ${growth(now, now.peakRead)}, opening ${growth(now, now.peakOpened)}; ${(now.peakRss / now.columnBytes).toFixed(2)}x counted from zero)${peakNote(now)}\n` +
          (before
            ? `  yardstick, rows' text parsed: first table ${ms(before.ms)} (${parts(before, 'building')}); RSS ${mb(before.rssBefore)} -> ${mb(before.rss)}, peak ${mb(before.peakRss)}: growth ${growth(before, before.peakRss)}; ${(before.ms / now.ms).toFixed(1)}x the time`
            : '  yardstick skipped (--yardstick-max)'),
      );
      const sampleStarted = performance.now();
      const sampled = (await store.sample(summary.id, EDITOR_SAMPLE_ROWS))!.rows.length;
      const sampleMs = performance.now() - sampleStarted;
      const getStarted = performance.now();
      const everyRow = n <= YARDSTICK_MAX ? (await store.get(summary.id))!.rows.length : null;
      const getMs = performance.now() - getStarted;
      console.log(`  codebook editor: sample of ${sampled.toLocaleString('en')} rows ${ms(sampleMs)}` + (everyRow === null ? '' : `; yardstick, every row's text (${everyRow.toLocaleString('en')}) ${ms(getMs)}`));
      if (now.cells !== before?.cells && before) throw new Error('the two openings gave tables of different shapes');
    }
  } finally {
    await store.close();
    if (cluster) await cluster.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`bench:open, ${new Date().toISOString()}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const backend of BACKENDS) await benchBackend(backend);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
