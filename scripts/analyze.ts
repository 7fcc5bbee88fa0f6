/**
 * npm run analyze -- --data FILE.csv --codebook FILE.json [--by attr[,attr]] [--item id[,id]]
 *   [--family id] [--filter attr=code[,code]]... [--outcome code[,code]] [--min-base 30]
 *   [--targets TARGETS.json [--base-weight COLUMN] [--bounds LO,HI] | --weights WEIGHTS.csv]
 * Prints the acceptance table as JSON: every cell with n, effective n, sum of weights, share, SE,
 * interval and the test against the rest. Works on any CSV + codebook. With --targets the data are
 * raked first (as npm run weight) and `se` is the raked design's calibrated SE (svymean on the
 * rake()d design), `se_fixed_weights` the SE with the raked weights as fixed weights; with
 * --weights (a file npm run weight wrote) the raked_weight column is used as fixed weights (the
 * file holds no targets, so both SEs are the fixed-weight one). Without either: the codebook's weight.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { acceptance } from '../lib/analysis/acceptance';
import { tableJson } from '../lib/analysis/tableJson';
import { DatasetError, loadSurveyFromCsv } from '../lib/survey/dataset';
import { readCodebookFile } from '../lib/storage/referenceDatasets';
import type { SurveyData } from '../lib/survey/dataset';
import { baseIdFor, parseBounds, rakeToTargetsFile, readWeightsCsv, usingWeights, withBaseColumn } from '../lib/weighting/files';
import { WeightingError } from '../lib/weighting/problems';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** The dataset with the weights --targets or --weights give (else as loaded: the codebook's weight). */
function weighted(data: SurveyData, values: { targets?: string; weights?: string; 'base-weight'?: string; bounds?: string }): SurveyData {
  if (values.weights) return usingWeights(data, readWeightsCsv(readFileSync(values.weights, 'utf8'), data.rowCount), `weights from ${path.basename(values.weights)}`);
  if (!values.targets) return data;
  const outcome = rakeToTargetsFile(data, readFileSync(values.targets, 'utf8'), { base: baseIdFor(values['base-weight']), bounds: parseBounds(values.bounds) });
  if (!outcome.ok) throw new WeightingError(outcome.problems);
  return usingWeights(data, outcome.weights, `raked to ${path.basename(values.targets)}`, outcome.spec);
}

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
      targets: { type: 'string' },
      weights: { type: 'string' },
      'base-weight': { type: 'string' },
      bounds: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.data || !values.codebook) {
    console.error('usage: npm run analyze -- --data FILE.csv --codebook FILE.json [--by attr[,attr]] [--item id[,id]] [--family id] [--filter attr=code[,code]] [--outcome code[,code]] [--min-base N] [--targets TARGETS.json [--base-weight COLUMN] [--bounds LO,HI] | --weights WEIGHTS.csv]');
    process.exit(values.help ? 0 : 2);
  }
  for (const option of ['data', 'codebook', 'targets', 'weights'] as const)
    if (values[option] !== undefined && !existsSync(values[option]!)) throw new Error(`the --${option} file "${values[option]}" does not exist`);
  if (values.targets && values.weights) throw new Error('give --targets (rake here) or --weights (weights raked before), not both');
  const baseColumn = values['base-weight'];
  const codebook = withBaseColumn(readCodebookFile(values.codebook), values.targets ? baseColumn : undefined);
  const data = weighted(loadSurveyFromCsv(codebook, readFileSync(values.data, 'utf8')), values);
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
  if (error instanceof WeightingError) {
    for (const p of error.problems) console.error(`analyze: ${p.message.en}`);
    process.exit(1);
  }
  if (error instanceof DatasetError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`analyze: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
