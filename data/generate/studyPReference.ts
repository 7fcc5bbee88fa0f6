/**
 * The study P reference sample: both waves, intercepts calibrated so that every published figure
 * (P1-P11, P1b) holds on the weighted data, then checked (the generator throws if one is missed).
 */
import { solveThreshold } from './calibrate';
import { ShareAcc, assertChecks, kishDeff, pct, type TargetCheck } from './checks';
import { logit } from './random';
import { P1_BY_COUNTRY, P_COUNTRIES, P_ITEMS, P_SEED, pEta, samplePWave, type PAnswers, type PWave } from './studyP';

const YES = 1;
const NO = 2;
const P5 = P_ITEMS.findIndex((d) => d.id === 'p5_too_personal');
const P6 = P_ITEMS.findIndex((d) => d.id === 'p6_info_not_shared');

export interface PCalibrated {
  /** Per wave: P1 intercept per country. */
  p1ByCountry: Record<string, number[]>;
  /** Wave 2018: intercept per item (P1 excluded). */
  intercept: Record<string, number>;
}

export interface StudyPReference {
  waves: { wave: PWave; answers: PAnswers }[];
  params: PCalibrated;
  checks: TargetCheck[];
}

/** Calibrates one intercept for rows `rows` of item j, answers them, returns the intercept. */
function calibrateItem(w: PWave, answers: PAnswers, j: number, rows: number[], target: number): number {
  const t = rows.map((i) => logit(w.draws[i * w.drawsPerRow + j]) - pEta(w, i, j));
  const theta = solveThreshold(
    t,
    rows.map((i) => w.weight[i]),
    target,
  ).theta;
  rows.forEach((i, m) => (answers[j][i] = theta > t[m] ? YES : NO));
  return theta;
}

export function buildStudyPReference(seed = P_SEED): StudyPReference {
  const params: PCalibrated = { p1ByCountry: {}, intercept: {} };
  const waves = [0, 1].map((wi) => {
    const w = samplePWave(wi, seed);
    const answers: PAnswers = P_ITEMS.map(() => new Uint8Array(w.n));
    const byCountry = P_COUNTRIES.map((_, c) => {
      const rows: number[] = [];
      for (let i = 0; i < w.n; i++) if (w.country[i] === c) rows.push(i);
      return rows;
    });
    params.p1ByCountry[w.wave] = byCountry.map((rows, c) => calibrateItem(w, answers, 0, rows, P1_BY_COUNTRY[w.wave][c]));
    if (w.wave === '2018') {
      const everyone = Array.from({ length: w.n }, (_, i) => i);
      for (let j = 1; j < P_ITEMS.length; j++) {
        const rows = j === P6 ? everyone.filter((i) => answers[P5][i] === YES) : everyone;
        params.intercept[P_ITEMS[j].id] = calibrateItem(w, answers, j, rows, P_ITEMS[j].target);
      }
    }
    return { wave: w, answers };
  });
  const checks = checkStudyP(waves);
  assertChecks('study P', checks);
  return { waves, params, checks };
}

/** Every study P target of the brief, with plain weighted sums. */
export function checkStudyP(waves: { wave: PWave; answers: PAnswers }[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (id: string, what: string, required: string, achieved: string, ok: boolean) => checks.push({ id, what, required, achieved, ok });
  const w18 = waves.find((x) => x.wave.wave === '2018')!;
  const w17 = waves.find((x) => x.wave.wave === '2017')!;
  const share = (x: { wave: PWave; answers: PAnswers }, j: number, f: (i: number) => boolean = () => true) => {
    const acc = new ShareAcc();
    const col = x.answers[j];
    for (let i = 0; i < x.wave.n; i++) if (col[i] !== 0 && f(i)) acc.add(x.wave.weight[i], col[i] === YES);
    return acc;
  };
  const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11'];
  P_ITEMS.forEach((def, j) => {
    const acc = share(w18, j);
    add(ids[j], `${def.id} (wave 2018${j === P6 ? ', among P5 yes' : ''}), share yes`, `${(100 * def.target).toFixed(2)} ± 0.25`, pct(acc.share), Math.abs(acc.share - def.target) <= 0.0025);
  });
  const p1b = share(w17, 0).share;
  add('P1b', 'p1_left_poorly_curated, wave 2017', '40.00 ± 0.25', pct(p1b), Math.abs(p1b - 0.4) <= 0.0025);
  const rises = P_COUNTRIES.map((_, c) => share(w18, 0, (i) => w18.wave.country[i] === c).share - share(w17, 0, (i) => w17.wave.country[i] === c).share);
  add('P1b regions', 'P1 2018 - 2017 in every country', '>= 6 pp each', P_COUNTRIES.map((c, k) => `${c} +${pct(rises[k], 1)}`).join(', '), rises.every((d) => d >= 0.06));

  // Blank structure: 2017 only P1; P6 exactly for P5 = yes.
  let blankOk = true;
  for (let i = 0; i < w17.wave.n; i++) for (let j = 1; j < P_ITEMS.length; j++) if (w17.answers[j][i] !== 0) blankOk = false;
  for (let i = 0; i < w18.wave.n; i++) {
    if ((w18.answers[P6][i] !== 0) !== (w18.answers[P5][i] === YES)) blankOk = false;
    for (let j = 0; j < P_ITEMS.length; j++) if (j !== P6 && w18.answers[j][i] === 0) blankOk = false;
  }
  add('blanks', '2017: only P1 asked; P6 asked exactly when P5 = yes', 'exact', blankOk ? 'exact' : 'violated', blankOk);
  for (const x of waves) {
    const deff = kishDeff(x.wave.weight);
    add(`deff ${x.wave.wave}`, 'Kish design effect of the weights', '1.05-1.5', deff.toFixed(3), deff >= 1.05 && deff <= 1.5);
  }
  return checks;
}
