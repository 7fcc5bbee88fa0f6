import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelledAcceptance } from '../analysis/acceptanceModel';
import { planFor } from '../analysis/planner';
import { BLANK_LEVEL } from '../survey/weights';
import type { WeightingRequest } from './compute';
import { loadFixture, margin, rakedFixture } from './fixtures/loadFixtures';

/*
 * The planner's modelled figure (an audience under the minimum base) under a raked weight.
 * Expected values: fixtures/planner_model.R (R 4.2.2, survey 4.1-1), written to planner_model_expected.json,
 * on pairs.R's raked designs rdes (W1: survey_300 raked from its base weight; W2: survey_2000 raked from
 * unweighted by rake(), and by calibrate(calfun = "raking", bounds = c(0.8, 1.3))), the family "items":
 *   fixed     fit <- svyglm(y ~ <audience's attributes>, svydesign(ids = ~resp, weights = ~wr, data = long),
 *                           family = quasibinomial()), one row per rating;
 *             predict(fit, newdata = audience, type = "link", se.fit = TRUE): eta, se_fixed
 *   raked     the same eta; se from svyglm's own variance on the rake()d design (svy.varcoef):
 *             V <- svyrecvar(rowsum(estfun %*% Ainv, resp), rdes$cluster, rdes$strata, rdes$fpc, postStrata = rdes$postStrata)
 *   interval  plogis(eta ± qt(0.975, fit$df.residual) · se)
 *   one item  svyglm(y ~ ..., subset(rdes, asked), family = quasibinomial()) and predict(..., se.fit = TRUE) on the
 *             raked design itself (one rating per respondent), which the route above reproduces in R.
 */
interface ModelExpected {
  audience: Record<string, string>;
  respondents: number;
  ratings: number;
  df: number;
  eta: number;
  share: number;
  se: number;
  se_fixed: number;
  ci: [number, number];
  ci_fixed: [number, number];
  terms: string[];
  coef_se: number[];
  coef_se_fixed: number[];
}
interface DesignExpected {
  modelled: ModelExpected[];
  single_item: { eta: number; se: number; df: number; route: ModelExpected }[];
}
const R = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/planner_model_expected.json'), 'utf8')) as { W1: DesignExpected; W2: { rake: DesignExpected; bounded: DesignExpected } };

const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThan(tol);

function check(name: string, fixture: () => ReturnType<typeof loadFixture>, request: WeightingRequest, expected: DesignExpected) {
  describe(name, () => {
    const { weighted } = rakedFixture(fixture(), request);

    it('the modelled share: svyglm on the rake()d design (calibrated SE, interval), the fixed-weight SE beside it', () => {
      for (const e of expected.modelled) {
        const m = modelledAcceptance(weighted, { attributes: e.audience, context: {} }, { family: 'items' });
        expect(m.calibrated).toBe(true);
        expect([m.respondents, m.ratings, m.df]).toEqual([e.respondents, e.ratings, e.df]);
        expect(m.terms).toEqual(e.terms);
        close(m.eta, e.eta);
        close(m.share, e.share);
        close(m.seLink, e.se);
        close(m.seLinkFixed, e.se_fixed);
        close(m.ci.lower, e.ci[0]);
        close(m.ci.upper, e.ci[1]);
        close(m.ciFixed.lower, e.ci_fixed[0]);
        close(m.ciFixed.upper, e.ci_fixed[1]);
        m.coefficients.forEach((c, j) => close(c.se, e.coef_se[j]));
        // Calibration changes the SE (a test that could not tell the two apart would pass either way).
        expect(Math.abs(m.seLink - m.seLinkFixed)).toBeGreaterThan(1e-5);
      }
    });

    it('one item: svyglm(y ~ ..., subset(rdes, asked), quasibinomial()) and its predict(se.fit = TRUE)', () => {
      for (const e of expected.single_item) {
        const m = modelledAcceptance(weighted, { attributes: e.route.audience, context: {} }, { family: 'items', items: ['item1'] });
        expect(m.df).toBe(e.df);
        close(m.eta, e.eta);
        close(m.seLink, e.se);
        close(m.seLinkFixed, e.route.se_fixed);
      }
    });

    it('the planner shows the calibrated interval for an audience under the minimum base', () => {
      const e = expected.modelled[0];
      const answer = planFor(weighted, null, { audience: e.audience, moment: {}, minBase: 100_000 });
      const modelled = answer.families.find((f) => f.family === 'items')!.atMoment!.modelled!;
      expect(modelled.calibrated).toBe(true);
      close(modelled.share, e.share);
      close(modelled.ci.lower, e.ci[0]);
      close(modelled.ci.upper, e.ci[1]);
      close(modelled.ciFixed.lower, e.ci_fixed[0]);
      close(modelled.ciFixed.upper, e.ci_fixed[1]);
    });

    it('the raked weights taken as fixed (a weight column with the same values): R’s fixed-weight SE, no calibration', () => {
      const e = expected.modelled[0];
      const fixed = { ...weighted, weight: { ...weighted.weight, kind: 'column' as const, calibration: null } };
      const m = modelledAcceptance(fixed, { attributes: e.audience, context: {} }, { family: 'items' });
      expect(m.calibrated).toBe(false);
      close(m.seLink, e.se_fixed);
      expect(m.seLinkFixed).toBe(m.seLink);
      expect(m.ciFixed).toEqual(m.ci);
      m.coefficients.forEach((c, j) => close(c.se, e.coef_se_fixed[j]));
    });
  });
}

const W1_REQUEST: WeightingRequest = {
  base: 'weight',
  margins: [margin('gender', { F: 0.49, M: 0.51 }), margin('age_band', { '18-34': 0.3, '35-54': 0.35, '55+': 0.35 }), margin('country', { DE: 0.4, FR: 0.3, IT: 0.2, PL: 0.1 })],
};
const W2_MARGINS = [margin('gender', { F: 0.5, M: 0.5 }), margin('country', { DE: 0.3, FR: 0.3, IT: 0.25, PL: 0.15 }), margin('trust', { low: 0.3, mid: 0.3, high: 0.35, [BLANK_LEVEL]: 0.05 })];
const w1 = () => loadFixture('../stats/fixtures/survey_300.csv', 'fixtures/survey_300.codebook.json');
const w2 = () => loadFixture('../analysis/fixtures/survey_2000.csv', 'fixtures/survey_2000.codebook.json');

check('W1: survey_300 raked from its base weight', w1, W1_REQUEST, R.W1);
check('W2: survey_2000 raked from unweighted', w2, { base: 'unweighted', margins: W2_MARGINS }, R.W2.rake);
check('W2: survey_2000 raked with bounds 0.8-1.3 (trimming)', w2, { base: 'unweighted', margins: W2_MARGINS, bounds: [0.8, 1.3] }, R.W2.bounded);
