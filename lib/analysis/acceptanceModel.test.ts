import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AudienceProfile, fitAcceptanceModel, modelFit, modelledAcceptance, type ModelledAcceptance } from './acceptanceModel';
import { acceptance, findCell } from './acceptance';
import { QueryError } from './query';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { type Codebook, parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';

/*
 * R values:
 *  - fixtures/model/study_g.R (output in study_g.out.txt; survey 4.1.1, R 4.2.2): data/study-g.csv
 *    in long form, one row per (respondent, rated sc_* item), 24,000 rows in 4,000 clusters,
 *    y = rating in 4:5, factor levels in codebook order,
 *      des <- svydesign(ids = ~respondent_id, weights = ~weight, data = long)
 *      fitX <- svyglm(y ~ ..., des, family = quasibinomial())
 *  - fixtures/model/pooled_model.R (pooled_model.out.txt): fixtures/pooled_items.csv with blanks,
 *    zero weights and 3-5 ratings per respondent.
 *  - fixtures/model/small_audience.R (small_audience.out.txt): issue 13's 7-respondent audience
 *    and one the model does not fit, each with all its dimensions as main effects, and their raw
 *    cells (svymean on the subset, Wilson interval on the Kish effective base).
 * R's glm stops at a relative deviance change of 1e-8, so its default numbers are themselves off
 * by up to ~2e-7 relative in the SEs; the tests compare to them at 1e-6 and to a refit with
 * epsilon 1e-14 ("tight") at 1e-9.
 */

const g = loadReferenceDataset('study-g');

function expectClose(actual: ArrayLike<number>, expected: number[], tol: number, what: string) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i] - e), `${what}[${i}]: ${actual[i]} vs R ${e}`).toBeLessThanOrEqual(tol));
}

function expectRelClose(actual: ArrayLike<number>, expected: number[], tol: number, what: string) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i] - e), `${what}[${i}]: ${actual[i]} vs R ${e}`).toBeLessThanOrEqual(tol * Math.abs(e)));
}

/** |ΔV_ij| <= tol · √(V_ii V_jj): relative on the diagonal, correlation precision off it. */
function expectVcovClose(actual: Float64Array, expected: number[], tol: number, what: string) {
  const p = Math.sqrt(expected.length);
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const e = expected[i * p + j];
      expect(Math.abs(actual[i * p + j] - e), `${what}[${i},${j}]: ${actual[i * p + j]} vs R ${e}`).toBeLessThanOrEqual(tol * Math.sqrt(expected[i * p + i] * expected[j * p + j]));
    }
}

/** Checks a modelled share against R's prediction: eta, SE (link), share and the t interval. */
function expectPrediction(m: ModelledAcceptance, r: { eta: number; se: number; share: number; lower: number; upper: number }, what: string) {
  expect(Math.abs(m.eta - r.eta), `${what} eta`).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(m.seLink / r.se - 1), `${what} se`).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(m.share - r.share), `${what} share`).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(m.ci.lower - r.lower), `${what} lower`).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(m.ci.upper - r.upper), `${what} upper`).toBeLessThanOrEqual(1e-6);
}

// R: coef(svymean(~y, des)), SE(svymean(~y, des))  [overall pooled share]
const OVERALL = { share: 0.45995453386734569, se: 0.0048750572301310769 };

