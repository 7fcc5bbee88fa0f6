/**
 * Study G (Google/Ipsos, consumers and automated services): synthetic respondents.
 *
 * This module samples respondents, rakes their weights and assigns answers from given model
 * parameters. It does not calibrate: `studyGReference.ts` calibrates the parameters on the
 * 4,000-respondent reference sample; `generateStudyGColumns` uses the stored defaults (for the
 * large benchmark files). Every number here is an assumption, listed in ASSUMPTIONS.md.
 */
import { rake } from '../../lib/stats/rake';
import { Rng, bandOf, logit as logitFn } from './random';
import { CsvChunker } from './csv';

const logit = logitFn;

export const G_COUNTRIES = ['NL', 'SE', 'DE', 'UK'] as const;
export const GENDERS = ['F', 'M'] as const;
export const AGE_BANDS = ['18-34', '35-49', '50+'] as const;
export const CHILDREN = ['yes', 'no'] as const;

export type Tier = 'ok' | 'grey' | 'nogo';
export interface ShareTarget {
  /** Weighted share of "1" (OK) among non-blank answers. */
  ok: number;
  /** Weighted share of "3" (not OK) among non-blank answers. */
  notOk: number;
}
export interface DataTypeDef {
  id: string;
  tier: Tier;
  unlockedBy?: 'bond' | 'trust';
  /** Probability that the cell is left blank. */
  blankRate: number;
  /** Target among everyone, or (unlocked types) among bond/trust 1-3. */
  target: ShareTarget;
  /** Unlocked types only: target among bond/trust 4-5. */
  unlockedTarget?: ShareTarget;
}

/** The 17 data types, in column order. Targets are assumptions (no per-type figure was published). */
export const DATA_TYPES: DataTypeDef[] = [
  { id: 'dt_gender', tier: 'ok', blankRate: 0.01, target: { ok: 0.7, notOk: 0.11 } },
  { id: 'dt_age_group', tier: 'ok', blankRate: 0.01, target: { ok: 0.68, notOk: 0.12 } },
  { id: 'dt_past_purchases', tier: 'ok', blankRate: 0.012, target: { ok: 0.66, notOk: 0.13 } },
  { id: 'dt_places_visited', tier: 'ok', blankRate: 0.012, target: { ok: 0.645, notOk: 0.15 } },
  { id: 'dt_insurance', tier: 'nogo', blankRate: 0.018, target: { ok: 0.09, notOk: 0.76 } },
  { id: 'dt_medical_history', tier: 'nogo', blankRate: 0.02, target: { ok: 0.07, notOk: 0.81 } },
  { id: 'dt_political_preference', tier: 'nogo', blankRate: 0.02, target: { ok: 0.08, notOk: 0.79 } },
  { id: 'dt_photos', tier: 'nogo', blankRate: 0.016, target: { ok: 0.1, notOk: 0.74 } },
  { id: 'dt_race', tier: 'nogo', blankRate: 0.02, target: { ok: 0.06, notOk: 0.8 } },
  { id: 'dt_address', tier: 'grey', blankRate: 0.014, target: { ok: 0.35, notOk: 0.31 } },
  { id: 'dt_websites_visited', tier: 'grey', unlockedBy: 'trust', blankRate: 0.015, target: { ok: 0.27, notOk: 0.33 }, unlockedTarget: { ok: 0.61, notOk: 0.15 } },
  { id: 'dt_purchase_value', tier: 'grey', blankRate: 0.015, target: { ok: 0.33, notOk: 0.3 } },
  { id: 'dt_social_likes', tier: 'grey', blankRate: 0.015, target: { ok: 0.36, notOk: 0.27 } },
  { id: 'dt_birth_date', tier: 'grey', unlockedBy: 'bond', blankRate: 0.013, target: { ok: 0.28, notOk: 0.3 }, unlockedTarget: { ok: 0.62, notOk: 0.14 } },
  { id: 'dt_spending_budget', tier: 'grey', unlockedBy: 'bond', blankRate: 0.016, target: { ok: 0.24, notOk: 0.38 }, unlockedTarget: { ok: 0.6, notOk: 0.16 } },
  { id: 'dt_clothing_size', tier: 'grey', unlockedBy: 'bond', blankRate: 0.012, target: { ok: 0.27, notOk: 0.28 }, unlockedTarget: { ok: 0.64, notOk: 0.11 } },
  { id: 'dt_current_location', tier: 'grey', unlockedBy: 'bond', blankRate: 0.016, target: { ok: 0.25, notOk: 0.37 }, unlockedTarget: { ok: 0.6, notOk: 0.17 } },
];

