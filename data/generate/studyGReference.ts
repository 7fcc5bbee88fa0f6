/**
 * The study G reference sample: 4,000 respondents, parameters calibrated so that the published
 * figures (G1, G5, G6) and the assumed per-data-type shares hold exactly on the weighted data, then
 * checked against every target of the brief (the generator throws if one is missed).
 */
import { solveThreshold } from './calibrate';
import { ShareAcc, assertChecks, kishDeff, pct, type TargetCheck } from './checks';
import { logit } from './random';
import {
  AGE_BANDS,
  CHILDREN,
  DATA_TYPES,
  GENDERS,
  G_DRAWS_PER_ROW,
  INDUSTRIES,
  SCENARIOS,
  SCENARIO_BLOCKS,
  SLOTS,
  assignStudyGOutcomes,
  dataTypeEta,
  dataTypeGroup,
  SCENARIO_TERMS,
  sampleStudyGRespondents,
  scenarioFixedEta,
  scenarioTermMask,
  scenarioTheta,
  type GParams,
  type GScenarioParams,
  type GTable,
} from './studyG';
import { Rng } from './random';

export const G_SEED = 20180601;
export const G_N = 4000;

/** Calibration targets for the scenario model: published G1, G5, G6; the two segments are assumptions. */
export const G_SCENARIO_TARGETS = {
  overall: 0.46, // G1
  strongBond: 0.65, // G5
  highTrust: 0.63, // G6
  topSegment: 0.575, // assumption: women 18-34 with young children
  bottomSegment: 0.36, // assumption: men 50+ without young children
};

/** Fixed starting point of the scenario calibration (so the result does not depend on DEFAULT_G_PARAMS). */
const CALIBRATION_START: GScenarioParams = { alpha: 0, strong: 0.5, high: 0.5, top: 0, bottom: 0 };

export interface StudyGReference {
  table: GTable;
  params: GParams;
  rounds: number;
  checks: TargetCheck[];
}

export function buildStudyGReference(): StudyGReference {
  const r = sampleStudyGRespondents(G_N, G_SEED);
  const n = r.n;
  // Store the outcome draws (the same stream generateStudyGColumns reads).
  const rng = new Rng(G_SEED, 1);
  const draws = new Float64Array(n * G_DRAWS_PER_ROW);
  for (let k = 0; k < draws.length; k++) draws[k] = rng.uniform();

  // Scenario cells: fixed threshold, weight, and which calibrated terms apply.
  const cells = n * SLOTS;
  const tS = new Float64Array(cells);
  const wS = new Float64Array(cells);
  const rowOf = new Uint32Array(cells);
  const base = DATA_TYPES.length * 2;
  for (let i = 0, c = 0; i < n; i++) {
    const block = SCENARIO_BLOCKS[r.block[i]];
    for (let k = 0; k < SLOTS; k++, c++) {
      tS[c] = logit(draws[i * G_DRAWS_PER_ROW + base + 2 * k]) - scenarioFixedEta(r, i, block[k]);
      wS[c] = r.weight[i];
      rowOf[c] = i;
    }
  }
  const mask = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) mask[c] = scenarioTermMask(r, rowOf[c]);
  const targets = [G_SCENARIO_TARGETS.overall, G_SCENARIO_TARGETS.strongBond, G_SCENARIO_TARGETS.highTrust, G_SCENARIO_TARGETS.topSegment, G_SCENARIO_TARGETS.bottomSegment];
  // Cells each term applies to (term q: bit q of the mask); its target is the share over those cells.
  const sets = SCENARIO_TERMS.map((_, q) => {
    const list: number[] = [];
    for (let c = 0; c < cells; c++) if (mask[c] & (1 << q)) list.push(c);
    return Uint32Array.from(list);
  });

  const sp: GScenarioParams = { ...CALIBRATION_START };
  const shareOf = (set: Uint32Array) => {
    let sw = 0;
    let swPos = 0;
    for (const c of set) {
      sw += wS[c];
      if (scenarioTheta(sp, mask[c]) > tS[c]) swPos += wS[c];
    }
    return swPos / sw;
  };
  let rounds = 0;
  for (;;) {
    rounds++;
    SCENARIO_TERMS.forEach((term, q) => {
      const set = sets[q];
      const tEff = new Float64Array(set.length);
      const w = new Float64Array(set.length);
      set.forEach((c, m) => {
        // positive iff term + others > t, i.e. term > t - others
        tEff[m] = tS[c] - (scenarioTheta(sp, mask[c]) - sp[term]);
        w[m] = wS[c];
      });
      sp[term] = solveThreshold(tEff, w, targets[q]).theta;
    });
    const worst = Math.max(...sets.map((set, q) => Math.abs(shareOf(set) - targets[q])));
    if (worst < 0.0005) break;
    if (rounds >= 200) throw new Error(`study G: scenario calibration did not converge (worst miss ${pct(worst)} pp)`);
  }

  // Data types: thresholds per type and group (independent one-dimensional problems).
  const dataType: GParams['dataType'] = {};
  DATA_TYPES.forEach((def, j) => {
    const groups = def.unlockedBy ? [def.unlockedTarget!, def.target] : [def.target];
    const ok: number[] = [];
    const notOk: number[] = [];
    groups.forEach((target, g) => {
      const t: number[] = [];
      const w: number[] = [];
      for (let i = 0; i < n; i++) {
        if (draws[i * G_DRAWS_PER_ROW + 2 * j + 1] < def.blankRate) continue;
        if (dataTypeGroup(def, r, i) !== g) continue;
        t.push(logit(draws[i * G_DRAWS_PER_ROW + 2 * j]) - dataTypeEta(r, i));
        w.push(r.weight[i]);
      }
      ok.push(solveThreshold(t, w, target.ok).theta);
      notOk.push(solveThreshold(t.map((x) => -x), w, target.notOk).theta);
      if (!(ok[g] < -notOk[g])) throw new Error(`study G: ${def.id} OK and not-OK thresholds overlap`);
    });
    if (ok.length === 1) {
      ok.push(ok[0]);
      notOk.push(notOk[0]);
    }
    dataType[def.id] = { ok, notOk };
  });

  const params: GParams = { scenario: sp, dataType };
  const table = assignStudyGOutcomes(r, params, (i, out) => out.set(draws.subarray(i * G_DRAWS_PER_ROW, (i + 1) * G_DRAWS_PER_ROW)));
  const checks = checkStudyG(table);
  assertChecks('study G', checks);
  return { table, params, rounds, checks };
}