describe('modelled acceptance on study G vs svyglm (model A: demographics + full context)', () => {
  const profileA: AudienceProfile = { attributes: { gender: 'M', age_band: '50+', young_children: 'no' }, context: { situation: 'relaxed', place: 'private', industry: 'travel' } };
  const m = modelledAcceptance(g, profileA);
  const model = fitAcceptanceModel(g, profileA);

  it('fits on every scenario rating, with R\'s terms and degrees of freedom', () => {
    // R: nrow(long), length(unique(long$respondent_id)) -> 24000, 4000
    expect(m.ratings).toBe(24000);
    expect(m.respondents).toBe(4000);
    // R: names(coef(fitA))
    expect(m.terms).toEqual(['(Intercept)', 'genderM', 'age_band35-49', 'age_band50+', 'young_childrenno', 'situationrelaxed', 'placeprivate', 'industrytravel', 'industryclothing']);
    // R: fitA$df.residual -> 3991
    expect(m.df).toBe(3991);
    expect(m.notes).toEqual([]);
  });

  it('matches coef(fitA), vcov(fitA) and SE(fitA)', () => {
    // R: coef(fitA)
    expectClose(m.coefficients.map((c) => c.estimate), [0.88352124271111776, -0.19185012190792228, -0.16878462870545574, -0.43766005323522855, -0.24346400510297009, -0.31899355515137767, -0.23963279114783509, -0.30729064206156587, -0.41105411406255432], 1e-6, 'coef');
    // R: vcov(fitA)
    expectVcovClose(model.fit.vcov, [
      0.0026515316229039922, -0.00074178496040760349, -0.00095175183710137197, -0.00053413579945534267, -0.0012253266250272456, -0.0003409469059703723, -0.00033375720516681714, -0.00052505110011009991, -0.00051458964288475691,
      -0.00074178496040760349, 0.0015724989657324782, -1.8984714134122114e-5, 0.00010668669651725204, -4.0555655833937532e-5, 2.8529554955940276e-5, 2.3655167041996232e-5, 3.171242026991444e-6, 1.3454922103411222e-6,
      -0.00095175183710137197, -1.8984714134122114e-5, 0.0020092806614231346, 0.00083533304384363603, 0.00012229774842385539, 1.2126571282230154e-5, -1.9527876255690461e-6, -8.1083942560025136e-6, 1.2701273259745355e-5,
      -0.00053413579945534267, 0.00010668669651725204, 0.00083533304384363603, 0.0022325470967551704, -0.00071052957542032456, 3.8707281276974321e-5, -4.8253195319920721e-6, 1.2447287792264449e-5, 1.6843464021251789e-5,
      -0.0012253266250272456, -4.0555655833937532e-5, 0.00012229774842385539, -0.00071052957542032456, 0.0020589426237529497, -1.2445967712547575e-5, 9.021535493799189e-6, 2.8164957281006895e-5, 1.8771840660956483e-5,
      -0.0003409469059703723, 2.8529554955940276e-5, 1.2126571282230154e-5, 3.8707281276974321e-5, -1.2445967712547575e-5, 0.00062954631037251668, -1.0967658028601748e-5, 2.5972297961763723e-5, 2.91834602877221e-5,
      -0.00033375720516681714, 2.3655167041996232e-5, -1.9527876255690461e-6, -4.8253195319920721e-6, 9.021535493799189e-6, -1.0967658028601748e-5, 0.00064240321117453635, 1.2849932812348261e-5, 1.2569317755323355e-5,
      -0.00052505110011009991, 3.171242026991444e-6, -8.1083942560025136e-6, 1.2447287792264449e-5, 2.8164957281006895e-5, 2.5972297961763723e-5, 1.2849932812348261e-5, 0.00097486172699552372, 0.00047340978219002856,
      -0.00051458964288475691, 1.3454922103411222e-6, 1.2701273259745355e-5, 1.6843464021251789e-5, 1.8771840660956483e-5, 2.91834602877221e-5, 1.2569317755323355e-5, 0.00047340978219002856, 0.00093394735414740419,
    ], 1e-6, 'vcov');
    // R: SE(fitA)
    expectRelClose(m.coefficients.map((c) => c.se), [0.051493024992750158, 0.039654747076894564, 0.044825000406281477, 0.047249837002419068, 0.045375572985395456, 0.025090761454617447, 0.025345674407569754, 0.03122277577339215, 0.030560552255275167], 1e-6, 'SE');
    // R: SE(update(fitA, control = glm.control(epsilon = 1e-14, maxit = 50)))  [tight]
    expectRelClose(m.coefficients.map((c) => c.se), [0.051493024555856068, 0.039654745469188422, 0.044825000486636013, 0.047249836876944569, 0.045375572456705288, 0.025090760447475172, 0.02534567361261059, 0.031222775106976242, 0.030560551137087773], 1e-9, 'SE (tight)');
  });

  it('predicts as predict(fitA, newdata, type = "link", se.fit = TRUE) with expit(eta ± qt(0.975, 3991) se)', () => {
    // R: coef(predict(fitA, newdata, ...))[1], SE(...)[1], plogis(eta), plogis(eta -/+ qt(0.975, fitA$df.residual) * se)
    expectPrediction(m, { eta: -0.85536992589578176, se: 0.048786165238498429, share: 0.29830760765300929, lower: 0.27868012796207187, upper: 0.31870667129429942 }, 'A1');
    // R: SE(predict(tight fitA, newdata, type = 'link', se.fit = TRUE))[1]  [tight]
    expect(Math.abs(m.seLink / 0.048786162708324962 - 1)).toBeLessThanOrEqual(1e-9);
    const a2 = modelledAcceptance(g, { attributes: { gender: 'F', age_band: '18-34', young_children: 'yes' }, context: { situation: 'pressed', place: 'public', industry: 'clothing' } });
    // R: the second newdata row of the same calls
    expectPrediction(a2, { eta: 0.47246712864856344, se: 0.05055986245315431, share: 0.61596752617919781, lower: 0.59226616901146323, upper: 0.63913060110953301 }, 'A2');
    expect(a2.terms).toEqual(m.terms);
  });

  it('does not depend on the order in which the profile names its dimensions', () => {
    const reordered = modelledAcceptance(g, { attributes: { young_children: 'no', gender: 'M', age_band: '50+' }, context: { industry: 'travel', place: 'private', situation: 'relaxed' } });
    expect(Math.abs(reordered.eta - m.eta)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(reordered.seLink - m.seLink)).toBeLessThanOrEqual(1e-12);
    expect(reordered.terms[1]).toBe('young_childrenno');
  });
});