export const SITUATIONS = ['pressed', 'relaxed'] as const;
export const PLACES = ['public', 'private'] as const;
export const INDUSTRIES = ['banking', 'travel', 'clothing'] as const;

export interface ScenarioDef {
  id: string;
  situation: number;
  place: number;
  industry: number;
}
/** The 12 scenario crossings, in column order: index = situation * 6 + place * 3 + industry. */
export const SCENARIOS: ScenarioDef[] = SITUATIONS.flatMap((s, si) =>
  PLACES.flatMap((p, pi) => INDUSTRIES.map((ind, ii) => ({ id: `sc_${s}_${p}_${ind}`, situation: si, place: pi, industry: ii }))),
);

/**
 * The 8 planned rotation blocks of 6 scenarios. Block b takes, for each industry k, either
 * {pressed+public, relaxed+private} (bit k of b is 0) or {pressed+private, relaxed+public} (bit 1),
 * so every block is balanced on situation (3/3), place (3/3) and industry (2/2/2).
 */
export const SCENARIO_BLOCKS: number[][] = Array.from({ length: 8 }, (_, b) => {
  const list: number[] = [];
  for (let k = 0; k < 3; k++) {
    const flip = (b >> k) & 1;
    list.push(0 * 6 + flip * 3 + k, 1 * 6 + (1 - flip) * 3 + k);
  }
  return list.sort((x, y) => x - y);
});
export const SLOTS = 6;

/** Sample design (assumptions): skews of the online sample that raking corrects. */
export const G_SAMPLE = {
  femaleShare: [0.56, 0.54, 0.55, 0.57], // NL, SE, DE, UK
  ageShares: [
    [0.36, 0.3, 0.34],
    [0.38, 0.29, 0.33],
    [0.34, 0.31, 0.35],
    [0.4, 0.3, 0.3],
  ],
  /** P(young children) by gender (F, M) and age band. */
  childrenYes: [
    [0.42, 0.48, 0.06],
    [0.36, 0.46, 0.08],
  ],
  /** Bond 1..5 shares 12/22/32/23/11 %: standard-normal cut points (qnorm of the cumulative shares). */
  bondCuts: [-1.17498679206609, -0.412463129441405, 0.412463129441405, 1.22652812003661],
  /** Trust 1..5 shares 8/20/35/26/11 %. */
  trustCuts: [-1.40507156030963, -0.582841507271216, 0.331853346436817, 1.22652812003661],
  /** Correlation of the latent normals behind bond and trust. */
  bondTrustRho: 0.55,
};

/** Population margins for raking (assumptions): pooled adult population of the four countries. */
export const G_MARGINS = {
  gender: [0.51, 0.49],
  age: [0.27, 0.24, 0.49],
  country: [0.25, 0.25, 0.25, 0.25],
};

/** Fixed effects on the logit scale (assumptions). Calibrated terms are in GParams. */
export const G_EFFECTS = {
  scenario: {
    country: [0, 0.05, -0.15, 0.1],
    gender: [0.1, -0.1],
    age: [0.2, 0.05, -0.2],
    children: [0.25, 0],
    /** Bond weak (1-2) and neutral (3); strong (4-5) is calibrated. */
    bondWeak: -0.45,
    /** Trust low (1-2) and neutral (3); high (4-5) is calibrated. */
    trustLow: -0.15,
    situation: [0.2, -0.2],
    place: [0.15, -0.15],
    industry: [0.3, -0.1, -0.2],
    /** SD of the respondent's random effect (general warmth towards automated services). */
    personSd: 0.7,
    /** P(5 | top-2) and P(1), P(1 or 2) given not top-2. */
    pFive: 0.38,
    pOne: 0.22,
    pOneOrTwo: 0.55,
  },
  dataType: {
    country: [0, 0.05, -0.15, 0.1],
    age: [0.2, 0, -0.2],
    /** Per bond point above 3 and per trust point above 3. */
    bondSlope: 0.15,
    trustSlope: 0.1,
    /** SD of the respondent's random effect (general openness about personal data). */
    personSd: 0.6,
  },
};

