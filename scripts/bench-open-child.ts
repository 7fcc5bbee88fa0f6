/**
 * One opening of a stored dataset, in a process of its own (a server just restarted, or a second
 * instance on a shared PostgreSQL): run by scripts/bench-open.ts, prints one JSON line.
 *
 *   tsx scripts/bench-open-child.ts <DATA_DIR or postgres:// URL> <dataset id> columns|rows
 *
 * `columns`: as the program opens a dataset now (DatasetRegistry: the stored columns, no row read).
 * `rows`: the yardstick, as the program did before (every row's text read, the columns built from it).
 * The clock runs from the request for the dataset to its first acceptance table (the data-type
 * items by country, the API's `?family=dataType&by=country`: one chart), timed in two parts, the
 * opening and the query; the store is opened and migrated before it starts, as on a running server.
 */
import { performance } from 'node:perf_hooks';
import { acceptance } from '../lib/analysis/acceptance';
import { loadStoredSurvey } from '../lib/storage/datasetStore';
import { DatasetRegistry } from '../lib/storage/datasetRegistry';
import { openStoreFromEnv } from '../lib/storage/storeFromEnv';
import type { SurveyData } from '../lib/survey/dataset';

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
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let data: SurveyData;
  if (mode === 'columns') data = await new DatasetRegistry({ store: () => store }).load(id);
  else {
    const stored = await store.get(id);
    if (!stored) throw new Error(`no dataset ${id}`);
    data = loadStoredSurvey(stored);
  }
  const opened = performance.now();
  const rssOpened = process.memoryUsage().rss;
  const peakOpened = process.resourceUsage().maxRSS * 1024;
  const table = acceptance(data, { family: 'dataType', by: ['country'] });
  const ms = performance.now() - started;
  const openMs = opened - started;
  const rss = process.memoryUsage().rss;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ mode, ms, openMs, rssBefore, rssOpened, peakOpened, rss, peakRss, columnBytes: columnBytes(data), rows: data.rowCount, cells: table.cells.length }));
  await store.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