describe('model B: country and the two banded attitudes, no context', () => {
  const m = modelledAcceptance(g, { attributes: { country: 'SE', bond: 'strong', trust: 'high' }, context: {} });

  it('matches coef, vcov and predictions of fitB', () => {
    // R: names(coef(fitB))
    expect(m.terms).toEqual(['(Intercept)', 'countrySE', 'countryDE', 'countryUK', 'bondneutral', 'bondstrong', 'trustneutral', 'trusthigh']);
    // R: fitB$df.residual -> 3992
    expect(m.df).toBe(3992);
    // R: coef(fitB)
    expectClose(m.coefficients.map((c) => c.estimate), [-1.1358498227641582, 0.1703029096739388, 0.017805818466285026, 0.21307555015369781, 0.3821862482557789, 1.1353446960992613, 0.11843498288075206, 0.80716938424949936], 1e-6, 'coef');
    // R: vcov(fitB)
    expectVcovClose(fitAcceptanceModel(g, { attributes: { country: 'SE', bond: 'strong', trust: 'high' }, context: {} }).fit.vcov, [
      0.002558142139474349, -0.0013212712952550493, -0.0013980051219433147, -0.0013530485752232895, -0.00080246657725232997, -0.00073255189162975279, -0.0010133220383848486, -0.00084815776976389574,
      -0.0013212712952550493, 0.0026930165491873838, 0.0013656738880455509, 0.0013630830916817886, -3.7936380907150396e-5, -8.0633025456361383e-5, -2.570954803948604e-5, 1.7065847098768148e-5,
      -0.0013980051219433147, 0.0013656738880455509, 0.0025910960611211704, 0.0013657456037259466, -6.4900678642449737e-5, -9.7751415042218888e-5, 0.00013775839647303244, 0.00010207818088422217,
      -0.0013530485752232895, 0.0013630830916817886, 0.0013657456037259466, 0.002616680428187146, 3.2494151232760165e-5, 3.9969913410874894e-5, -1.0624203264124838e-5, -8.8584668393092017e-5,
      -0.00080246657725232997, -3.7936380907150396e-5, -6.4900678642449737e-5, 3.2494151232760165e-5, 0.0021229789313458348, 0.0012361428176006814, -0.00036227933394435537, -0.0005513088241657964,
      -0.00073255189162975279, -8.0633025456361383e-5, -9.7751415042218888e-5, 3.9969913410874894e-5, 0.0012361428176006814, 0.0022792521065098598, -0.00037548082802348038, -0.00087004265265843653,
      -0.0010133220383848486, -2.570954803948604e-5, 0.00013775839647303244, -1.0624203264124838e-5, -0.00036227933394435537, -0.00037548082802348038, 0.0021461662207211091, 0.001308574035671022,
      -0.00084815776976389574, 1.7065847098768148e-5, 0.00010207818088422217, -8.8584668393092017e-5, -0.0005513088241657964, -0.00087004265265843653, 0.001308574035671022, 0.0023724498850668549,
    ], 1e-6, 'vcov');
    // R: coef/SE(predict(fitB, newdata, type = 'link', se.fit = TRUE))[1], plogis(...)
    expectPrediction(m, { eta: 0.97696716725854116, se: 0.047240650978886738, share: 0.72650602171458034, lower: 0.70772265245872013, upper: 0.74451802874845574 }, 'B1');
    // R: SE(predict(tight fitB, newdata, ...))[1]  [tight]
    expect(Math.abs(m.seLink / 0.047240653741089066 - 1)).toBeLessThanOrEqual(1e-9);
    const b2 = modelledAcceptance(g, { attributes: { country: 'NL', bond: 'weak', trust: 'neutral' }, context: {} });
    // R: the second newdata row (NL, weak, neutral)
    expectPrediction(b2, { eta: -1.0174148398834062, se: 0.051746152353829754, share: 0.26553126417281009, lower: 0.24622165339136631, upper: 0.28578107541520809 }, 'B2');
  });
});

