import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rake } from './rake';

/*
 * Reference: /work/shared/oracle/oracle.R on fixtures/rake/spec.json (R 4.2.2, survey 4.1-1):
 *   d <- read.csv("rake_fixture.csv")   # 240 rows, base weight w (lognormal), skewed sample
 *   survey::rake(svydesign(ids=~1, weights=~w, data=d), list(~gender, ~age_band, ~country),
 *                list(gender F/M = c(.51,.49)*sum(w), age_band 18-34/35-49/50+ = c(.27,.24,.49)*sum(w),
 *                     country DE/NL/SE/UK = c(.35,.15,.20,.30)*sum(w)),
 *                control = list(maxit = 100, epsilon = 1e-10, verbose = FALSE))
 * The oracle wrote weights(raked) to fixtures/rake/raked_weights.csv (converged, no warnings);
 * the values below are pasted from it, in row order.
 */
const R_RAKED_WEIGHTS = [
  0.326038783244949, 0.645960722574625, 0.268992999435854, 0.981484541820201, 0.986953518486585,
  0.689875029042454, 1.21502851098601, 0.828295438223789, 0.685117889237712, 1.43180793580955,
  0.665500839031343, 0.812567898321854, 0.424969206545617, 0.365191731507207, 0.188595855344855,
  0.407291291592662, 3.31696682008222, 0.266328526322419, 0.223004426086855, 0.336601911665664,
  0.597890121400519, 1.09555496482618, 0.759200884139963, 0.467081939153736, 0.641944601575805,
  0.124654696038904, 0.222224369452395, 0.320509926115924, 0.94543894512387, 2.57935593535906,
  0.777199250194835, 0.405282925508435, 0.901759944871556, 6.63844547089923, 1.09910807777487,
  0.335614759760612, 0.276906523135659, 0.831319537511772, 0.492268824771422, 0.605683847377806,
  0.257305093451822, 0.994960278029613, 1.56522358449274, 1.40043267066552, 5.31688909556074,
  0.378794039384592, 0.343614947479715, 1.13712066961184, 0.517686007974733, 0.332021932760928,
  1.12780711163695, 0.32131960781625, 2.10688221219814, 1.95284629903925, 0.730988468259624,
  1.00911808505642, 1.84428878381064, 0.5071927267467, 3.4140803574301, 1.2202397946624,
  1.35519340716134, 0.697001563051973, 1.03306361153586, 1.94470555515394, 0.78180204236459,
  1.42161138372447, 1.78239986965728, 1.17011774912826, 1.07403229148788, 2.01177319634201,
  1.51124458287637, 0.226445852415356, 0.27796676825623, 0.797197112482146, 0.124263469060359,
  3.70854059254818, 0.208389835611821, 0.2082794627029, 0.399179408701395, 1.07229981696892,
  4.2501453292982, 0.218084588852685, 0.330787721360694, 1.12851922198163, 0.400547699001889,
  0.769357840609655, 0.846193625029283, 0.728801278041581, 1.91192368552288, 0.896571598003148,
  0.97494522873682, 2.06484343580748, 0.680310085105937, 4.31133859815771, 0.868275464795208,
  0.687183014923947, 2.49145554529514, 0.744914258829559, 1.63863572804287, 4.15498019993175,
  1.82054423997836, 2.0097019277801, 2.5323510977001, 0.348640370377356, 0.218438800491044,
  0.0877326499387188, 1.01074727150308, 0.153235242987048, 0.212427775837262, 1.67697591575408,
  0.74796329604589, 1.22633770882361, 0.289218617787134, 0.770875357959752, 0.686045398804476,
  1.32936171212301, 0.168912247986809, 1.62541593819019, 1.19995012417429, 0.66299410306042,
  4.2181187872818, 0.562720998673698, 1.28186158334604, 0.550889174141576, 2.74106812876206,
  0.331241588733721, 1.47280425201679, 0.602753875205894, 0.676928858681637, 0.346804002544125,
  1.13931035539246, 0.836881061615526, 2.74913645655967, 3.30904233759308, 1.09965049740497,
  0.491274055206353, 0.75654369321469, 0.391173812684895, 0.327876157737371, 0.635600579507936,
  0.186571192689126, 1.02035411761986, 0.508710187326222, 0.283222410386218, 1.04596426873711,
  0.64148810731858, 0.963999401980952, 0.24418066942823, 0.789938201766803, 0.57419520395177,
  0.741634556154558, 0.610957797287249, 0.324229358469178, 0.810857488299717, 0.527773246261987,
  0.67120549924271, 1.59438850868692, 1.01057805776594, 1.88535521236897, 0.257158383334868,
  1.33390346933151, 0.292117177774831, 0.59143089613351, 0.861477247190767, 2.5386981203811,
  0.688502617449005, 0.569678467548082, 1.31900240405131, 0.635444587172464, 1.64085718998447,
  0.154795356255968, 2.42753013675317, 0.570415775699505, 0.318264756577588, 1.43840646511572,
  0.834822934900182, 1.65736935813694, 1.86161704637467, 0.710715926620815, 1.09533952469449,
  1.51359786452595, 0.219847192742347, 1.25920324448469, 0.480014916180534, 0.227889715002469,
  0.906696563776884, 2.63840524642287, 0.193612023639054, 1.03845949622731, 1.01749893214807,
  0.460602512486587, 0.821133182547191, 0.119428523108091, 1.39076939765965, 0.521756636878833,
  0.296452242992482, 0.296559178148013, 3.81887424485161, 1.40305536785695, 0.497820052578126,
  0.396980426288278, 2.72296505322343, 0.118545665595759, 0.81120571593543, 3.5052793965565,
  1.93945426884009, 0.515499303926332, 0.298188119943503, 2.0465617209892, 0.187030049532926,
  0.44674012101611, 0.812029929584243, 1.83735633258373, 1.21754951270762, 0.207961590782833,
  0.385047822653335, 0.69400891024124, 0.687254272643857, 2.22575559648084, 0.52528541098052,
  2.5077094242729, 2.70244808599761, 0.870227465109198, 0.443166514665308, 0.840617983442246,
  0.73739893042491, 0.207454178423455, 0.333698227337889, 1.26576925661905, 0.489852955827683,
  2.77189782033419, 1.29986601230716, 1.50020442823518, 0.270264487116126, 4.37812490119784,
  1.18637357045219, 1.02834004779781, 0.366906200940109, 0.284226399912951, 0.24482306900955,
];

