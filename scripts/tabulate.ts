/**
 * npm run tabulate -- --data FILE.csv --codebook FILE.json --rows FAMILY|item,item|answers:item
 *   --banner attr[,attr][,outer>inner] [--weights WEIGHTS.csv [--weight-column NAME]] [--alpha 0.05,0.01]
 *   [--correction bh|none] [--min-base N] [--small warn|suppress] [--filter attr=code[,code]]...
 *   [--lang en|nl] [--format json|xlsx|csv] [--out FILE]
 * A banner table (or, without --rows, the tab book: every item family by the banner) of any CSV and
 * codebook. JSON: every cell with n, weighted n, effective n, share, SE and letters, and every pair
 * of columns with its test { row, banner, a, b, diff, se, t, df, p, p_adjusted }.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError, loadSurveyFromCsv } from '../lib/survey/dataset';
import { readCodebookFile } from '../lib/storage/referenceDatasets';
import { parseBanner } from '../lib/tables/banner';
import { crossTable } from '../lib/tables/crossTable';
import { tabBookCsv } from '../lib/tables/csv';
import { crossTableJson } from '../lib/tables/json';
import { type CrossTable, type TableRows, TableError } from '../lib/tables/model';
import { tabBook } from '../lib/tables/tabBook';
import { weightsFromCsv } from '../lib/tables/weightsFile';
import { tabBookXlsx, tableXlsx } from '../lib/tables/xlsx';
import type { SurveyData } from '../lib/survey/dataset';

const USAGE =
  'usage: npm run tabulate -- --data FILE.csv --codebook FILE.json [--rows FAMILY|item,item|answers:item] --banner attr[,attr][,outer>inner] [--weights WEIGHTS.csv [--weight-column NAME]] [--alpha 0.05,0.01] [--correction bh|none] [--min-base N] [--small warn|suppress] [--filter attr=code[,code]] [--lang en|nl] [--format json|xlsx|csv] [--out FILE]';

class UsageError extends Error {}

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** FAMILY (a family id), item,item (items), or answers:item. */
function rowsOf(data: SurveyData, text: string): TableRows {
  if (text.startsWith('answers:')) return { kind: 'answers', item: text.slice('answers:'.length) };
  if (!text.includes(',') && data.codebook.families.some((f) => f.id === text)) return { kind: 'family', family: text };
  if (!text.includes(',') && !data.items.has(text))
    throw new UsageError(`--rows "${text}" is neither an item family (${data.codebook.families.map((f) => f.id).join(', ')}) nor an item of this dataset`);
  return { kind: 'items', items: list(text) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      codebook: { type: 'string' },
      rows: { type: 'string' },
      banner: { type: 'string', default: '' },
      weights: { type: 'string' },
      'weight-column': { type: 'string' },
      alpha: { type: 'string', default: '0.05,0.01' },
      correction: { type: 'string', default: 'bh' },
      'min-base': { type: 'string', default: '30' },
      small: { type: 'string', default: 'warn' },
      filter: { type: 'string', multiple: true },
      lang: { type: 'string', default: 'en' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.data || !values.codebook) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  for (const option of ['data', 'codebook', 'weights'] as const)
    if (values[option] !== undefined && !existsSync(values[option]!)) throw new UsageError(`the --${option} file "${values[option]}" does not exist`);
  const { correction, small, lang, format } = values;
  if (correction !== 'bh' && correction !== 'none') throw new UsageError(`--correction must be bh or none, not "${correction}"`);
  if (small !== 'warn' && small !== 'suppress') throw new UsageError(`--small must be warn or suppress, not "${small}"`);
  if (lang !== 'en' && lang !== 'nl') throw new UsageError(`--lang must be en or nl, not "${lang}"`);
  if (format !== 'json' && format !== 'xlsx' && format !== 'csv') throw new UsageError(`--format must be json, xlsx or csv, not "${format}"`);
  if (format === 'xlsx' && !values.out) throw new UsageError('--format xlsx writes a file: give --out FILE.xlsx');
  const alpha = list(values.alpha).map(Number);
  const minBase = Number(values['min-base']);
  if (!Number.isInteger(minBase) || minBase < 0) throw new UsageError(`--min-base must be a whole number >= 0, not "${values['min-base']}"`);
  const filter: Record<string, string[]> = {};
  for (const f of values.filter ?? []) {
    const [attribute, codes] = f.split('=');
    if (!attribute || !codes) throw new UsageError(`--filter must look like attr=code[,code], not "${f}"`);
    filter[attribute] = list(codes);
  }

  const codebook = readCodebookFile(values.codebook);
  const data = loadSurveyFromCsv(codebook, readFileSync(values.data, 'utf8'));
  const spec = {
    banner: parseBanner(values.banner!),
    weighting: values.weights ? weightsFromCsv(data, readFileSync(values.weights, 'utf8'), values['weight-column']) : undefined,
    filter,
    minBase,
    alpha,
    correction: correction as 'bh' | 'none',
    smallCells: small as 'warn' | 'suppress',
  };
  const tables: CrossTable[] = values.rows ? [crossTable(data, { ...spec, rows: rowsOf(data, values.rows) })] : tabBook(data, spec);
  const context = { datasetName: codebook.title };
  let output: string | Buffer;
  if (format === 'xlsx') output = values.rows ? await tableXlsx(tables[0], lang, context) : await tabBookXlsx(tables, lang, context);
  else if (format === 'csv') output = tabBookCsv(tables, lang);
  else output = `${JSON.stringify(values.rows ? crossTableJson(tables[0]) : { tables: tables.map(crossTableJson) }, null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, output);
    console.error(`tabulate: wrote ${tables.length} table${tables.length === 1 ? '' : 's'} to ${path.resolve(values.out)}`);
  } else process.stdout.write(output);
}

main().catch((error: unknown) => {
  if (error instanceof DatasetError || error instanceof UsageError || error instanceof TableError || (error instanceof Error && error.name === 'QueryError')) {
    console.error(`tabulate: ${error.message}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
});