describe('audiences whose own cell is small: the modelled share against the pooled share (~46%)', () => {
  it('men 50+ at home (place private) in a relaxed moment: below it (fitC)', () => {
    const m = modelledAcceptance(g, { attributes: { gender: 'M', age_band: '50+' }, context: { situation: 'relaxed', place: 'private' } });
    // R: names(coef(fitC)), fitC$df.residual -> 3994
    expect(m.terms).toEqual(['(Intercept)', 'genderM', 'age_band35-49', 'age_band50+', 'situationrelaxed', 'placeprivate']);
    expect(m.df).toBe(3994);
    // R: coef(fitC)
    expectClose(m.coefficients.map((c) => c.estimate), [0.49270243604582364, -0.19470449093984885, -0.14592919439140362, -0.51041588065093657, -0.31583654734639977, -0.2372223724088974], 1e-6, 'coef');
    // R: SE(fitC)
    expectRelClose(m.coefficients.map((c) => c.se), [0.039249143731284894, 0.039431625657530625, 0.044337288985436242, 0.04439177019397067, 0.024842867817296554, 0.025096420907732592], 1e-6, 'SE');
    // R: predict(fitC, newdata = (M, 50+, relaxed, private), type = 'link', se.fit = TRUE), plogis(eta -/+ qt(0.975, 3994) se)
    expectPrediction(m, { eta: -0.765476855300259, se: 0.044770503975865586, share: 0.31745836449850379, lower: 0.29875111519757913, upper: 0.33677445665228722 }, 'C');
    expect(m.share).toBeLessThan(OVERALL.share);
    expect(m.ci.upper).toBeLessThan(OVERALL.share);
    // R: plogis(coef(prC) + c(-1, 1) * qt(0.95, fitC$df.residual) * SE(prC))  [90% interval]
    const m90 = modelledAcceptance(g, { attributes: { gender: 'M', age_band: '50+' }, context: { situation: 'relaxed', place: 'private' } }, { confLevel: 0.9 });
    expectClose([m90.ci.lower, m90.ci.upper], [0.30171702255257488, 0.33362858436433179], 1e-6, '90% interval');
  });

  it('women 18-34 with young children: above it (fitD)', () => {
    const m = modelledAcceptance(g, { attributes: { gender: 'F', age_band: '18-34', young_children: 'yes' }, context: {} });
    // R: names(coef(fitD))
    expect(m.terms).toEqual(['(Intercept)', 'genderM', 'age_band35-49', 'age_band50+', 'young_childrenno']);
    // R: coef(fitD)
    expectClose(m.coefficients.map((c) => c.estimate), [0.35828250875938411, -0.18860518799435302, -0.16589266376679315, -0.43023614984964192, -0.23929094354056549], 1e-6, 'coef');
    // R: predict(fitD, newdata = (F, 18-34, yes), type = 'link', se.fit = TRUE), plogis(eta -/+ qt(0.975, 3995) se)
    expectPrediction(m, { eta: 0.35828250875938411, se: 0.043289970448290215, share: 0.5886246143731757, lower: 0.56792986567000081, upper: 0.60901054806908739 }, 'D');
    expect(m.df).toBe(3995);
    expect(m.share).toBeGreaterThan(OVERALL.share);
    expect(m.ci.lower).toBeGreaterThan(OVERALL.share);
  });
});

