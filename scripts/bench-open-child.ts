/**
 * One opening of a stored dataset, in a process of its own (a server just restarted, or a second
 * instance on a shared PostgreSQL): run by scripts/bench-open.ts, prints one JSON line.
 *
 *   tsx scripts/bench-open-child.ts <DATA_DIR or postgres:// URL> <dataset id> columns|rows
 *
 * `columns`: as the program opens a dataset now (DatasetRegistry: the stored columns, no row read).
 * `rows`: the yardstick, as the program did before (every row's text read, the columns built from it).
 * The clock runs from the request for the dataset to its first acceptance table (the data-type
 * items by country, the API's `?family=dataType&by=country`: one chart), timed in three parts:
 * reading (the stored value, or every row's text, arrives from the store), decoding (the engine's
 * columns made of it) and the query; the store is opened and migrated before it starts, as on a
 * running server. RSS and its peak are taken after each part, the peak being this process's own
 * (peakRss.ts: not getrusage's, which starts at the parent's RSS).
 */
import { performance } from 'node:perf_hooks';
import { acceptance } from '../lib/analysis/acceptance';
import { loadStoredSurvey } from '../lib/storage/datasetStore';
import { DatasetRegistry } from '../lib/storage/datasetRegistry';
import { openStoreFromEnv } from '../lib/storage/storeFromEnv';
import type { SurveyData } from '../lib/survey/dataset';
import { peakRss, resetPeakRss } from './peakRss';

const [target, id, mode] = process.argv.slice(2);
const store = openStoreFromEnv((/^postgres(ql)?:/.test(target) ? { DATABASE_URL: target } : { DATA_DIR: target }) as unknown as NodeJS.ProcessEnv);

/** Bytes of the engine's typed arrays (weights, levels, scale values, answers). */
function columnBytes(data: SurveyData): number {
  let bytes = data.weights.byteLength;
  for (const a of data.attributes.values()) bytes += a.levelOf.byteLength + (a.values?.byteLength ?? 0);
  for (const item of data.items.values()) bytes += item.answerOf.byteLength;
  return bytes;
}

async function main() {
  await store.list();
  const peakReset = resetPeakRss();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  // The moment the store has handed over what it read (the registry then decodes it).
  let read = { at: 0, rss: 0, peak: 0 };
  const readDone = <T>(value: T): T => {
    read = { at: performance.now(), rss: process.memoryUsage().rss, peak: peakRss() };
    return value;
  };
  let data: SurveyData;
  if (mode === 'columns') {
    const timed = new Proxy(store, {
      get: (target, key) => {
        if (key === 'columns') return (i: string) => target.columns(i).then(readDone);
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    data = await new DatasetRegistry({ store: () => timed }).load(id);
  } else {
    const stored = readDone(await store.get(id));
    if (!stored) throw new Error(`no dataset ${id}`);
    data = loadStoredSurvey(stored);
  }
  const opened = performance.now();
  const rssOpened = process.memoryUsage().rss;
  const peakOpened = peakRss();
  const table = acceptance(data, { family: 'dataType', by: ['country'] });
  const ms = performance.now() - started;
  const rss = process.memoryUsage().rss;
  const peak = peakRss();
  console.log(
    JSON.stringify({
      mode,
      ms,
      readMs: read.at - started,
      openMs: opened - started,
      rssBefore,
      rssRead: read.rss,
      peakRead: read.peak,
      rssOpened,
      peakOpened,
      rss,
      peakRss: peak,
      peakReset,
      columnBytes: columnBytes(data),
      rows: data.rowCount,
      cells: table.cells.length,
    }),
  );
  await store.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