/** Every study G target of the brief, computed with plain weighted sums on the final table. */
export function checkStudyG(t: GTable): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (id: string, what: string, required: string, achieved: string, ok: boolean) => checks.push({ id, what, required, achieved, ok });
  const near = (p: number, target: number, tol = 0.0025) => Math.abs(p - target) <= tol;

  // Pooled scenario shares over any respondent filter.
  const pooled = (f: (i: number) => boolean, sc: (s: number) => boolean = () => true) => {
    const acc = new ShareAcc();
    for (let s = 0; s < SCENARIOS.length; s++) {
      if (!sc(s)) continue;
      const col = t.scenarios[s];
      for (let i = 0; i < t.n; i++) if (col[i] !== 0 && f(i)) acc.add(t.weight[i], col[i] >= 4);
    }
    return acc.share;
  };
  const all = pooled(() => true);
  add('G1', 'pooled top-2 share, all scenario ratings', '46.00 ± 0.25', pct(all), near(all, 0.46));
  const strong = pooled((i) => t.bond[i] >= 4);
  add('G5', 'pooled top-2 share, bond 4-5', '65.00 ± 0.25', pct(strong), near(strong, 0.65));
  const high = pooled((i) => t.trust[i] >= 4);
  add('G6', 'pooled top-2 share, trust 4-5', '63.00 ± 0.25', pct(high), near(high, 0.63));
  const weak = pooled((i) => t.bond[i] <= 2);
  const neutral = pooled((i) => t.bond[i] === 3);
  add('G8', 'weak < neutral < strong bond, steps >= 5 pp', 'steps >= 5', `${pct(weak)} < ${pct(neutral)} < ${pct(strong)}`, neutral - weak >= 0.05 && strong - neutral >= 0.05);
  const bySit = [0, 1].map((v) => pooled(() => true, (s) => SCENARIOS[s].situation === v));
  add('G9', 'pressed > relaxed (>= 4 pp)', '>= 4 pp', `${pct(bySit[0])} vs ${pct(bySit[1])}`, bySit[0] - bySit[1] >= 0.04);
  const byPlace = [0, 1].map((v) => pooled(() => true, (s) => SCENARIOS[s].place === v));
  add('G10', 'public > private (>= 4 pp)', '>= 4 pp', `${pct(byPlace[0])} vs ${pct(byPlace[1])}`, byPlace[0] - byPlace[1] >= 0.04);
  const byInd = [0, 1, 2].map((v) => pooled(() => true, (s) => SCENARIOS[s].industry === v));
  add('G11', 'banking > travel and > clothing (>= 4 pp)', '>= 4 pp', INDUSTRIES.map((x, k) => `${x} ${pct(byInd[k])}`).join(', '), byInd[0] - byInd[1] >= 0.04 && byInd[0] - byInd[2] >= 0.04);

  // G12: segments gender x age x children with >= 30 respondents.
  const segKey = (i: number) => `${GENDERS[t.gender[i]]}|${AGE_BANDS[t.age[i]]}|${CHILDREN[t.children[i]]}`;
  const counts = new Map<string, number>();
  for (let i = 0; i < t.n; i++) counts.set(segKey(i), (counts.get(segKey(i)) ?? 0) + 1);
  const segs = [...counts.entries()].filter(([, c]) => c >= 30).map(([k]) => ({ k, p: pooled((i) => segKey(i) === k) }));
  segs.sort((a, b) => b.p - a.p);
  const top = segs[0];
  const bottom = segs[segs.length - 1];
  const topRest = pooled((i) => segKey(i) !== top.k);
  const bottomRest = pooled((i) => segKey(i) !== bottom.k);
  add(
    'G12',
    'top segment F|18-34|yes, bottom M|50+|no, each >= 8 pp from the rest',
    'F|18-34|yes top, M|50+|no bottom, >= 8 pp',
    `top ${top.k} ${pct(top.p)} (rest ${pct(topRest)}), bottom ${bottom.k} ${pct(bottom.p)} (rest ${pct(bottomRest)}); ${segs.length} segments`,
    top.k === 'F|18-34|yes' && bottom.k === 'M|50+|no' && top.p - topRest >= 0.08 && bottomRest - bottom.p >= 0.08,
  );

  // Data types.
  const dtShares = (j: number, f: (i: number) => boolean) => {
    const ok = new ShareAcc();
    const no = new ShareAcc();
    const col = t.dataTypes[j];
    for (let i = 0; i < t.n; i++) {
      if (col[i] === 0 || !f(i)) continue;
      ok.add(t.weight[i], col[i] === 1);
      no.add(t.weight[i], col[i] === 3);
    }
    return { ok, no };
  };
  DATA_TYPES.forEach((def, j) => {
    const { ok, no } = dtShares(j, () => true);
    const desc = `OK ${pct(ok.share)} (LB ${pct(ok.lower)}), not OK ${pct(no.share)} (LB ${pct(no.lower)})`;
    if (def.tier === 'ok') add(`G2 ${def.id}`, 'tier ok: OK 62-75%, LB > 50%', 'OK 62-75, LB > 50', desc, ok.share >= 0.62 && ok.share <= 0.75 && ok.lower > 0.5);
    else if (def.tier === 'nogo') add(`G3 ${def.id}`, 'tier nogo: not OK 68-85%, LB > 50%', 'not OK 68-85, LB > 50', desc, no.share >= 0.68 && no.share <= 0.85 && no.lower > 0.5);
    else
      add(
        `G4 ${def.id}`,
        'tier grey: OK 28-42%, not OK 20-40%, no LB > 50%',
        'OK 28-42, not OK 20-40, LBs <= 50',
        desc,
        ok.share >= 0.28 && ok.share <= 0.42 && no.share >= 0.2 && no.share <= 0.4 && ok.lower <= 0.5 && no.lower <= 0.5,
      );
    if (def.unlockedBy) {
      const by = def.unlockedBy === 'bond' ? t.bond : t.trust;
      const hi = dtShares(j, (i) => by[i] >= 4).ok;
      const lo = dtShares(j, (i) => by[i] <= 3).ok;
      let extra = '';
      let extraOk = true;
      if (def.unlockedBy === 'trust') {
        const bondOnly = dtShares(j, (i) => t.bond[i] >= 4 && t.trust[i] <= 3).ok;
        extra = `; bond 4-5 & trust 1-3 ${pct(bondOnly.share)}`;
        extraOk = bondOnly.share <= 0.5;
      }
      add(
        `G7 ${def.id}`,
        `OK among ${def.unlockedBy} 4-5 >= 58% (LB > 50%), < 40% among 1-3`,
        '>= 58 (LB > 50) / < 40',
        `${def.unlockedBy} 4-5 ${pct(hi.share)} (LB ${pct(hi.lower)}), 1-3 ${pct(lo.share)}${extra}`,
        hi.share >= 0.58 && hi.lower > 0.5 && lo.share < 0.4 && extraOk,
      );
    }
  });

  // Design: bases differ between scenarios; Kish deff of the weights.
  const bases = t.scenarios.map((col) => col.reduce((a, v) => a + (v !== 0 ? 1 : 0), 0));
  add('bases', 'scenario bases not all equal', 'not all equal', `${Math.min(...bases)}-${Math.max(...bases)}`, Math.min(...bases) !== Math.max(...bases));
  const deff = kishDeff(t.weight);
  add('deff', 'Kish design effect of the weights', '1.1-1.4', deff.toFixed(3), deff >= 1.1 && deff <= 1.4);
  return checks;
}