describe('small audiences: the model against the raw cell (small_audience.R)', () => {
  const cellOf = (profile: AudienceProfile) =>
    acceptance(g, {
      family: 'scenario',
      filter: Object.fromEntries(Object.entries(profile.attributes).map(([k, v]) => [k, [v]])),
      itemWhere: Object.fromEntries(Object.entries(profile.context).map(([k, v]) => [k, [v]])),
    }).overall;

  it("issue 13's case: 7 respondents at 71.4% beside a modelled 80.4% (78.2-82.4), which the raw cell does not contradict (fitS1)", () => {
    const profile: AudienceProfile = {
      attributes: { country: 'NL', gender: 'F', age_band: '18-34', young_children: 'yes', bond: 'strong', trust: 'high' },
      context: { situation: 'relaxed', place: 'private', industry: 'banking' },
    };
    const m = modelledAcceptance(g, profile);
    // R: names(coef(fitS1)), fitS1$df.residual -> 3984
    expect(m.terms).toEqual(['(Intercept)', 'countrySE', 'countryDE', 'countryUK', 'genderM', 'age_band35-49', 'age_band50+', 'young_childrenno', 'bondneutral', 'bondstrong', 'trustneutral', 'trusthigh', 'situationrelaxed', 'placeprivate', 'industrytravel', 'industryclothing']);
    expect(m.df).toBe(3984);
    // R: coef(fitS1)
    expectClose(m.coefficients.map((c) => c.estimate), [0.020597039931426798, 0.14211454070039203, 0.00053464206756961906, 0.16431123522722546, -0.2349717750013755, -0.20515565100053704, -0.47684901550949493, -0.26491723802043426, 0.39810393553820883, 1.17118867862038, 0.14165631898022504, 0.85296318851595387, -0.36117341988789287, -0.27096806191652956, -0.3485153183669048, -0.46613239924624605], 1e-6, 'coef');
    // R: SE(update(fitS1, control = glm.control(epsilon = 1e-14, maxit = 50)))  [tight]
    expectRelClose(m.coefficients.map((c) => c.se), [0.06670012404825694, 0.052290106229746433, 0.051344391295767879, 0.051442566512057648, 0.036091357617341495, 0.040728537037385895, 0.043416474417615973, 0.041776757976278861, 0.045951198499260874, 0.04800677137345289, 0.046653951818651673, 0.049299458084182471, 0.028424999083507967, 0.028726292043052343, 0.035450941681617547, 0.034633097770913536], 1e-9, 'SE (tight)');
    // R: coef/SE(predict(fitS1, nd1, type = 'link', se.fit = TRUE)), plogis(eta), plogis(eta -/+ qt(0.975, 3984) * se)
    expectPrediction(m, { eta: 1.4126074252633383, se: 0.06792858179110213, share: 0.80417687733542209, lower: 0.78235263054455273, upper: 0.8243041874305701 }, 'S1');
    // The figures the issue quotes, to the shown decimal.
    expect([m.share, m.ci.lower, m.ci.upper].map((x) => (100 * x).toFixed(1))).toEqual(['80.4', '78.2', '82.4']);

    const raw = cellOf(profile);
    // R: length(unique(cell$respondent_id)), nrow(cell) -> 7, 7; coef(svymean(~y, subset(des, cell)))
    expect([raw.respondents, raw.ratings]).toEqual([7, 7]);
    expect(Math.abs(raw.share! - 0.71428571428571419)).toBeLessThanOrEqual(1e-12);
    // R: sum(w)^2 / sum(w^2); wilson_kish(share, neff)
    expect(Math.abs(raw.effectiveBase - 7.0000000000000009)).toBeLessThanOrEqual(1e-9);
    expectClose([raw.ci!.lower, raw.ci!.upper], [0.35893445183261929, 0.91778107599594316], 1e-9, 'raw Wilson');
    // 80.4% lies inside 35.9-91.8%: seven respondents cannot tell the model wrong.
    expect(modelFit(m, raw)).toBe('fits');
  });

  it('an audience the main-effects model does not fit: the prediction lies outside the raw cell\'s interval (fitS2)', () => {
    const profile: AudienceProfile = { attributes: { country: 'SE', age_band: '50+', young_children: 'yes' }, context: { place: 'public', industry: 'banking' } };
    const m = modelledAcceptance(g, profile);
    // R: fitS2$df.residual -> 3990; coef/SE(predict(fitS2, nd2, ...)), plogis(...)
    expect(m.df).toBe(3990);
    expectPrediction(m, { eta: 0.2562785719678774, se: 0.067401304451278898, share: 0.56372126331961647, lower: 0.5309937999840556, upper: 0.59590295976040508 }, 'S2');
    const raw = cellOf(profile);
    // R: 22 respondents, 22 ratings; svymean share; Kish effective base; wilson_kish
    expect([raw.respondents, raw.ratings]).toEqual([22, 22]);
    expect(Math.abs(raw.share! - 0.78016904704163337)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(raw.effectiveBase - 21.910110677615943)).toBeLessThanOrEqual(1e-9);
    expectClose([raw.ci!.lower, raw.ci!.upper], [0.57305481221577326, 0.90369553339148867], 1e-9, 'raw Wilson');
    expect(modelFit(m, raw)).toBe('misfit');
  });

  it('cannot check an audience without respondents', () => {
    expect(modelFit({ share: 0.5 }, { share: null, ci: null })).toBe('unchecked');
  });
});