export interface GScenarioParams {
  alpha: number;
  /** Added for bond 4-5. */
  strong: number;
  /** Added for trust 4-5. */
  high: number;
  /** Added for women 18-34 with young children. */
  top: number;
  /** Added for men 50+ without young children. */
  bottom: number;
}
export interface GParams {
  scenario: GScenarioParams;
  /** Per data type: thetas for OK and not OK; index 0 = bond/trust 4-5 (or everyone), 1 = bond/trust 1-3. */
  dataType: Record<string, { ok: number[]; notOk: number[] }>;
}

export interface GRespondents {
  n: number;
  country: Uint8Array;
  gender: Uint8Array;
  age: Uint8Array;
  children: Uint8Array;
  bond: Uint8Array;
  trust: Uint8Array;
  block: Uint8Array;
  warmth: Float64Array;
  openness: Float64Array;
  /** Raked weights, rounded to 6 decimals (exactly what the CSV holds). */
  weight: Float64Array;
}

export const WEIGHT_DECIMALS = 6;
export const roundWeight = (w: number): number => Number(w.toFixed(WEIGHT_DECIMALS));

/** Country of row i when n rows are split into equal country quotas in order. */
const quotaIndex = (i: number, n: number, k: number): number => Math.floor((i * k) / n);

/** Samples respondents (stream 0 of the seed) and rakes their weights. */
export function sampleStudyGRespondents(n: number, seed: number): GRespondents {
  const rng = new Rng(seed, 0);
  const r: GRespondents = {
    n,
    country: new Uint8Array(n),
    gender: new Uint8Array(n),
    age: new Uint8Array(n),
    children: new Uint8Array(n),
    bond: new Uint8Array(n),
    trust: new Uint8Array(n),
    block: new Uint8Array(n),
    warmth: new Float64Array(n),
    openness: new Float64Array(n),
    weight: new Float64Array(n),
  };
  const S = G_SAMPLE;
  const rhoC = Math.sqrt(1 - S.bondTrustRho * S.bondTrustRho);
  for (let i = 0; i < n; i++) {
    const c = quotaIndex(i, n, G_COUNTRIES.length);
    r.country[i] = c;
    const g = rng.uniform() < S.femaleShare[c] ? 0 : 1;
    r.gender[i] = g;
    const a = rng.categorical(S.ageShares[c]);
    r.age[i] = a;
    r.children[i] = rng.uniform() < S.childrenYes[g][a] ? 0 : 1;
    const zb = rng.normal();
    const zt = S.bondTrustRho * zb + rhoC * rng.normal();
    r.bond[i] = bandOf(zb, S.bondCuts);
    r.trust[i] = bandOf(zt, S.trustCuts);
    r.block[i] = rng.int(SCENARIO_BLOCKS.length);
    r.warmth[i] = G_EFFECTS.scenario.personSd * rng.normal();
    r.openness[i] = G_EFFECTS.dataType.personSd * rng.normal();
  }
  const res = rake(
    new Float64Array(n).fill(1),
    [
      { codes: r.gender, targets: G_MARGINS.gender.map((s) => s * n) },
      { codes: r.age, targets: G_MARGINS.age.map((s) => s * n) },
      { codes: r.country, targets: G_MARGINS.country.map((s) => s * n) },
    ],
    { maxit: 100, epsilon: 1e-10 },
  );
  if (!res.converged) throw new Error('study G: raking did not converge');
  for (let i = 0; i < n; i++) r.weight[i] = roundWeight(res.weights[i]);
  return r;
}

