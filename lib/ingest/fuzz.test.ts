import { describe, expect, it } from 'vitest';
import { ingestUpload } from './validator';
import { checkCodebook } from './testing/checkCodebook';
import { checkUpload } from './testing/checkUpload';
import { fuzzSeeds } from './testing/fuzzCorpus';
import { chunkSizes, mutate, mutateJson, randomBytes, randomJson, Rng } from './testing/mutators';

/**
 * A bounded, deterministic fuzz run of the upload validator and the codebook parser: random bytes
 * and mutations of every valid fixture and study template must give a well-formed report from
 * validateUpload, ingestUpload and the streaming validator alike (never an exception), the same
 * report from all three, and data exactly when there is no error (lib/ingest/testing/checkUpload.ts).
 * `npm run fuzz -- --seconds N --seed S` runs the same checks for as long as asked.
 */
const SEED = 20261124;
const RANDOM_INPUTS = 300;
const MUTATIONS_PER_SEED = 300;
const seeds = fuzzSeeds();

describe('fuzzing the upload validator', () => {
  it('the seeds are valid files, ingested into data', () => {
    for (const s of seeds) {
      const { report, data } = ingestUpload(s.bytes, { codebook: s.codebook });
      expect(report.problems.filter((p) => p.type === 'error'), s.name).toEqual([]);
      expect(data?.rowCount, s.name).toBe(report.rowCount);
    }
  });

  it(`${RANDOM_INPUTS} random byte strings`, () => {
    const rng = new Rng(SEED);
    for (let i = 0; i < RANDOM_INPUTS; i++) {
      const bytes = randomBytes(rng, 256);
      const { failures } = checkUpload(bytes, seeds[i % seeds.length].codebook, chunkSizes(rng));
      expect(failures, `random input ${i}: ${JSON.stringify(Array.from(bytes))}`).toEqual([]);
    }
  });

  for (const [k, seed] of seeds.entries())
    it(`${MUTATIONS_PER_SEED} mutations of ${seed.name}`, () => {
      const rng = new Rng(SEED + 1 + k);
      const codes = new Set<string>();
      for (let i = 0; i < MUTATIONS_PER_SEED; i++) {
        const { bytes, steps } = mutate(seed.bytes, rng);
        const check = checkUpload(bytes, seed.codebook, chunkSizes(rng), { maxRows: rng.int(4) === 0 ? 2 : undefined });
        check.codes.forEach((c) => codes.add(c));
        expect(check.failures, `mutation ${i} (${steps.join(', ')}) of ${seed.name}: ${JSON.stringify(new TextDecoder().decode(bytes))}`).toEqual([]);
      }
      // The mutations do reach the checks: more than one kind of problem was reported.
      expect(codes.size).toBeGreaterThan(3);
    });
});

describe('fuzzing the codebook parser', () => {
  const files = seeds.slice(0, 1).map((s) => s.bytes);
  it('random JSON values are refused with problems, never an exception', () => {
    const rng = new Rng(SEED);
    for (let i = 0; i < 300; i++) {
      const value = randomJson(rng, 4);
      expect(checkCodebook(value, files), JSON.stringify(value)).toEqual([]);
    }
  });

  for (const [k, seed] of seeds.entries())
    if (k === 0 || seed.name.includes('template'))
      it(`mutations of the ${seed.name} codebook are refused with problems or ingest a file without an exception`, () => {
        const rng = new Rng(SEED + 100 + k);
        for (let i = 0; i < 150; i++) {
          const value = mutateJson(seed.codebookJson, rng);
          expect(checkCodebook(value, [seed.bytes]), `mutation ${i}`).toEqual([]);
        }
      });
});