describe('consistency with the acceptance engine', () => {
  it('an empty profile is the intercept-only model: the pooled share with its clustered SE', () => {
    const m = modelledAcceptance(g, { attributes: {}, context: {} });
    const table = acceptance(g, { family: 'scenario' });
    expect(m.terms).toEqual(['(Intercept)']);
    // R: coef(svymean(~y, des)), SE(svymean(~y, des))
    expect(Math.abs(m.share - OVERALL.share)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(m.seLink * m.share * (1 - m.share) - OVERALL.se)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(m.share - table.overall.share!)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(m.seLink * m.share * (1 - m.share) - table.overall.se!)).toBeLessThanOrEqual(1e-12);
    // R: degf(des) -> 3999 = df.residual of y ~ 1
    expect(m.df).toBe(3999);
  });

  it('a one-factor model is saturated: the cell share, with the domain SE on the logit scale (fitE)', () => {
    const m = modelledAcceptance(g, { attributes: {}, context: { industry: 'travel' } });
    const cell = findCell(acceptance(g, { family: 'scenario', by: ['industry'] }), { industry: 'travel' })!;
    // R: coef(svymean(~y, subset(des, industry == 'travel'))), SE(...)
    expect(Math.abs(m.share - 0.44337849699684767)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(m.seLink * m.share * (1 - m.share) - 0.0065300979592169649)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(m.share - cell.share!)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(m.seLink * m.share * (1 - m.share) - cell.se!)).toBeLessThanOrEqual(1e-12);
    // R: predict(fitE, newdata = (travel), type = 'link', se.fit = TRUE), plogis(eta -/+ qt(0.975, 3997) se)
    expectPrediction(m, { eta: -0.22746168053724219, se: 0.02645971059360866, share: 0.44337849707092558, lower: 0.43061621179201742, upper: 0.4562159592488309 }, 'E');
  });
});