/** Outcome draws per respondent: (U, blank) per data type, then (U, code) per scenario slot. */
export const G_DRAWS_PER_ROW = DATA_TYPES.length * 2 + SLOTS * 2;

export const isStrong = (bond: number) => bond >= 4;
export const isHigh = (trust: number) => trust >= 4;
export const isTop = (r: GRespondents, i: number) => r.gender[i] === 0 && r.age[i] === 0 && r.children[i] === 0;
export const isBottom = (r: GRespondents, i: number) => r.gender[i] === 1 && r.age[i] === 2 && r.children[i] === 1;

/** The respondent's part of a scenario rating's linear predictor (segment, bond, trust). */
export function scenarioPersonEta(r: GRespondents, i: number): number {
  const E = G_EFFECTS.scenario;
  return (
    E.country[r.country[i]] +
    E.gender[r.gender[i]] +
    E.age[r.age[i]] +
    E.children[r.children[i]] +
    (r.bond[i] <= 2 ? E.bondWeak : 0) +
    (r.trust[i] <= 2 ? E.trustLow : 0)
  );
}

/** The scenario's part (situation, place, industry), per scenario index. */
export const SCENARIO_CONTEXT_ETA: number[] = SCENARIOS.map((sc) => {
  const E = G_EFFECTS.scenario;
  return E.situation[sc.situation] + E.place[sc.place] + E.industry[sc.industry];
});

/** The non-calibrated part of a scenario rating's linear predictor. */
export function scenarioFixedEta(r: GRespondents, i: number, s: number): number {
  return scenarioPersonEta(r, i) + SCENARIO_CONTEXT_ETA[s] + r.warmth[i];
}

/** The calibrated terms in order: alpha, strong (bond 4-5), high (trust 4-5), top, bottom segment. */
export const SCENARIO_TERMS = ['alpha', 'strong', 'high', 'top', 'bottom'] as const;

/** Bit q set when calibrated term q applies to respondent i (bit 0, alpha, always). */
export function scenarioTermMask(r: GRespondents, i: number): number {
  return 1 | (isStrong(r.bond[i]) ? 2 : 0) | (isHigh(r.trust[i]) ? 4 : 0) | (isTop(r, i) ? 8 : 0) | (isBottom(r, i) ? 16 : 0);
}

/** Sum of the calibrated terms that apply (mask from scenarioTermMask), added in a fixed order. */
export function scenarioTheta(p: GScenarioParams, mask: number): number {
  let theta = p.alpha;
  if (mask & 2) theta += p.strong;
  if (mask & 4) theta += p.high;
  if (mask & 8) theta += p.top;
  if (mask & 16) theta += p.bottom;
  return theta;
}

/** The respondent's linear predictor for every data type (all but the per-type thresholds). */
export function dataTypeEta(r: GRespondents, i: number): number {
  const E = G_EFFECTS.dataType;
  return E.country[r.country[i]] + E.age[r.age[i]] + E.bondSlope * (r.bond[i] - 3) + E.trustSlope * (r.trust[i] - 3) + r.openness[i];
}

/** Group index of respondent i for a data type: 0 = unlocked (bond/trust 4-5) or everyone, 1 = 1-3. */
export function dataTypeGroup(def: DataTypeDef, r: GRespondents, i: number): number {
  if (def.unlockedBy === 'bond') return isStrong(r.bond[i]) ? 0 : 1;
  if (def.unlockedBy === 'trust') return isHigh(r.trust[i]) ? 0 : 1;
  return 0;
}

/** A scenario rating from its fixed threshold t = logit(U) - fixedEta and the calibrated sum. */
export function scenarioCode(theta: number, t: number, v: number): number {
  const E = G_EFFECTS.scenario;
  if (theta > t) return v < E.pFive ? 5 : 4;
  return v < E.pOne ? 1 : v < E.pOneOrTwo ? 2 : 3;
}

