import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The analyze CLI end to end: `npx tsx scripts/analyze.ts` on survey_2000.csv, a CSV the product has
 * never seen (/work/shared/oracle/example), with the hand-written codebook of lib/analysis/fixtures.
 * Expected numbers from R (Rscript /work/shared/oracle/oracle.R spec_survey_2000.json, see
 * lib/analysis/fixtures/survey_2000_expected.R).
 */

const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'lib/analysis/fixtures');
const csv = path.join(fixtures, 'survey_2000.csv');
const codebook = path.join(fixtures, 'survey_2000.codebook.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'analyze-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function analyze(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/analyze.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  // npm may add its own warnings to stderr; keep the script's lines only
  const stderr = run.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn')).join('\n');
  return { status: run.status, stdout: run.stdout, stderr };
}

const close = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-9);

// each run starts tsx (about 2 s; more on a busy machine)
describe('scripts/analyze.ts', { timeout: 90_000 }, () => {
  it('prints the acceptance table of item1 by country with the R values for FR', () => {
    const run = analyze('--data', csv, '--codebook', codebook, '--by', 'country', '--item', 'item1');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ dataset: 'survey-2000', synthetic: true, weighted: true, items: ['item1'], by: ['country'] });
    expect(out.cells.map((c: { key: { country: string } }) => c.key.country)).toEqual(['DE', 'FR', 'IT', 'PL']);
    const fr = out.cells.find((c: { key: { country: string } }) => c.key.country === 'FR');
    // R: svymean(~I(item1 %in% 4:5), subset(des, country=="FR")), des <- svydesign(ids=~1, weights=~weight, data=d[!is.na(d$item1),])
    expect(fr.n).toBe(569);
    close(fr.share, 0.309504358500039, 'FR share');
    close(fr.se, 0.0217216914997739, 'FR se');
    // R: sum(d$weight[d$country=="FR" & !is.na(d$item1)]); svyttest(y ~ I(country=="FR"), des)
    close(fr.sum_weights, 645.9447, 'FR sum_w');
    close(fr.vs_rest.diff, -0.129980011598848, 'FR vs rest diff');
    expect(fr.vs_rest.df).toBe(1946);
    expect(Math.abs(fr.vs_rest.p_value - 8.46302393459711e-07) / 8.46302393459711e-07).toBeLessThan(1e-7);
    // R: svymean(~I(item1 %in% 4:5), des)
    expect(out.overall.n).toBe(1948);
    close(out.overall.share, 0.40116181917312, 'overall share');
    close(out.overall.se, 0.0123230028206371, 'overall se');
  });

  it('an unknown --by exits non-zero and names the attributes that exist', () => {
    const run = analyze('--data', csv, '--codebook', codebook, '--by', 'region', '--item', 'item1');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/cannot group by "region"; choose from: country, gender, age_band/);
  });

  it('an unknown --item exits non-zero and names the items that exist', () => {
    const run = analyze('--data', csv, '--codebook', codebook, '--item', 'item9');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/unknown item "item9"; this dataset has: item1, item2, item3/);
  });

  it('a missing data or codebook file exits non-zero and says which', () => {
    const missing = path.join(scratch, 'no-such-file.csv');
    const data = analyze('--data', missing, '--codebook', codebook);
    expect(data.status).not.toBe(0);
    expect(data.stderr).toContain(`the --data file "${missing}" does not exist`);
    const cb = analyze('--data', csv, '--codebook', path.join(scratch, 'no-such-codebook.json'));
    expect(cb.status).not.toBe(0);
    expect(cb.stderr).toMatch(/the --codebook file ".*no-such-codebook\.json" does not exist/);
    const usage = analyze('--data', csv);
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toMatch(/^usage: npm run analyze -- --data FILE\.csv --codebook FILE\.json/);
  });

  it('a CSV with a code outside the scale exits non-zero, naming the row, column and value', () => {
    const lines = readFileSync(csv, 'utf8').split('\n');
    // row 3 (id 3): item1 is 4 in the original; make it 7
    const cells = lines[3].split(',');
    expect(cells[0]).toBe('3');
    cells[6] = '7';
    lines[3] = cells.join(',');
    const bad = path.join(scratch, 'bad_code.csv');
    writeFileSync(bad, lines.join('\n'));
    const run = analyze('--data', bad, '--codebook', codebook, '--by', 'country');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/The data cannot be read \(1 error\)/);
    expect(run.stderr).toMatch(/row 3, column "item1": "7" is not a code of the scale 1, 2, 3, 4, 5/);
  });
});