// pooled_items.csv as pooled_model.R changes it: country blank for R001..R010, weight 0 for R011..R013.
const fixtureDir = path.join(__dirname, 'fixtures');
function pooledFixture(editCodebook: (c: Codebook) => void = () => {}) {
  const json = JSON.parse(readFileSync(path.join(fixtureDir, 'pooled_items.codebook.json'), 'utf8'));
  editCodebook(json);
  const parsed = parseCodebook(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const lines = readFileSync(path.join(fixtureDir, 'pooled_items.csv'), 'utf8').trim().split(/\r?\n/);
  const edited = lines.map((line, i) => {
    if (i === 0) return line;
    const cells = line.split(',');
    const n = Number(cells[0].slice(1));
    if (n <= 10) cells[1] = '';
    else if (n <= 13) cells[2] = '0';
    return cells.join(',');
  });
  return loadSurveyFromCsv(parsed.codebook, edited.join('\n'));
}

describe('unequal clusters, blanks and zero weights (pooled_items fixture vs pooled_model.R)', () => {
  const data = pooledFixture();
  const profile: AudienceProfile = { attributes: { country: 'DE' }, context: { situation: 'relaxed', industry: 'clothing' } };

  it('matches fitP', () => {
    const m = modelledAcceptance(data, profile);
    // R: nrow(long), length(unique(long$resp)) -> 1149, 290 (R001..R010 left out for a blank country)
    expect(m.ratings).toBe(1149);
    expect(m.respondents).toBe(290);
    expect(m.notes).toEqual(['10 respondent(s) left out for a blank country']);
    // R: fitP$df.residual -> 281  (degf(des) = 286: the 3 zero-weight respondents stay out)
    expect(m.df).toBe(281);
    // R: names(coef(fitP))
    expect(m.terms).toEqual(['(Intercept)', 'countryDE', 'countryNL', 'situationrelaxed', 'industrytravel', 'industryclothing']);
    // R: coef(fitP)
    expectClose(m.coefficients.map((c) => c.estimate), [-1.0865515262929819, -0.0072699285923610258, 0.70363109681845215, 0.70494270800064851, 0.62483949874601175, -0.26767568465760438], 1e-6, 'coef');
    // R: vcov(fitP)
    expectVcovClose(fitAcceptanceModel(data, profile).fit.vcov, [
      0.028221242912893421, -0.015677311864554653, -0.015780907662333001, -0.009142886529965354, -0.014851155503025574, -0.012632512309747381,
      -0.015677311864554653, 0.026794948923259704, 0.014089976388864053, 0.0017531807726870626, 0.0018709500294045312, 0.0002739410424640777,
      -0.015780907662333001, 0.014089976388864053, 0.027417493943685308, 0.0015998050510454499, 0.0027207133952895884, -6.7653488916353364e-5,
      -0.009142886529965354, 0.0017531807726870626, 0.0015998050510454499, 0.019545275497153243, -0.00075660008491998431, -0.0043982425222889318,
      -0.014851155503025574, 0.0018709500294045312, 0.0027207133952895884, -0.00075660008491998431, 0.028865421110453534, 0.015311732456406822,
      -0.012632512309747381, 0.0002739410424640777, -6.7653488916353364e-5, -0.0043982425222889318, 0.015311732456406822, 0.031270100074132612,
    ], 1e-6, 'vcov');
    // R: SE(update(fitP, control = glm.control(epsilon = 1e-14, maxit = 50)))  [tight]
    expectRelClose(m.coefficients.map((c) => c.se), [0.16799180291878121, 0.16369164615595347, 0.16558229978348402, 0.13980441612973893, 0.16989826888921439, 0.17683356078670953], 1e-9, 'SE (tight)');
    // R: predict(fitP, newdata, type = 'link', se.fit = TRUE)[1], plogis(eta -/+ qt(0.975, 281) se)
    expectPrediction(m, { eta: -0.65655443154229876, se: 0.16181441401997726, share: 0.34151403490092358, lower: 0.27386975852716561, upper: 0.41628757577570674 }, 'P1');
    const p2 = modelledAcceptance(data, { attributes: { country: 'NL' }, context: { situation: 'pressed', industry: 'travel' } });
    // R: the second newdata row (NL, pressed, travel)
    expectPrediction(p2, { eta: 0.24191906927148199, se: 0.16935601089685093, share: 0.56018651938805464, lower: 0.47715381154887765, upper: 0.63998212646193209 }, 'P2');
  });

  it('leaves a level without data out of the model, and refuses to predict for it', () => {
    const withFr = pooledFixture((c) => {
      const country = c.attributes.find((a) => a.id === 'country')!;
      if (country.kind === 'categorical') country.codes.push({ code: 'FR', label: { en: 'France', nl: 'Frankrijk' } });
    });
    const m = modelledAcceptance(withFr, profile);
    const base = modelledAcceptance(data, profile);
    expect(m.terms).toEqual(base.terms);
    expect(m.eta).toBe(base.eta);
    expect(m.notes).toContain('country level(s) without ratings left out of the model: FR');
    expect(() => modelledAcceptance(withFr, { attributes: { country: 'FR' }, context: {} })).toThrow(/no scenario ratings with a positive weight from respondents with country = FR/);
  });

  it('leaves out items without a value on a named context dimension', () => {
    const noIndustry = pooledFixture((c) => {
      delete c.items.find((it) => it.id === 's6')!.meta.industry;
    });
    const m = modelledAcceptance(noIndustry, profile);
    expect(m.notes).toContain('1 item(s) have no industry and are left out: s6');
    const s6 = data.items.get('s6')!;
    const country = data.attributes.get('country')!;
    const s6Ratings = Array.from(s6.answerOf).filter((a, r) => a >= 0 && country.levelOf[r] >= 0).length;
    expect(s6Ratings).toBeGreaterThan(100);
    expect(m.ratings).toBe(1149 - s6Ratings);
    // Without s6 (relaxed clothing), the clothing level has only s3.
    expect(m.eta).not.toBeCloseTo(modelledAcceptance(data, profile).eta, 6);
    // Not naming industry keeps s6.
    expect(modelledAcceptance(noIndustry, { attributes: { country: 'DE' }, context: { situation: 'relaxed' } }).ratings).toBe(1149);
  });
});

describe('errors', () => {
  const at = (attributes: Record<string, string>, context: Record<string, string> = {}) => () => modelledAcceptance(g, { attributes, context });

  it('names unknown attributes, levels, dimensions and values', () => {
    expect(at({ religion: 'x' })).toThrow(QueryError);
    expect(at({ religion: 'x' })).toThrow(/unknown attribute "religion"; this dataset has: country, gender, age_band, young_children, bond, trust/);
    expect(at({ gender: 'X' })).toThrow(/"X" is not a level of gender \(F, M\)/);
    expect(at({ bond: '5' })).toThrow(/"5" is not a level of bond \(weak, neutral, strong\)/);
    expect(at({}, { weather: 'rain' })).toThrow(/unknown context dimension "weather"; the scenario items have: situation, place, industry/);
    expect(at({}, { place: 'office' })).toThrow(/"office" is not a value of place \(public, private\)/);
    expect(at({ situation: 'relaxed' })).toThrow(/"situation" is a context dimension: put it under context/);
    expect(at({}, { gender: 'F' })).toThrow(/"gender" is a respondent attribute: put it under attributes/);
    expect(at({}, { tier: 'ok' })).toThrow(/no item of the family "scenario" has a tier/);
    expect(() => modelledAcceptance(g, { attributes: {}, context: {} }, { family: 'tactics' })).toThrow(/unknown item family "tactics"; this dataset has: dataType, scenario/);
    expect(() => modelledAcceptance(g, { attributes: {}, context: {} }, { confLevel: 95 })).toThrow(/confidence level/);
  });
});
