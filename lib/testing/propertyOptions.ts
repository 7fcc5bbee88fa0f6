import type fc from 'fast-check';

/**
 * fast-check's run options for the property tests: a fixed seed per property so that CI is
 * deterministic, overridable from the environment to explore more of the input space:
 *
 *   FC_SEED=random npx vitest run lib/stats/invariants.property.test.ts   # a new seed each run
 *   FC_SEED=12345 ...                                                       # replay a printed seed
 *   FC_RUNS=5000 ...                                                        # more cases per property
 *
 * A failing property prints its seed and counterexample path; FC_SEED=<seed> reproduces it.
 */
export function propertyOptions<T>(seed: number, numRuns = 200): fc.Parameters<T> {
  const env = process.env.FC_SEED;
  const runs = Number(process.env.FC_RUNS) || numRuns;
  if (env === 'random') return { numRuns: runs };
  return { seed: env ? Number(env) : seed, numRuns: runs };
}
