import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The weighting CLI end to end, against R: `npm run weight` rakes survey_300.csv from its base
 * weight to the W1 margins (gender, age band, country), and `npm run analyze --targets` /
 * `--weights` analyse with the result. Expected values: lib/weighting/fixtures/weighting.R (R 4.2.2,
 * survey 4.1-1), W1:
 *   rake(svydesign(ids = ~1, weights = ~weight, data), list(~gender, ~age_band, ~country), pop,
 *        control = list(maxit = 100, epsilon = 1e-10))
 *   se         svymean(~y, subset(rdes, !is.na(y) & country == c))                  (calibrated)
 *   se_fixed   svymean(~y, subset(svydesign(ids = ~1, weights = ~wr, data), ...))   (fixed weights)
 */
const root = path.resolve(__dirname, '..');
const csv = path.join(root, 'lib/stats/fixtures/survey_300.csv');
const codebook = path.join(root, 'lib/weighting/fixtures/survey_300.codebook.json');
const R = JSON.parse(readFileSync(path.join(root, 'lib/weighting/fixtures/weighting_expected.json'), 'utf8')).W1 as {
  weights: number[];
  n_eff: number;
  deff: number;
  by_country: { item: string; level: string; p: number; se: number; se_fixed: number }[];
};
const scratch = mkdtempSync(path.join(tmpdir(), 'weight-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(scratch, name);
  writeFileSync(p, text);
  return p;
};
const targets = file('targets.json', JSON.stringify({ margins: { gender: { F: 0.49, M: 0.51 }, age_band: { '18-34': 0.3, '35-54': 0.35, '55+': 0.35 }, country: { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 } } }));

function run(script: string, ...args: string[]) {
  const done = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn')).join('\n') };
}
const close = (actual: number, expected: number, what: string, tol = 1e-9) => expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol);
type Cell = { key: { country: string }; share: number; se: number; se_fixed_weights: number };

describe('scripts/weight.ts and analyze --targets / --weights', { timeout: 120_000 }, () => {
  const out = path.join(scratch, 'weights.csv');

  it('writes R\'s raked weights (1e-9 relative) and prints the report', () => {
    const done = run('weight', '--data', csv, '--codebook', codebook, '--targets', targets, '--base-weight', 'weight', '--out', out);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    const report = JSON.parse(done.stdout);
    expect(report.converged).toBe(true);
    expect(report.sweeps).toBeGreaterThan(1);
    close(report.margins.country.FR.achieved, 0.3, 'FR achieved');
    close(report.margins.country.FR.target, 0.3, 'FR target');
    close(report.n_eff_kish, R.n_eff, 'n_eff', 1e-7);
    close(report.deff_kish, R.deff, 'deff');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,base_weight,raked_weight');
    expect(lines).toHaveLength(R.weights.length + 1);
    lines.slice(1).forEach((line, i) => {
      const [row, , raked] = line.split(',').map(Number);
      expect(row).toBe(i + 1);
      expect(Math.abs(raked - R.weights[i]) / R.weights[i]).toBeLessThan(1e-9);
    });
  });

  it('analyze --targets reports the calibrated SE with the fixed-weight SE beside it, as R', () => {
    const done = run('analyze', '--data', csv, '--codebook', codebook, '--targets', targets, '--base-weight', 'weight', '--by', 'country', '--item', 'item1');
    expect(done.stderr).toBe('');
    const table = JSON.parse(done.stdout);
    expect(table.weight.kind).toBe('raked');
    for (const e of R.by_country.filter((c) => c.item === 'item1')) {
      const cell = (table.cells as Cell[]).find((c) => c.key.country === e.level)!;
      close(cell.share, e.p, `${e.level} share`);
      close(cell.se, e.se, `${e.level} calibrated se`);
      close(cell.se_fixed_weights, e.se_fixed, `${e.level} fixed-weight se`);
    }
  });

  it('analyze --weights uses the file as fixed weights', () => {
    const done = run('analyze', '--data', csv, '--codebook', codebook, '--weights', out, '--by', 'country', '--item', 'item1');
    expect(done.stderr).toBe('');
    const table = JSON.parse(done.stdout);
    expect(table.weight.label.en).toBe('weights from weights.csv');
    for (const e of R.by_country.filter((c) => c.item === 'item1')) {
      const cell = (table.cells as Cell[]).find((c) => c.key.country === e.level)!;
      close(cell.share, e.p, `${e.level} share`);
      close(cell.se, e.se_fixed, `${e.level} se`);
    }
  });

  it('targets that do not fit are messages, exit 1', () => {
    const bad = file('bad.json', JSON.stringify({ margins: { gender: { F: 0.4, M: 0.5 }, country: { DE: 0.5, ES: 0.5 } } }));
    const done = run('weight', '--data', csv, '--codebook', codebook, '--targets', bad, '--out', path.join(scratch, 'no.csv'));
    expect(done.status).toBe(1);
    expect(done.stderr).toContain('add up to 90%, not 100%');
    expect(done.stderr).toContain('"ES" is not a level of Country');
  });
});
