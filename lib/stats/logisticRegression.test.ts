import { describe, expect, it } from 'vitest';
import { expit, fitWeightedLogistic, fitWeightedLogisticGrouped, predictInterval, predictLink, type WeightedLogisticFit, type WeightedLogisticInput } from './logisticRegression';
import { choleskyFactor, choleskySolve, invertSymmetricPositiveDefinite, multiply, quadraticForm, RankDeficiencyError } from './linearAlgebra';
import { readFixtureCsv } from './fixtures/loadFixtures';

// R values: lib/analysis/fixtures/model/survey300.R (output in survey300.out.txt; survey 4.1.1,
// R 4.2.2). survey_300.csv in long form: one row per (respondent, non-blank rating of item1..item3),
// 873 rows in 300 clusters of unequal size, y = rating in 4:5,
//   des <- svydesign(ids = ~id, weights = ~weight, data = long)
//   fit300 <- svyglm(y ~ gender + country + age_band + item, des, family = quasibinomial())
// Factor levels sorted, so the reference levels are F, DE, 18-34, item1.

const TERMS = ['(Intercept)', 'genderM', 'countryFR', 'countryIT', 'countryPL', 'age_band35-54', 'age_band55+', 'itemitem2', 'itemitem3'];

interface Long extends WeightedLogisticInput {
  ids: number[];
}

/** The long table of survey300.R as a design matrix in R's column order. */
function survey300Long(zeroWeightIds: number[] = []): Long {
  const rows = readFixtureCsv('survey_300.csv');
  const design: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  const cluster: number[] = [];
  const ids: number[] = [];
  rows.forEach((r, h) => {
    for (const item of ['item1', 'item2', 'item3']) {
      if (r[item] === '') continue;
      design.push(1, +(r.gender === 'M'), +(r.country === 'FR'), +(r.country === 'IT'), +(r.country === 'PL'), +(r.age_band === '35-54'), +(r.age_band === '55+'), +(item === 'item2'), +(item === 'item3'));
      y.push(r[item] === '4' || r[item] === '5' ? 1 : 0);
      w.push(zeroWeightIds.includes(Number(r.id)) ? 0 : Number(r.weight));
      cluster.push(h);
      ids.push(Number(r.id));
    }
  });
  return { design: Float64Array.from(design), p: TERMS.length, y: Uint8Array.from(y), w: Float64Array.from(w), cluster: Int32Array.from(cluster), ids, columnNames: TERMS };
}

/** |actual − expected| <= tol, entry by entry. */
function expectClose(actual: ArrayLike<number>, expected: number[], tol: number, what: string) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i] - e), `${what}[${i}]: ${actual[i]} vs R ${e}`).toBeLessThanOrEqual(tol));
}

/** |actual − expected| <= tol · |expected|, entry by entry. */
function expectRelClose(actual: ArrayLike<number>, expected: number[], tol: number, what: string) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i] - e), `${what}[${i}]: ${actual[i]} vs R ${e}`).toBeLessThanOrEqual(tol * Math.abs(e)));
}

/**
 * A covariance matrix against R's, relative to the scale of each entry: |ΔV_ij| <= tol · √(V_ii V_jj)
 * (the diagonal is then relative; a tiny off-diagonal entry is held to its correlation's precision).
 */
function expectVcovClose(actual: Float64Array, expected: number[], p: number, tol: number, what: string) {
  expect(actual.length).toBe(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const e = expected[i * p + j];
      const scale = Math.sqrt(expected[i * p + i] * expected[j * p + j]);
      expect(Math.abs(actual[i * p + j] - e), `${what}[${i},${j}]: ${actual[i * p + j]} vs R ${e}`).toBeLessThanOrEqual(tol * scale);
    }
}

const ses = (fit: WeightedLogisticFit) => Array.from({ length: fit.p }, (_, j) => Math.sqrt(fit.vcov[j * fit.p + j]));

