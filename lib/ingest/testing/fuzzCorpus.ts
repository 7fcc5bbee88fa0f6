import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCodebook, type Codebook } from '../../survey/codebook';

/**
 * What the fuzzers start from: the valid upload fixtures and a file shaped like each study
 * template (header and first rows of the reference data), each with its codebook.
 */
export interface Seed {
  name: string;
  bytes: Uint8Array;
  codebook: Codebook;
  codebookJson: unknown;
}

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file));

function codebookAt(file: string): { codebook: Codebook; codebookJson: unknown } {
  const codebookJson: unknown = JSON.parse(read(file).toString('utf8'));
  const parsed = parseCodebook(codebookJson);
  if (!parsed.ok) throw new Error(`${file} is not a valid codebook`);
  return { codebook: parsed.codebook, codebookJson };
}

/** The first `lines` lines of a file (a template: header and example rows). */
function head(file: string, lines: number): Uint8Array {
  const text = read(file).toString('utf8').split('\n').slice(0, lines).join('\n');
  return new TextEncoder().encode(`${text}\n`);
}

/** Fixtures the validator accepts (no errors), which mutations then break in every way. */
const VALID_FIXTURES = ['bom.csv', 'tab.tsv', 'quoted-newlines.csv', 'single-row.csv'];

export function fuzzSeeds(): Seed[] {
  const fixtures = codebookAt('lib/ingest/fixtures/upload.codebook.json');
  const available = new Set(readdirSync(path.join(root, 'lib/ingest/fixtures')));
  return [
    ...VALID_FIXTURES.filter((f) => available.has(f)).map((f) => ({ name: f, bytes: new Uint8Array(read(`lib/ingest/fixtures/${f}`)), ...fixtures })),
    { name: 'study-g template', bytes: head('data/study-g.csv', 6), ...codebookAt('data/study-g.codebook.json') },
    { name: 'study-p template', bytes: head('data/study-p.csv', 6), ...codebookAt('data/study-p.codebook.json') },
  ];
}
