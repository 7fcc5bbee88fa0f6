/**
 * Study P (Accenture Interactive Personalization Pulse Check 2018): synthetic respondents.
 * Two waves of 8,000 (2018, the published study; 2017, the previous edition, asked only P1).
 * Every number here that is not a published figure is an assumption, listed in ASSUMPTIONS.md.
 */
import { rake } from '../../lib/stats/rake';
import { Rng } from './random';
import { AGE_BANDS, GENDERS, WEIGHT_DECIMALS, roundWeight } from './studyG';

export const P_COUNTRIES = ['CA', 'FR', 'DE', 'IT', 'JP', 'ES', 'UK', 'US'] as const;
/** Row order: wave 2018 (P00001-P08000), then wave 2017. */
export const P_WAVES = ['2018', '2017'] as const;
export const P_PER_COUNTRY = 1000;

export interface PItemDef {
  id: string;
  family: 'pulse' | 'tactic';
  tactic?: 'creepy' | 'valued';
  /** Published share of "yes" (wave 2018; P6 among P5 = yes). P1 is calibrated per country instead. */
  target: number;
  effects: {
    country: number[];
    gender: number[];
    age: number[];
    /** Loadings on the respondent's latent privacy concern and digital engagement (both N(0,1)). */
    privacy: number;
    engage: number;
  };
}

const C0 = [0, 0, 0, 0, 0, 0, 0, 0];
export const P_ITEMS: PItemDef[] = [
  { id: 'p1_left_poorly_curated', family: 'pulse', target: 0.48, effects: { country: C0, gender: [0, 0], age: [0.25, 0.05, -0.2], privacy: 0, engage: 0.3 } },
  { id: 'p2_prefer_recognising_brands', family: 'pulse', target: 0.91, effects: { country: [0, -0.1, -0.1, 0.1, -0.3, 0.1, 0.1, 0.2], gender: [0.05, -0.05], age: [0.15, 0.05, -0.15], privacy: -0.2, engage: 0.6 } },
  { id: 'p3_share_if_transparent', family: 'pulse', target: 0.83, effects: { country: [0, -0.1, -0.3, 0.15, -0.3, 0.2, 0, 0.2], gender: [0, 0], age: [0.2, 0.05, -0.2], privacy: -0.5, engage: 0.3 } },
  { id: 'p4_keep_profile', family: 'pulse', target: 0.75, effects: { country: [0, 0, -0.2, 0.1, -0.2, 0.2, 0, 0.1], gender: [0, 0], age: [0.15, 0.05, -0.1], privacy: -0.2, engage: 0.4 } },
  { id: 'p5_too_personal', family: 'pulse', target: 0.27, effects: { country: [0, 0, 0, 0, -0.3, 0, 0.1, 0.2], gender: [0, 0], age: [0.3, 0.05, -0.3], privacy: 0.6, engage: 0.3 } },
  { id: 'p6_info_not_shared', family: 'pulse', target: 0.64, effects: { country: C0, gender: [0, 0], age: [0, 0, 0], privacy: 0.5, engage: 0 } },
  { id: 'p7_creepy_text_passing_store', family: 'tactic', tactic: 'creepy', target: 0.41, effects: { country: [0, 0.1, 0.2, 0, 0.1, -0.05, 0, -0.1], gender: [0.15, -0.15], age: [-0.2, 0, 0.2], privacy: 0.7, engage: 0 } },
  { id: 'p8_creepy_message_after_store', family: 'tactic', tactic: 'creepy', target: 0.4, effects: { country: [0, 0.1, 0.2, 0, 0.1, -0.05, 0, -0.1], gender: [0.15, -0.15], age: [-0.15, 0, 0.15], privacy: 0.7, engage: 0 } },
  { id: 'p9_creepy_social_ads', family: 'tactic', tactic: 'creepy', target: 0.35, effects: { country: [0, 0.05, 0.15, 0, 0, 0, 0, -0.05], gender: [0.05, -0.05], age: [-0.25, 0, 0.2], privacy: 0.6, engage: -0.1 } },
  { id: 'p10_valued_apology_email', family: 'tactic', tactic: 'valued', target: 0.45, effects: { country: [0.1, 0, -0.1, 0.1, -0.2, 0.1, 0.05, 0.1], gender: [0.1, -0.1], age: [0, 0, 0.1], privacy: 0, engage: 0.5 } },
  { id: 'p11_valued_apology_website', family: 'tactic', tactic: 'valued', target: 0.41, effects: { country: [0.1, 0, -0.1, 0.1, -0.2, 0.1, 0.05, 0.1], gender: [0.1, -0.1], age: [0, 0, 0.1], privacy: 0, engage: 0.5 } },
];

/**
 * P1 by country and wave (assumption: no per-country value was published). The 2018 values average
 * 48 and the 2017 values average 40 (countries have equal weight totals), and every country rises
 * by at least 7 pp ("toegenomen in elke regio").
 */