describe('fitWeightedLogistic vs svyglm(quasibinomial) with respondents as clusters (survey_300 long)', () => {
  const long = survey300Long();
  const fit = fitWeightedLogistic(long);

  it('uses the rows and clusters of the design', () => {
    // R: nrow(long), length(unique(long$id)) -> 873, 300
    expect(fit.rows).toBe(873);
    expect(fit.clusters).toBe(300);
    expect(fit.converged).toBe(true);
    // R: fit300$df.residual -> 291  (degf(des) = 299, + 1 − 9 terms)
    expect(fit.df).toBe(291);
  });

  it('matches the coefficients', () => {
    // R: coef(fit300)
    expectClose(fit.coefficients, [-0.075643521920216297, -0.20516977821856838, -0.20543983536207211, 0.43016930099810119, 0.32097133476785655, -0.67581932708743753, -0.95038570271414025, 0.34472075421986287, 0.43602017397898579], 1e-6, 'coef');
  });

  it('matches the design-based variance-covariance matrix (relative 1e-6)', () => {
    // R: vcov(fit300)
    const vcov = [
      0.063218000150136289, -0.02267088391731438, -0.026113675680838663, -0.029838427326292181, -0.033976967336226266, -0.02801491217652571, -0.019480794312096372, -0.015289790410830182, -0.011487760591085066,
      -0.02267088391731438, 0.037323473418672683, -0.0011085967230278595, 0.0086030576661467826, 0.0073557325642940822, 0.005191875885482246, -0.0034756814657155785, -0.00048496031034888596, 0.00012223328120858709,
      -0.026113675680838663, -0.0011085967230278595, 0.065091074415230529, 0.024260888093855595, 0.024245725301502107, 0.0065637617904794106, 8.6298346414546401e-5, 0.001819863783208862, -0.0015060541721222071,
      -0.029838427326292181, 0.0086030576661467826, 0.024260888093855595, 0.066362549239568358, 0.02554195597713501, 0.0025905950192399488, 0.0032631791212745917, -0.00013717570900568615, -0.0028390639401326681,
      -0.033976967336226266, 0.0073557325642940822, 0.024245725301502107, 0.02554195597713501, 0.072751463997064517, 0.010464206185882329, 0.0073746645687030122, 0.0024834765155610948, -0.0027237799205345132,
      -0.02801491217652571, 0.005191875885482246, 0.0065637617904794106, 0.0025905950192399488, 0.010464206185882329, 0.047329543047069079, 0.021906831019220124, -0.0022053514703501685, -0.00065131332024835305,
      -0.019480794312096372, -0.0034756814657155785, 8.6298346414546401e-5, 0.0032631791212745917, 0.0073746645687030122, 0.021906831019220124, 0.063202664689165022, -0.002861878958407049, -0.0054754124981162972,
      -0.015289790410830182, -0.00048496031034888596, 0.001819863783208862, -0.00013717570900568615, 0.0024834765155610948, -0.0022053514703501685, -0.002861878958407049, 0.030687517833645751, 0.014200137160460247,
      -0.011487760591085066, 0.00012223328120858709, -0.0015060541721222071, -0.0028390639401326681, -0.0027237799205345132, -0.00065131332024835305, -0.0054754124981162972, 0.014200137160460247, 0.026570349021101634,
    ];
    expectVcovClose(fit.vcov, vcov, 9, 1e-6, 'vcov');
    // R: SE(fit300)
    expectRelClose(ses(fit), [0.25143189962718787, 0.19319283997776077, 0.25512952478149314, 0.2576092957165334, 0.26972479307076042, 0.21755354064475504, 0.25140140152585672, 0.17517853131490099, 0.16300413804901284], 1e-6, 'SE');
  });

  it('agrees to ~1e-10 with R refitted to glm epsilon 1e-14 (the 1e-6 above is R\'s own convergence error)', () => {
    // R: coef(update(fit300, control = glm.control(epsilon = 1e-14, maxit = 50)))
    expectClose(fit.coefficients, [-0.075643521921181123, -0.20516977821907811, -0.20543983536245428, 0.43016930099913453, 0.32097133476882245, -0.67581932708832704, -0.95038570271662537, 0.34472075422136833, 0.43602017398071902], 1e-11, 'coef (tight)');
    // R: SE(update(fit300, control = glm.control(epsilon = 1e-14, maxit = 50)))
    expectRelClose(ses(fit), [0.25143191673854465, 0.19319283450778493, 0.25512953707187896, 0.25760929246893199, 0.26972478294221763, 0.2175535390477038, 0.25140139796619626, 0.17517853830826313, 0.16300416359353781], 1e-10, 'SE (tight)');
  });

  it('predicts eta and its SE as predict(fit, newdata, type = "link", se.fit = TRUE), and the t interval', () => {
    // newdata: (M, PL, 55+, item3) and (F, DE, 18-34, item1)
    const rows = [
      [1, 1, 0, 0, 1, 0, 1, 0, 1],
      [1, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    const predictions = rows.map((x) => predictLink(fit, x));
    // R: coef(predict(fit300, newdata, type = 'link', se.fit = TRUE))
    expectClose(predictions.map((q) => q.eta), [-0.47420749410608259, -0.075643521920216297], 1e-6, 'eta');
    // R: SE(predict(fit300, newdata, type = 'link', se.fit = TRUE))
    expectRelClose(predictions.map((q) => q.se), [0.30690169765313219, 0.25143189962718787], 1e-6, 'se');
    const intervals = rows.map((x) => predictInterval(fit, x));
    // R: plogis(eta)  [= coef(predict(fit300, newdata, type = 'response'))]
    expectClose(intervals.map((q) => q.share), [0.38362087088008423, 0.48109813161073134], 1e-6, 'share');
    // R: plogis(eta - qt(0.975, fit300$df.residual) * se)
    expectClose(intervals.map((q) => q.lower), [0.25383999500039822, 0.36112166739452695], 1e-6, 'lower');
    // R: plogis(eta + qt(0.975, fit300$df.residual) * se)
    expectClose(intervals.map((q) => q.upper), [0.53240973105542599, 0.60329468719947144], 1e-6, 'upper');
    // R: qt(0.975, 291) -> 1.9681495542478022 (a t quantile, not qnorm's 1.959964)
    expect(intervals[0].criticalValue).toBeCloseTo(1.9681495542478022, 9);
    expect(intervals[0].df).toBe(291);
  });

  it('does not depend on the order of the rows or the numbering of the clusters', () => {
    const n = long.y.length;
    const order = Array.from({ length: n }, (_, i) => (i * 379) % n); // 379 is prime to 873: a permutation
    expect(new Set(order).size).toBe(n);
    const p = long.p;
    const shuffled: WeightedLogisticInput = {
      design: Float64Array.from(order.flatMap((i) => Array.from(long.design.subarray(i * p, (i + 1) * p)))),
      p,
      y: Uint8Array.from(order.map((i) => long.y[i])),
      w: Float64Array.from(order.map((i) => long.w[i])),
      cluster: Int32Array.from(order.map((i) => 299 - long.cluster[i] + 7)), // ids 7..306, 0..6 unused
    };
    const other = fitWeightedLogistic(shuffled);
    expectClose(other.coefficients, Array.from(fit.coefficients), 1e-12, 'coef');
    expectVcovClose(other.vcov, Array.from(fit.vcov), p, 1e-10, 'vcov');
    expect(other.clusters).toBe(300);
  });

  it('gives the same fit from the grouped (pattern) input', () => {
    const p = long.p;
    const keys = new Map<string, number>();
    const patternOf = new Int32Array(long.y.length);
    const patterns: number[] = [];
    for (let i = 0; i < long.y.length; i++) {
      const row = Array.from(long.design.subarray(i * p, (i + 1) * p));
      const key = row.join(',');
      if (!keys.has(key)) {
        keys.set(key, keys.size);
        patterns.push(...row);
      }
      patternOf[i] = keys.get(key)!;
    }
    const grouped = fitWeightedLogisticGrouped({ patterns: Float64Array.from(patterns), p, patternOf, y: long.y, w: long.w, cluster: long.cluster });
    expectClose(grouped.coefficients, Array.from(fit.coefficients), 1e-12, 'coef');
    expectVcovClose(grouped.vcov, Array.from(fit.vcov), p, 1e-10, 'vcov');
  });
});

describe('zero weights: the PSU stays in n/(n − 1) but leaves the degrees of freedom', () => {
  // R: long0$weight[long0$id %in% 1:5] <- 0; des0 <- svydesign(ids = ~id, weights = ~weight, data = long0)
  const long = survey300Long([1, 2, 3, 4, 5]);
  const fit = fitWeightedLogistic(long);

  it('matches svyglm on the design with zero weights', () => {
    expect(fit.clusters).toBe(300);
    expect(fit.weightedClusters).toBe(295);
    // R: fit300z$df.residual -> 286  (degf(des0) = 294)
    expect(fit.df).toBe(286);
    // R: coef(fit300z)
    expectClose(fit.coefficients, [-0.096961635670228308, -0.20617157451703863, -0.15824986251417225, 0.42846588232256483, 0.35360405345537221, -0.64117805347899048, -0.91868955393341212, 0.34664927243466626, 0.44170444929361108], 1e-6, 'coef');
    // R: vcov(fit300z)
    const vcov = [
      0.063347391489494531, -0.022512900752643741, -0.026553684734601173, -0.029888692517978155, -0.034018370089580141, -0.028033625174587816, -0.020006884577966885, -0.015490109565692729, -0.011697222311057614,
      -0.022512900752643741, 0.03725751352650078, -0.00088001589272241752, 0.0086563225372915595, 0.0071457741486890347, 0.0047162915678114785, -0.002955430077038856, -0.00047768912894835644, 4.4257103454365863e-5,
      -0.026553684734601173, -0.00088001589272241752, 0.066350027944632767, 0.02421906869765662, 0.024373879698515767, 0.0069247430207153068, 0.00094213215681522068, 0.0019175204962035004, -0.0013823505113833693,
      -0.029888692517978155, 0.0086563225372915595, 0.02421906869765662, 0.065898009355163087, 0.025369103129020749, 0.0026920308449661146, 0.0034930070912014997, -6.5841883703178256e-5, -0.0027517779718780264,
      -0.034018370089580141, 0.0071457741486890347, 0.024373879698515767, 0.025369103129020749, 0.073066861940382977, 0.011021037559671931, 0.0070295758431261476, 0.0026101206967064096, -0.0025098187410988676,
      -0.028033625174587816, 0.0047162915678114785, 0.0069247430207153068, 0.0026920308449661146, 0.011021037559671931, 0.047595937966841799, 0.022088261864425592, -0.0022373635976742677, -0.0005948621378234685,
      -0.020006884577966885, -0.002955430077038856, 0.00094213215681522068, 0.0034930070912014997, 0.0070295758431261476, 0.022088261864425592, 0.063489725779555889, -0.0028789076571531873, -0.0053619300631957542,
      -0.015490109565692729, -0.00047768912894835644, 0.0019175204962035004, -6.5841883703178256e-5, 0.0026101206967064096, -0.0022373635976742677, -0.0028789076571531873, 0.031065174868483297, 0.014339993720649612,
      -0.011697222311057614, 4.4257103454365863e-5, -0.0013823505113833693, -0.0027517779718780264, -0.0025098187410988676, -0.0005948621378234685, -0.0053619300631957542, 0.014339993720649612, 0.026898530159963668,
    ];
    expectVcovClose(fit.vcov, vcov, 9, 1e-6, 'vcov');
    // R: SE(update(fit300z, control = glm.control(epsilon = 1e-14, maxit = 50)))  [tight]
    expectRelClose(ses(fit), [0.2516890942817111, 0.19302205140054887, 0.25758500317017574, 0.25670607215656349, 0.27030881841686188, 0.21816493220569744, 0.25197167402453013, 0.17625316046646544, 0.16400773735459911], 1e-10, 'SE (tight)');
  });

  it('differs from dropping those respondents (n = 295 instead of 300)', () => {
    const keep = long.ids.map((id) => id > 5);
    const pick = <T extends { length: number }>(a: ArrayLike<number>, make: (v: number[]) => T) => make(Array.from(a).filter((_, i) => keep[i]));
    const dropped = fitWeightedLogistic({
      design: Float64Array.from(long.ids.flatMap((id, i) => (id > 5 ? Array.from(long.design.subarray(i * 9, i * 9 + 9)) : []))),
      p: 9,
      y: pick(long.y, (v) => Uint8Array.from(v)),
      w: pick(long.w, (v) => Float64Array.from(v)),
      cluster: pick(long.cluster, (v) => Int32Array.from(v)),
    });
    expectClose(dropped.coefficients, Array.from(fit.coefficients), 1e-12, 'same coefficients');
    expect(dropped.df).toBe(fit.df);
    // Var scales by (295/294) / (300/299): relatively 2.3e-5 smaller, visible at the tests' 1e-6
    const ratio = dropped.vcov[0] / fit.vcov[0];
    expect(ratio).toBeCloseTo(295 / 294 / (300 / 299), 12);
  });
});

describe('intercept only: the logit of the clustered share', () => {
  it('matches svyglm(y ~ 1) and svymean', () => {
    const long = survey300Long();
    const ones = new Float64Array(long.y.length).fill(1);
    const fit = fitWeightedLogistic({ design: ones, p: 1, y: long.y, w: long.w, cluster: long.cluster });
    // R: coef(fit300i)
    expect(Math.abs(fit.coefficients[0] - -0.30477219581136916)).toBeLessThanOrEqual(1e-12);
    // R: vcov(fit300i)
    expect(Math.abs(fit.vcov[0] / 0.0092047087671005834 - 1)).toBeLessThanOrEqual(1e-10);
    // R: coef(svymean(~y, des)), SE(svymean(~y, des)) -> 0.42439129676315196, 0.023436828763599281
    const p = expit(fit.coefficients[0]);
    expect(Math.abs(p - 0.42439129676315196)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(Math.sqrt(fit.vcov[0]) * p * (1 - p) - 0.023436828763599281)).toBeLessThanOrEqual(1e-12);
    // R: fit300i$df.residual -> 299
    expect(fit.df).toBe(299);
  });
});

describe('fitWeightedLogistic: errors', () => {
  const long = survey300Long();
  const withColumn = (column: (i: number) => number): WeightedLogisticInput => {
    const n = long.y.length;
    const design = new Float64Array(n * 10);
    for (let i = 0; i < n; i++) {
      design.set(long.design.subarray(i * 9, i * 9 + 9), i * 10);
      design[i * 10 + 9] = column(i);
    }
    return { ...long, design, p: 10, columnNames: [...TERMS, 'extra'] };
  };

  it('rejects empty input', () => {
    expect(() => fitWeightedLogistic({ design: new Float64Array(0), p: 1, y: new Uint8Array(0), w: new Float64Array(0), cluster: new Int32Array(0) })).toThrow(/no rows to fit/);
  });

  it('rejects a dummy without rows (a column of zeros), naming it', () => {
    expect(() => fitWeightedLogistic(withColumn(() => 0))).toThrow(RangeError);
    expect(() => fitWeightedLogistic(withColumn(() => 0))).toThrow(/rank-deficient: column "extra" has no rows with a positive weight/);
  });

  it('rejects a dummy whose rows all have zero weight', () => {
    const input = withColumn((i) => (long.w[i] === 0 || long.ids[i] <= 3 ? 1 : 0));
    const w = Float64Array.from(long.w, (v, i) => (long.ids[i] <= 3 ? 0 : v));
    expect(() => fitWeightedLogistic({ ...input, w })).toThrow(/column "extra" has no rows with a positive weight/);
  });

  it('rejects collinear columns', () => {
    // extra = countryFR + countryIT: a combination of earlier columns
    expect(() => fitWeightedLogistic(withColumn((i) => long.design[i * 9 + 2] + long.design[i * 9 + 3]))).toThrow(/column "extra" is a linear combination/);
  });

  it('rejects a separated outcome (non-convergence)', () => {
    // extra marks 20 respondents whose ratings are all set to positive: its coefficient runs to +∞
    const marked = (i: number) => (long.ids[i] % 15 === 0 ? 1 : 0);
    const input = withColumn(marked);
    const y = Uint8Array.from(long.y, (v, i) => (marked(i) ? 1 : v));
    expect(() => fitWeightedLogistic({ ...input, y })).toThrow(/did not converge in 25 iterations; fitted probabilities run to 0 or 1/);
  });

  it('rejects a fit that needs more than maxIterations', () => {
    expect(() => fitWeightedLogistic(long, { maxIterations: 1 })).toThrow(/did not converge in 1 iterations/);
  });

  it('rejects inconsistent or invalid input', () => {
    expect(() => fitWeightedLogistic({ ...long, design: long.design.subarray(9) })).toThrow(/expected rows x p/);
    expect(() => fitWeightedLogistic({ ...long, w: long.w.subarray(1) })).toThrow(/weights for 873 rows/);
    expect(() => fitWeightedLogistic({ ...long, cluster: long.cluster.subarray(1) })).toThrow(/cluster ids for 873 rows/);
    expect(() => fitWeightedLogistic({ ...long, w: Float64Array.from(long.w, (v, i) => (i === 5 ? -1 : v)) })).toThrow(/finite and >= 0, row 5/);
    expect(() => fitWeightedLogistic({ ...long, y: Float64Array.from(long.y, (v, i) => (i === 2 ? 2 : v)) })).toThrow(/y must lie in \[0, 1\], row 2/);
    expect(() => fitWeightedLogistic({ ...long, design: Float64Array.from(long.design, (v, k) => (k === 20 ? NaN : v)) })).toThrow(/design entry \(row 2, column 2\) is not finite/);
    expect(() => fitWeightedLogistic({ ...long, cluster: new Int32Array(long.y.length) })).toThrow(/at least two clusters/);
    expect(() => fitWeightedLogistic({ ...long, y: new Uint8Array(long.y.length) })).toThrow(/no variation/);
    expect(() => fitWeightedLogistic({ ...long, w: new Float64Array(long.y.length) })).toThrow(/every weight is zero/);
  });
});

describe('predictLink / predictInterval', () => {
  const fit = fitWeightedLogistic(survey300Long());

  it('uses the chosen confidence level and rejects bad input', () => {
    const x = [1, 1, 0, 0, 1, 0, 1, 0, 1];
    const { eta, se } = predictLink(fit, x);
    const ci90 = predictInterval(fit, x, 0.9);
    // R: qt(0.95, 291) -> 1.6501067582096074
    expect(ci90.criticalValue).toBeCloseTo(1.6501067582096074, 9);
    expect(ci90.lower).toBeCloseTo(expit(eta - 1.6501067582096074 * se), 12);
    expect(ci90.upper - ci90.lower).toBeLessThan(predictInterval(fit, x).upper - predictInterval(fit, x).lower);
    expect(() => predictLink(fit, [1, 0])).toThrow(/has 2 entries, the model has 9/);
    expect(() => predictInterval(fit, x, 1)).toThrow(RangeError);
    expect(() => predictInterval({ ...fit, df: 0 }, x)).toThrow(/residual degrees of freedom/);
  });
});

describe('linearAlgebra', () => {
  // A = [[4, 2, 0.4], [2, 10, 1], [0.4, 1, 3]]
  const a = Float64Array.from([4, 2, 0.4, 2, 10, 1, 0.4, 1, 3]);

  it('factors, solves and inverts a symmetric positive-definite matrix', () => {
    const l = choleskyFactor(a, 3);
    // L Lᵀ = A
    const lt = Float64Array.from({ length: 9 }, (_, k) => l[(k % 3) * 3 + Math.floor(k / 3)]);
    expectClose(multiply(l, lt, 3, 3, 3), Array.from(a), 1e-14, 'L Lᵀ');
    const x = choleskySolve(l, 3, [1, 2, 3]);
    expectClose(multiply(a, x, 3, 3, 1), [1, 2, 3], 1e-14, 'A x');
    const inv = invertSymmetricPositiveDefinite(a, 3);
    expectClose(multiply(a, inv, 3, 3, 3), [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-14, 'A A⁻¹');
    expect(quadraticForm(a, 3, [1, 1, 1])).toBeCloseTo(4 + 10 + 3 + 2 * (2 + 0.4 + 1), 12);
  });

  it('reports singular matrices as rank deficiency, naming the column', () => {
    // third column = first + second
    const s = Float64Array.from([1, 0, 1, 0, 1, 1, 1, 1, 2]);
    expect(() => choleskyFactor(s, 3)).toThrow(RankDeficiencyError);
    try {
      choleskyFactor(s, 3);
    } catch (e) {
      expect((e as RankDeficiencyError).column).toBe(2);
    }
    expect(() => choleskyFactor(Float64Array.from([1, 0, 0, 0]), 2)).toThrow(/column 1 is zero/);
    expect(() => choleskyFactor(a, 2)).toThrow(/expected 4 entries/);
  });
});
