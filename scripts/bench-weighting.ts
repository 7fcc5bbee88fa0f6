/**
 * npm run bench:weighting [-- --rows 1000000 --repeat 3]
 *
 * Rakes ROWS respondents on three margins (country 4 x gender 2 x age band 4 levels, associated with
 * each other so that raking needs several sweeps; base weights between 0.5 and 2) to targets that
 * differ from the sample, as R's rake(control = list(maxit = 100, epsilon = 1e-10)), and times in
 * one run:
 *  (a) this product: lib/stats/rake (the sweeps and the convergence check on the joint cells) and
 *      the report's weight summary (quantiles, CV, Kish base), the median of --repeat runs;
 *  (b) R's survey::rake() on the same respondents (the data read and the design made before the
 *      clock starts), when Rscript with the survey package is present; its weights are compared
 *      with ours.
 * A benchmark that prints figures, not a test.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Rng } from '../data/generate/random';
import { rake } from '../lib/stats/rake';
import { weightSummary } from '../lib/stats/weightSummary';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, repeat: { type: 'string', default: '3' } } });
const ROWS = Number(values.rows);
const REPEAT = Number(values.repeat);

const rng = new Rng(20260101);
const country = new Int32Array(ROWS);
const gender = new Int32Array(ROWS);
const age = new Int32Array(ROWS);
const base = new Float64Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  country[i] = rng.categorical([0.4, 0.3, 0.2, 0.1]);
  gender[i] = rng.categorical([0.4 + 0.05 * country[i], 0.6 - 0.05 * country[i]]);
  age[i] = rng.categorical(gender[i] === 0 ? [0.35, 0.3, 0.2, 0.15] : [0.15, 0.25, 0.3, 0.3]);
  base[i] = 0.5 + 1.5 * rng.uniform();
}
const total = base.reduce((s, w) => s + w, 0);
const TARGETS = { country: [0.25, 0.25, 0.25, 0.25], gender: [0.5, 0.5], age: [0.2, 0.3, 0.3, 0.2] };
const margins = [
  { codes: country, targets: TARGETS.country.map((p) => p * total) },
  { codes: gender, targets: TARGETS.gender.map((p) => p * total) },
  { codes: age, targets: TARGETS.age.map((p) => p * total) },
];

const raking: number[] = [];
const summarising: number[] = [];
let result = rake(base, margins, { maxit: 100, epsilon: 1e-10 });
for (let r = 0; r < REPEAT; r++) {
  const started = performance.now();
  result = rake(base, margins, { maxit: 100, epsilon: 1e-10 });
  const raked = performance.now();
  weightSummary(result.weights, base);
  raking.push(raked - started);
  summarising.push(performance.now() - raked);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');
const summary = weightSummary(result.weights, base);
console.log(`respondents: ${ROWS.toLocaleString('en')}; margins 4 x 2 x 4; converged: ${result.converged} in ${result.iterations} sweeps`);
console.log(`this product, raking (lib/stats/rake): median ${median(raking).toFixed(0)} ms of ${REPEAT} (${list(raking)} ms)`);
console.log(`this product, the report's weight summary (sort for the quantiles, CV, Kish base): median ${median(summarising).toFixed(0)} ms (${list(summarising)} ms); n_eff ${summary.effectiveBase.toFixed(0)}, efficiency ${(100 * summary.efficiency).toFixed(1)}%`);

async function withR() {
  if (spawnSync('Rscript', ['-e', 'suppressMessages(library(survey))']).status !== 0) return console.log('R with the survey package: not found, R\'s time not measured');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-weighting-'));
  try {
    const data = path.join(dir, 'data.csv');
    const out = createWriteStream(data);
    out.write('country,gender,age,w\n');
    for (let i = 0; i < ROWS; i += 10_000) {
      const lines: string[] = [];
      for (let j = i; j < Math.min(ROWS, i + 10_000); j++) lines.push(`${country[j]},${gender[j]},${age[j]},${base[j]}`);
      if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const script = path.join(dir, 'rake.R');
    writeFileSync(
      script,
      `suppressMessages(library(survey))
d <- read.csv("${data}", colClasses = c("factor", "factor", "factor", "numeric"))
des <- svydesign(ids = ~1, weights = ~w, data = d)
tot <- sum(d$w)
pop <- list(data.frame(country = factor(0:3), Freq = c(${TARGETS.country.join(',')}) * tot),
            data.frame(gender = factor(0:1), Freq = c(${TARGETS.gender.join(',')}) * tot),
            data.frame(age = factor(0:3), Freq = c(${TARGETS.age.join(',')}) * tot))
t <- system.time(r <- rake(des, list(~country, ~gender, ~age), pop, control = list(maxit = 100, epsilon = 1e-10)))
writeBin(as.numeric(weights(r)), "${path.join(dir, 'weights.bin')}", size = 8)
cat(t[["elapsed"]], "\\n")
`,
    );
    const run = spawnSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) return console.log(`R failed: ${run.stderr.slice(0, 400)}`);
    const seconds = Number(run.stdout.trim());
    const buffer = readFileSync(path.join(dir, 'weights.bin'));
    const rWeights = new Float64Array(buffer.buffer, buffer.byteOffset, ROWS);
    let worst = 0;
    for (let i = 0; i < ROWS; i++) worst = Math.max(worst, Math.abs(rWeights[i] - result.weights[i]) / rWeights[i]);
    console.log(`R ${spawnSync('Rscript', ['-e', 'cat(R.version$major, R.version$minor, as.character(packageVersion("survey")))'], { encoding: 'utf8' }).stdout.trim()} rake(): ${(seconds * 1000).toFixed(0)} ms (system.time, the rake() call alone); largest relative difference from ours ${worst.toExponential(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
withR().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