/** A data-type answer ("1" OK, "2" depends, "3" not OK) from t = logit(U) - eta. */
export function dataTypeCode(thetaOk: number, thetaNotOk: number, t: number): number {
  if (thetaOk > t) return 1;
  if (thetaNotOk > -t) return 3;
  return 2;
}

export interface GTable extends GRespondents {
  /** Per data type (column order): 0 = blank, else the code 1..3. */
  dataTypes: Uint8Array[];
  /** Per scenario (column order): 0 = blank (not in the respondent's block), else 1..5. */
  scenarios: Uint8Array[];
}

/** Source of each row's outcome draws, in row order. */
export type DrawSource = (i: number, out: Float64Array) => void;

export function streamDraws(seed: number): DrawSource {
  const rng = new Rng(seed, 1);
  let next = 0;
  return (i, out) => {
    if (i !== next) throw new Error('streamDraws: rows must be drawn in order');
    next++;
    for (let k = 0; k < out.length; k++) out[k] = rng.uniform();
  };
}

/** Assigns every answer from the parameters; `draws` gives each row's uniforms. */
export function assignStudyGOutcomes(r: GRespondents, params: GParams, draws: DrawSource): GTable {
  const n = r.n;
  const nDt = DATA_TYPES.length;
  const dataTypes = DATA_TYPES.map(() => new Uint8Array(n));
  const scenarios = SCENARIOS.map(() => new Uint8Array(n));
  const d = new Float64Array(G_DRAWS_PER_ROW);
  const blankRate = DATA_TYPES.map((def) => def.blankRate);
  const unlock = DATA_TYPES.map((def) => (def.unlockedBy === 'bond' ? 1 : def.unlockedBy === 'trust' ? 2 : 0));
  const thOk = new Float64Array(nDt * 2);
  const thNot = new Float64Array(nDt * 2);
  DATA_TYPES.forEach((def, j) => {
    const p = params.dataType[def.id];
    if (!p) throw new Error(`no parameters for ${def.id}`);
    for (let g = 0; g < 2; g++) {
      thOk[2 * j + g] = p.ok[g];
      thNot[2 * j + g] = p.notOk[g];
    }
  });
  const base = nDt * 2;
  for (let i = 0; i < n; i++) {
    draws(i, d);
    const eta = dataTypeEta(r, i);
    const gBond = isStrong(r.bond[i]) ? 0 : 1;
    const gTrust = isHigh(r.trust[i]) ? 0 : 1;
    for (let j = 0; j < nDt; j++) {
      if (d[2 * j + 1] < blankRate[j]) continue;
      const g = unlock[j] === 1 ? gBond : unlock[j] === 2 ? gTrust : 0;
      dataTypes[j][i] = dataTypeCode(thOk[2 * j + g], thNot[2 * j + g], logit(d[2 * j]) - eta);
    }
    const theta = scenarioTheta(params.scenario, scenarioTermMask(r, i));
    const block = SCENARIO_BLOCKS[r.block[i]];
    const person = scenarioPersonEta(r, i);
    const warmth = r.warmth[i];
    for (let k = 0; k < SLOTS; k++) {
      const s = block[k];
      // the same operations, in the same order, as scenarioFixedEta
      const t = logit(d[base + 2 * k]) - (person + SCENARIO_CONTEXT_ETA[s] + warmth);
      scenarios[s][i] = scenarioCode(theta, t, d[base + 2 * k + 1]);
    }
  }
  return { ...r, dataTypes, scenarios };
}

/**
 * Parameters from the reference calibration (rounded), used by `generateStudyGColumns`, which does
 * not calibrate. `studyGReference.ts` prints the calibrated values; a test keeps these close to them.
 */
