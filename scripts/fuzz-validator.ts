/**
 * npm run fuzz [-- --seconds 60 --seed 12345]
 *
 * Fuzzes the upload validator and the codebook parser for a while: random bytes, mutations of
 * every valid fixture and study template (lib/ingest/testing/mutators.ts), random JSON and mutated
 * codebooks, each checked as lib/ingest/fuzz.test.ts checks them (lib/ingest/testing/checkUpload.ts
 * and checkCodebook.ts: no exception, well-formed reports, the same report from validateUpload,
 * ingestUpload and the streaming validator, data exactly when there is no error).
 *
 * Case i uses the generator seeded with (seed + i), so a failing case is replayed from the two
 * numbers printed with it. Prints cases per second and the distinct problem codes seen; any failing
 * input is written to a temporary folder with its seed, and the exit code is then 1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCodebook } from '../lib/ingest/testing/checkCodebook';
import { checkUpload } from '../lib/ingest/testing/checkUpload';
import { fuzzSeeds } from '../lib/ingest/testing/fuzzCorpus';
import { chunkSizes, mutate, mutateJson, randomBytes, randomJson, Rng } from '../lib/ingest/testing/mutators';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!(seconds > 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--seconds N] [--seed S]');
  process.exit(2);
}

const seeds = fuzzSeeds();
type Kind = 'random bytes' | 'mutated file' | 'random JSON' | 'mutated codebook';
interface Failure {
  case: number;
  kind: Kind;
  what: string;
  input: Uint8Array | string;
  failures: string[];
}

/** One case, fully determined by its index: the kind, the seed file and the input. */
function runCase(i: number, codes: Set<string>): Failure | null {
  const rng = new Rng(seed + i);
  const roll = rng.int(10);
  const base = seeds[rng.int(seeds.length)];
  if (roll < 2) {
    const bytes = randomBytes(rng, rng.pick([64, 512, 4096]));
    const check = checkUpload(bytes, base.codebook, chunkSizes(rng));
    check.codes.forEach((c) => codes.add(c));
    return check.failures.length ? { case: i, kind: 'random bytes', what: `with the ${base.name} codebook`, input: bytes, failures: check.failures } : null;
  }
  if (roll < 8) {
    const { bytes, steps } = mutate(base.bytes, rng);
    const check = checkUpload(bytes, base.codebook, chunkSizes(rng), { maxRows: rng.int(8) === 0 ? 2 : undefined });
    check.codes.forEach((c) => codes.add(c));
    return check.failures.length ? { case: i, kind: 'mutated file', what: `${base.name}: ${steps.join(', ')}`, input: bytes, failures: check.failures } : null;
  }
  const json = roll === 8 ? randomJson(rng, 4) : mutateJson(base.codebookJson, rng);
  const failures = checkCodebook(json, [base.bytes]);
  const kind: Kind = roll === 8 ? 'random JSON' : 'mutated codebook';
  return failures.length ? { case: i, kind, what: `${kind} (${base.name})`, input: JSON.stringify(json, null, 2), failures } : null;
}

const codes = new Set<string>();
const failures: Failure[] = [];
const perKind = new Map<string, number>();
const started = performance.now();
const deadline = started + seconds * 1000;
let cases = 0;
let lastReport = started;
console.log(`fuzzing the upload validator and the codebook parser for ${seconds} s, seed ${seed}`);
while (performance.now() < deadline) {
  const failure = runCase(cases, codes);
  cases++;
  if (failure) {
    failures.push(failure);
    perKind.set(failure.kind, (perKind.get(failure.kind) ?? 0) + 1);
    if (failures.length >= 20) break; // enough to go on; more would be the same bug again
  }
  const now = performance.now();
  if (now - lastReport > 10_000) {
    console.log(`  ${Math.round((now - started) / 1000)} s: ${cases} cases, ${codes.size} problem codes, ${failures.length} failing`);
    lastReport = now;
  }
}
const elapsed = (performance.now() - started) / 1000;

console.log(`\ncases:          ${cases} in ${elapsed.toFixed(1)} s (${Math.round(cases / elapsed)} cases/s)`);
console.log(`problem codes:  ${codes.size} distinct: ${[...codes].sort().join(', ')}`);
console.log(`failing cases:  ${failures.length}`);
if (failures.length === 0) process.exit(0);

const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-validator-'));
for (const f of failures) {
  const base = path.join(dir, `case-${f.case}`);
  writeFileSync(`${base}.${typeof f.input === 'string' ? 'json' : 'bin'}`, f.input);
  writeFileSync(`${base}.txt`, `seed ${seed}, case ${f.case} (generator seed ${seed + f.case})\n${f.kind}: ${f.what}\nreplay: npm run fuzz -- --seed ${seed} (case ${f.case})\n\n${f.failures.join('\n\n')}\n`);
  console.log(`\n[case ${f.case}] ${f.kind}: ${f.what}\n  ${f.failures[0].split('\n')[0]}`);
}
console.log(`\nfailing inputs and their seeds are in ${dir}`);
process.exit(1);
