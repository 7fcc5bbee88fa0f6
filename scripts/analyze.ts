/**
 * npm run analyze -- --data FILE.csv --codebook FILE.json [--by attr[,attr]] [--item id[,id]]
 *   [--family id] [--filter attr=code[,code]]... [--outcome code[,code]] [--min-base 30]
 * Prints the acceptance table as JSON: every cell with n, effective n, sum of weights, share, SE,
 * interval and the test against the rest. Works on any CSV + codebook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { acceptance } from '../lib/analysis/acceptance';
import { tableJson } from '../lib/analysis/tableJson';
import { DatasetError, loadSurveyFromCsv } from '../lib/survey/dataset';
import { readCodebookFile } from '../lib/storage/referenceDatasets';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      codebook: { type: 'string' },
      by: { type: 'string' },
      item: { type: 'string', multiple: true },
      family: { type: 'string' },
      filter: { type: 'string', multiple: true },
      outcome: { type: 'string' },
      'min-base': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.data || !values.codebook) {
    console.error('usage: npm run analyze -- --data FILE.csv --codebook FILE.json [--by attr[,attr]] [--item id[,id]] [--family id] [--filter attr=code[,code]] [--outcome code[,code]] [--min-base N]');
    process.exit(values.help ? 0 : 2);
  }
  for (const option of ['data', 'codebook'] as const)
    if (!existsSync(values[option]!)) throw new Error(`the --${option} file "${values[option]}" does not exist`);
  const codebook = readCodebookFile(values.codebook);
  const data = loadSurveyFromCsv(codebook, readFileSync(values.data, 'utf8'));
  const filter: Record<string, string[]> = {};
  for (const f of values.filter ?? []) {
    const [attribute, codes] = f.split('=');
    if (!attribute || !codes) throw new Error(`--filter must look like attr=code[,code], not "${f}"`);
    filter[attribute] = list(codes)!;
  }
  const items = values.item?.flatMap((v) => list(v) ?? []);
  const by = list(values.by);
  // Without --by, each item gets its own row; with a single --item, the item is implied.
  const grouping = by ?? (items?.length === 1 ? [] : ['item']);
  const minBase = values['min-base'] === undefined ? undefined : Number(values['min-base']);
  const table = acceptance(data, { items, family: values.family, filter, by: grouping, outcome: list(values.outcome), minBase });
  process.stdout.write(JSON.stringify(tableJson(table), null, 2) + '\n');
}

try {
  main();
} catch (error) {
  if (error instanceof DatasetError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`analyze: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