export const P1_BY_COUNTRY: Record<(typeof P_WAVES)[number], number[]> = {
  //      CA    FR    DE    IT    JP    ES    UK    US
  '2018': [0.47, 0.44, 0.43, 0.52, 0.41, 0.53, 0.48, 0.56],
  '2017': [0.39, 0.37, 0.36, 0.43, 0.34, 0.44, 0.4, 0.47],
};

/** Sample skews (assumptions) corrected by raking, per country in P_COUNTRIES order. */
export const P_SAMPLE = {
  femaleShare: [0.53, 0.52, 0.51, 0.53, 0.5, 0.52, 0.54, 0.55],
  ageShares: [
    [0.35, 0.31, 0.34],
    [0.34, 0.32, 0.34],
    [0.33, 0.31, 0.36],
    [0.36, 0.33, 0.31],
    [0.3, 0.32, 0.38],
    [0.37, 0.33, 0.3],
    [0.36, 0.3, 0.34],
    [0.38, 0.29, 0.33],
  ],
};

/** Raking margins within each wave (assumption: pooled adult population of the eight countries). */
export const P_MARGINS = {
  gender: [0.51, 0.49],
  age: [0.27, 0.25, 0.48],
  country: P_COUNTRIES.map(() => 1 / P_COUNTRIES.length),
};

export interface PWave {
  wave: (typeof P_WAVES)[number];
  n: number;
  country: Uint8Array;
  gender: Uint8Array;
  age: Uint8Array;
  privacy: Float64Array;
  engage: Float64Array;
  weight: Float64Array;
  /** Outcome uniforms: P_ITEMS.length per row in 2018, 1 (P1 only) in 2017. */
  draws: Float64Array;
  drawsPerRow: number;
}

export const P_SEED = 20180416;

/** Samples one wave (streams 2w and 2w+1 of the seed) and rakes its weights. */
export function samplePWave(waveIndex: number, seed = P_SEED): PWave {
  const wave = P_WAVES[waveIndex];
  const n = P_COUNTRIES.length * P_PER_COUNTRY;
  const rng = new Rng(seed, 2 * waveIndex);
  const w: PWave = {
    wave,
    n,
    country: new Uint8Array(n),
    gender: new Uint8Array(n),
    age: new Uint8Array(n),
    privacy: new Float64Array(n),
    engage: new Float64Array(n),
    weight: new Float64Array(n),
    drawsPerRow: wave === '2018' ? P_ITEMS.length : 1,
    draws: new Float64Array(0),
  };
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / P_PER_COUNTRY);
    w.country[i] = c;
    w.gender[i] = rng.uniform() < P_SAMPLE.femaleShare[c] ? 0 : 1;
    w.age[i] = rng.categorical(P_SAMPLE.ageShares[c]);
    w.privacy[i] = rng.normal();
    w.engage[i] = rng.normal();
  }
  const res = rake(
    new Float64Array(n).fill(1),
    [
      { codes: w.gender, targets: P_MARGINS.gender.map((s) => s * n) },
      { codes: w.age, targets: P_MARGINS.age.map((s) => s * n) },
      { codes: w.country, targets: P_MARGINS.country.map((s) => s * n) },
    ],
    { maxit: 100, epsilon: 1e-10 },
  );
  if (!res.converged) throw new Error(`study P wave ${wave}: raking did not converge`);
  for (let i = 0; i < n; i++) w.weight[i] = roundWeight(res.weights[i]);
  const out = new Rng(seed, 2 * waveIndex + 1);
  w.draws = new Float64Array(n * w.drawsPerRow);
  for (let k = 0; k < w.draws.length; k++) w.draws[k] = out.uniform();
  return w;
}

/** The non-calibrated part of item j's linear predictor for row i. */
export function pEta(w: PWave, i: number, j: number): number {
  const e = P_ITEMS[j].effects;
  return e.country[w.country[i]] + e.gender[w.gender[i]] + e.age[w.age[i]] + e.privacy * w.privacy[i] + e.engage * w.engage[i];
}

/** Answers of one wave: per item, 0 = blank, 1 = yes, 2 = no. */
export type PAnswers = Uint8Array[];

export const P_COLUMNS = ['respondent_id', 'wave', 'country', 'gender', 'age_band', 'weight', ...P_ITEMS.map((d) => d.id)];

export function studyPCsv(waves: { wave: PWave; answers: PAnswers }[]): string {
  const codes = ['', 'yes', 'no'];
  const lines: string[] = [P_COLUMNS.join(',')];
  let id = 0;
  for (const { wave: w, answers } of waves) {
    for (let i = 0; i < w.n; i++) {
      id++;
      let line = 'P' + String(id).padStart(5, '0') + ',' + w.wave + ',' + P_COUNTRIES[w.country[i]] + ',' + GENDERS[w.gender[i]] + ',' + AGE_BANDS[w.age[i]] + ',' + w.weight[i].toFixed(WEIGHT_DECIMALS);
      for (let j = 0; j < P_ITEMS.length; j++) line += ',' + codes[answers[j][i]];
      lines.push(line);
    }
  }
  return lines.join('\n') + '\n';
}