export const DEFAULT_G_PARAMS: GParams = {
  scenario: { alpha: -0.588, strong: 0.799, high: 0.755, top: 0.039, bottom: -0.199 },
  dataType: {
    dt_gender: { ok: [0.97, 0.97], notOk: [-2.243, -2.243] },
    dt_age_group: { ok: [0.861, 0.861], notOk: [-2.189, -2.189] },
    dt_past_purchases: { ok: [0.802, 0.802], notOk: [-2.11, -2.11] },
    dt_places_visited: { ok: [0.709, 0.709], notOk: [-1.97, -1.97] },
    dt_insurance: { ok: [-2.393, -2.393], notOk: [1.187, 1.187] },
    dt_medical_history: { ok: [-2.563, -2.563], notOk: [1.509, 1.509] },
    dt_political_preference: { ok: [-2.514, -2.514], notOk: [1.333, 1.333] },
    dt_photos: { ok: [-2.286, -2.286], notOk: [1.136, 1.136] },
    dt_race: { ok: [-2.955, -2.955], notOk: [1.509, 1.509] },
    dt_address: { ok: [-0.615, -0.615], notOk: [-0.941, -0.941] },
    dt_websites_visited: { ok: [0.324, -0.903], notOk: [-1.694, -0.924] },
    dt_purchase_value: { ok: [-0.615, -0.615], notOk: [-0.992, -0.992] },
    dt_social_likes: { ok: [-0.532, -0.532], notOk: [-1.127, -1.127] },
    dt_birth_date: { ok: [0.426, -0.847], notOk: [-1.85, -1.143] },
    dt_spending_budget: { ok: [0.274, -1.094], notOk: [-1.712, -0.667] },
    dt_clothing_size: { ok: [0.342, -0.852], notOk: [-1.915, -1.207] },
    dt_current_location: { ok: [0.165, -1.005], notOk: [-1.434, -0.74] },
  },
};

/**
 * n respondents of study G's shape (equal country quotas, raked weights, every column), from the
 * default parameters without calibration: for benchmarks (1,000,000 rows in a few seconds).
 */
export function generateStudyGColumns(n: number, seed: number, params: GParams = DEFAULT_G_PARAMS): GTable {
  if (!Number.isInteger(n) || n < G_COUNTRIES.length) throw new Error(`generateStudyGColumns: n must be an integer >= ${G_COUNTRIES.length}`);
  const r = sampleStudyGRespondents(n, seed);
  return assignStudyGOutcomes(r, params, streamDraws(seed));
}

export const STUDY_G_COLUMNS = [
  'respondent_id',
  'country',
  'gender',
  'age_band',
  'young_children',
  'bond',
  'trust',
  'weight',
  ...DATA_TYPES.map((d) => d.id),
  ...SCENARIOS.map((s) => s.id),
];

/** The CSV in chunks of about `chunkBytes` bytes (the header is in the first chunk); LF line ends. */
export function* studyGCsvChunks(t: GTable, chunkBytes = 1 << 22): Generator<string> {
  const idWidth = Math.max(5, String(t.n).length);
  const dtCodes = ['', '1', '2', '3'];
  const scCodes = ['', '1', '2', '3', '4', '5'];
  const digits = ['0', '1', '2', '3', '4', '5'];
  const csv = new CsvChunker(chunkBytes);
  csv.text(STUDY_G_COLUMNS.join(','));
  csv.endRow();
  for (let i = 0; i < t.n; i++) {
    csv.text('G' + String(i + 1).padStart(idWidth, '0'));
    csv.cell(G_COUNTRIES[t.country[i]]);
    csv.cell(GENDERS[t.gender[i]]);
    csv.cell(AGE_BANDS[t.age[i]]);
    csv.cell(CHILDREN[t.children[i]]);
    csv.cell(digits[t.bond[i]]);
    csv.cell(digits[t.trust[i]]);
    csv.cell(t.weight[i].toFixed(WEIGHT_DECIMALS));
    for (let j = 0; j < t.dataTypes.length; j++) csv.cell(dtCodes[t.dataTypes[j][i]]);
    for (let s = 0; s < t.scenarios.length; s++) csv.cell(scCodes[t.scenarios[s][i]]);
    const chunk = csv.endRow();
    if (chunk !== undefined) yield chunk;
  }
  const rest = csv.flush();
  if (rest.length) yield rest;
}

export function studyGCsv(t: GTable): string {
  return [...studyGCsvChunks(t)].join('');
}