const GENDER = ['F', 'M'];
const AGE = ['18-34', '35-49', '50+'];
const COUNTRY = ['DE', 'NL', 'SE', 'UK'];
const SHARES = { gender: [0.51, 0.49], age_band: [0.27, 0.24, 0.49], country: [0.35, 0.15, 0.2, 0.3] };

function readFixture() {
  const text = readFileSync(path.join(__dirname, 'fixtures/rake/rake_fixture.csv'), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])));
  const code = (levels: string[], v: string) => {
    const k = levels.indexOf(v);
    if (k < 0) throw new Error(`unexpected level ${v}`);
    return k;
  };
  return {
    w: Float64Array.from(rows.map((r) => Number(r.w))),
    gender: rows.map((r) => code(GENDER, r.gender)),
    age: rows.map((r) => code(AGE, r.age_band)),
    country: rows.map((r) => code(COUNTRY, r.country)),
  };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]));
  expect(worst).toBeLessThan(rel);
}

describe('rake', () => {
  const f = readFixture();
  const total = f.w.reduce((a, b) => a + b, 0);
  const margins = [
    { codes: f.gender, targets: SHARES.gender.map((s) => s * total) },
    { codes: f.age, targets: SHARES.age_band.map((s) => s * total) },
    { codes: f.country, targets: SHARES.country.map((s) => s * total) },
  ];

  it('matches survey::rake (maxit 100, epsilon 1e-10) to 1e-8 relative', () => {
    expect(f.w.length).toBe(240);
    const res = rake(f.w, margins, { maxit: 100, epsilon: 1e-10 });
    expect(res.converged).toBe(true);
    expect(res.iterations).toBeGreaterThan(1);
    expect(res.iterations).toBeLessThan(100);
    expectClose(res.weights, R_RAKED_WEIGHTS, 1e-8);
  });

  it('uses maxit 100 and epsilon 1e-10 by default and does not modify the base weights', () => {
    const before = Float64Array.from(f.w);
    const res = rake(f.w, margins);
    expectClose(res.weights, R_RAKED_WEIGHTS, 1e-8);
    expect(Array.from(f.w)).toEqual(Array.from(before));
  });

  it('hits every margin (the last one exactly)', () => {
    const { weights } = rake(f.w, margins);
    margins.forEach((m, v) => {
      const sums = m.targets.map(() => 0);
      for (let i = 0; i < weights.length; i++) sums[m.codes[i]] += weights[i];
      sums.forEach((s, c) => expect(Math.abs(s - m.targets[c]) / m.targets[c]).toBeLessThan(v === margins.length - 1 ? 1e-12 : 1e-8));
    });
  });

  it('reports non-convergence when maxit is too small, like survey::rake\'s warning', () => {
    const res = rake(f.w, margins, { maxit: 2 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(2);
  });

  it('converges in one sweep for a single margin (post-stratification)', () => {
    const res = rake(f.w, [margins[0]]);
    expect(res.converged).toBe(true);
    expect(res.iterations).toBe(2);
    let sF = 0;
    for (let i = 0; i < res.weights.length; i++) if (f.gender[i] === 0) sF += res.weights[i];
    expect(sF).toBeCloseTo(0.51 * total, 10);
  });

  it('keeps zero base weights at zero', () => {
    const w = Float64Array.from(f.w);
    w[0] = 0;
    w[5] = 0;
    const res = rake(w, margins);
    expect(res.weights[0]).toBe(0);
    expect(res.weights[5]).toBe(0);
    expect(res.converged).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => rake(f.w, [{ codes: f.gender.slice(1), targets: [1, 1] }])).toThrow(/codes/);
    expect(() => rake(f.w, [{ codes: f.country, targets: [1, 1, 1] }])).toThrow(/no target/);
    expect(() => rake(f.w, [{ codes: f.gender, targets: [1, 1, 5] }])).toThrow(/no sample weight/);
    expect(() => rake(Float64Array.from([1, -1]), [{ codes: [0, 1], targets: [1, 1] }])).toThrow(/>= 0/);
    expect(() => rake(f.w, [])).toThrow(/margin/);
  });
});
