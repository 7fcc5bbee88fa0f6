/**
 * npm run weight -- --data FILE.csv --codebook FILE.json --targets TARGETS.json
 *   [--base-weight COLUMN] [--bounds LO,HI] --out WEIGHTS.csv
 * Rakes the data to the targets as R's survey::rake() (with --bounds: calibrate(calfun = "raking",
 * bounds)), writes row,base_weight,raked_weight (row = 1-based data row) and prints the report as
 * JSON: converged, sweeps, the margins with target and achieved shares, the weight summary,
 * n_eff_kish, deff_kish. TARGETS.json: {"margins": {"country": {"NL": 0.3, ...}, ...}} with shares
 * (or totals with "type": "total"), keyed by the codebook's attribute ids and codes.
 * Targets that do not fit, or raking that does not converge: the problems on stderr, exit 1.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCodebookFile } from '../lib/storage/referenceDatasets';
import { DatasetError, loadSurveyFromCsv } from '../lib/survey/dataset';
import { baseWeightValues } from '../lib/survey/weights';
import { baseIdFor, parseBounds, rakeToTargetsFile, reportJson, weightsCsv, withBaseColumn } from '../lib/weighting/files';
import { WeightingError } from '../lib/weighting/problems';

function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      codebook: { type: 'string' },
      targets: { type: 'string' },
      'base-weight': { type: 'string' },
      bounds: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.data || !values.codebook || !values.targets || !values.out) {
    console.error('usage: npm run weight -- --data FILE.csv --codebook FILE.json --targets TARGETS.json [--base-weight COLUMN] [--bounds LO,HI] --out WEIGHTS.csv');
    process.exit(values.help ? 0 : 2);
  }
  for (const option of ['data', 'codebook', 'targets'] as const)
    if (!existsSync(values[option]!)) throw new Error(`the --${option} file "${values[option]}" does not exist`);
  const baseColumn = values['base-weight'];
  const data = loadSurveyFromCsv(withBaseColumn(readCodebookFile(values.codebook), baseColumn), readFileSync(values.data, 'utf8'));
  const base = baseIdFor(baseColumn);
  const outcome = rakeToTargetsFile(data, readFileSync(values.targets, 'utf8'), { base, bounds: parseBounds(values.bounds) });
  if (!outcome.ok) {
    if (outcome.report) process.stdout.write(JSON.stringify(reportJson(outcome.report, outcome.problems.map((p) => p.message.en)), null, 2) + '\n');
    throw new WeightingError(outcome.problems);
  }
  writeFileSync(values.out, weightsCsv(baseWeightValues(data, base), outcome.weights));
  process.stdout.write(JSON.stringify(reportJson(outcome.report), null, 2) + '\n');
}

try {
  main();
} catch (error) {
  if (error instanceof WeightingError) {
    for (const p of error.problems) console.error(`weight: ${p.message.en}`);
    process.exit(1);
  }
  if (error instanceof DatasetError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`weight: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
