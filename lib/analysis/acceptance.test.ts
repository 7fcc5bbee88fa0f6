import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv, type SurveyData } from '../survey/dataset';
import { type AcceptanceCell, type AcceptanceTable, acceptance, findCell, rankedCells } from './acceptance';
import { type AcceptanceQuery, QueryError } from './query';

/**
 * The acceptance engine against R's `survey` package (R 4.2.2, survey 4.1.1). Every expected number
 * below was printed by an R script in ./fixtures (rerun them there):
 *  - survey_2000_expected.R: oracle.R (/work/shared/oracle) on spec_survey_2000.json, i.e.
 *    svydesign(ids=~1, weights=~weight) per item, svymean / svyciprop(method="logit") / svyttest;
 *  - pooled_items.R: pooled_items.csv + codebook, long data, svydesign(ids=~resp, weights=~w, data=long);
 *  - edge_cases.R: edge_cases.csv + codebook, oracle.R on spec_edge_cases.json;
 *  - survey_2000_filter.R: the FR + IT respondents of survey_2000.csv as their own design.
 */

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

function loadFixture(csv: string, codebookFile: string): SurveyData {
  const parsed = parseCodebook(JSON.parse(readFileSync(fixture(codebookFile), 'utf8')));
  if (!parsed.ok) throw new Error(`bad codebook ${codebookFile}: ${JSON.stringify(parsed.problems)}`);
  return loadSurveyFromCsv(parsed.codebook, readFileSync(fixture(csv), 'utf8'));
}

/** |actual − expected| <= tol (absolute). */
function close(actual: number | null | undefined, expected: number, what: string, tol = 1e-9) {
  expect(actual, `${what}: got null/undefined, R has ${expected}`).toEqual(expect.any(Number));
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol);
}

/** p-values: relative 1e-7. */
function closeRel(actual: number | null | undefined, expected: number, what: string, rel = 1e-7) {
  expect(actual, `${what}: got null/undefined, R has ${expected}`).toEqual(expect.any(Number));
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

function closeInterval(actual: { lower: number; upper: number } | null, expected: readonly [number, number], what: string, tol = 1e-9) {
  expect(actual, `${what}: interval is null, R has [${expected}]`).not.toBeNull();
  close(actual!.lower, expected[0], `${what} lower`, tol);
  close(actual!.upper, expected[1], `${what} upper`, tol);
}

function cellOf(table: AcceptanceTable, key: Record<string, string>): AcceptanceCell {
  if (Object.keys(key).length === 0) return table.overall;
  const cell = findCell(table, key);
  expect(cell, `no cell ${JSON.stringify(key)}`).toBeDefined();
  return cell!;
}

// ---------------------------------------------------------------------------------------------
// 1. Single item, weights-only design: survey_2000.csv (/work/shared/oracle/example), a CSV the
//    product has never seen, with a hand-written codebook.
// ---------------------------------------------------------------------------------------------

interface OracleRow {
  item: string;
  key: Record<string, string>;
  n: number;
  sumW: number;
  p: number;
  se: number;
  nEffKish: number;
  wilson: readonly [number, number];
  logit: readonly [number, number] | null;
  vsRest: { diff: number; se: number; t: number; df: number; p: number; pAdj: number } | null;
}

// Rscript /work/shared/oracle/oracle.R spec_survey_2000.json oracle_survey_2000.json; Rscript survey_2000_expected.R
// Per item K and cell, with des <- svydesign(ids=~1, weights=~weight, data=d[!is.na(d$itemK),]):
//   p, se:   svymean(~I(itemK %in% 4:5), subset(des, <cell>))      e.g. subset(des, country=="FR")
//   logit:   svyciprop(~I(itemK %in% 4:5), subset(des, <cell>), method="logit")   (t, df = n_cell - 1)
//   wilson:  Wilson on the Kish n_eff (sum w)^2/sum w^2, z = qnorm(0.975)
//   vsRest:  svyttest(y ~ in_cell, update(des, in_cell=...)) = svyglm(y ~ in_cell, gaussian), df = n - 2; p = p_value_t
//   pAdj:    p.adjust(<p_value_t of the grouping's levels>, method="BH")
// A key {} is the item's overall: svymean(~I(itemK %in% 4:5), des).
const SURVEY_2000: OracleRow[] = [
  { item: 'item1', key: {}, n: 1948, sumW: 2190.8745, p: 0.40116181917312, se: 0.0123230028206371, nEffKish: 1564.39163241325, wilson: [0.377144589543483, 0.425663266109076], logit: [0.377252057409103, 0.425551431276974], vsRest: null },
  { item: 'item1', key: { country: 'DE' }, n: 704, sumW: 800.6097, p: 0.377562874893971, se: 0.020070016472689, nEffKish: 573.220390796858, wilson: [0.338816545233832, 0.417939314652467], logit: [0.33903958820747, 0.417697168102533], vsRest: { diff: -0.0371888328382535, se: 0.0254105859125598, t: -1.46351732959735, df: 1946, p: 0.143487375323607, pAdj: 0.143487375323607 } },
  { item: 'item1', key: { country: 'FR' }, n: 569, sumW: 645.9447, p: 0.309504358500039, se: 0.0217216914997739, nEffKish: 458.288188584527, wilson: [0.268909823871217, 0.353265888219751], logit: [0.268533803427758, 0.353703183980419], vsRest: { diff: -0.129980011598848, se: 0.0263096442083783, t: -4.94039412199487, df: 1946, p: 8.46302393459711e-07, pAdj: 1.69260478691942e-06 } },
  { item: 'item1', key: { country: 'IT' }, n: 389, sumW: 430.3384, p: 0.46454789997825, se: 0.0280859411083652, nEffKish: 315.15601709374, wilson: [0.410242581642821, 0.519707066965303], logit: [0.409981575235734, 0.519976365934455], vsRest: { diff: 0.0788799207757783, se: 0.0312345154701798, t: 2.52540881740543, df: 1946, p: 0.0116352024953766, pAdj: 0.0155136033271688 } },
  { item: 'item1', key: { country: 'PL' }, n: 286, sumW: 313.9817, p: 0.563023895978651, se: 0.0341243817641409, nEffKish: 218.116445604723, wilson: [0.496670331266391, 0.627195932605679], logit: [0.495108860107245, 0.628655288494173], vsRest: { diff: 0.188939664849415, se: 0.0365677927215908, t: 5.16683263569962, df: 1946, p: 2.62462881270723e-07, pAdj: 1.04985152508289e-06 } },
  { item: 'item1', key: { gender: 'F' }, n: 886, sumW: 1153.0972, p: 0.411249025667567, se: 0.018219142456591, nEffKish: 724.754500889343, wilson: [0.375984719754122, 0.447449195165351], logit: [0.376017061770298, 0.447415114579866], vsRest: { diff: 0.021295323654621, se: 0.0244601119327867, t: 0.870614317429855, df: 1946, p: 0.384072158689977, pAdj: 0.384072158689978 } },
  { item: 'item1', key: { gender: 'M' }, n: 1062, sumW: 1037.7773, p: 0.389953702012946, se: 0.0163205368756945, nEffKish: 873.008985130141, wilson: [0.358149259578387, 0.422722364343848], logit: [0.358443868928966, 0.422409708584157], vsRest: { diff: -0.021295323654621, se: 0.0244601119327867, t: -0.870614317429854, df: 1946, p: 0.384072158689978, pAdj: 0.384072158689978 } },
  { item: 'item1', key: { country: 'DE', gender: 'F' }, n: 317, sumW: 416.0423, p: 0.36994459457608, se: 0.0295264956755636, nEffKish: 263.423483204737, wilson: [0.313902894598495, 0.429724925445982], logit: [0.313955614651201, 0.429664940453514], vsRest: { diff: -0.0385349225298181, se: 0.0324811877404696, t: -1.18637664477417, df: 1946, p: 0.235618411824488, pAdj: 0.269278184942272 } },
  { item: 'item1', key: { country: 'DE', gender: 'M' }, n: 387, sumW: 384.5674, p: 0.385804672991002, se: 0.0269268880471987, nEffKish: 320.72496626593, wilson: [0.334180796816004, 0.440131703973856], logit: [0.334388459799058, 0.439901772542883], vsRest: { diff: -0.0186267218698162, se: 0.0302578322244626, t: -0.615600011647794, df: 1946, p: 0.538230531415456, pAdj: 0.538230531415456 } },
  { item: 'item1', key: { country: 'FR', gender: 'F' }, n: 248, sumW: 323.8276, p: 0.345554548160811, se: 0.0339384999694168, nEffKish: 203.907487502664, wilson: [0.283681689336877, 0.413139068620423], logit: [0.282068597653937, 0.415068368040646], vsRest: { diff: -0.0652520041545055, se: 0.0364211883570148, t: -1.79159459364367, df: 1946, p: 0.0733532598849441, pAdj: 0.128816509367348 } },
  { item: 'item1', key: { country: 'FR', gender: 'M' }, n: 321, sumW: 322.1171, p: 0.273262735818744, se: 0.0265134517438007, nEffKish: 261.907999607976, wilson: [0.222861579367293, 0.330218952578647], logit: [0.224297413325018, 0.328392117447327], vsRest: { diff: -0.149945006395414, se: 0.0298014237408695, t: -5.03147123772411, df: 1946, p: 5.3149916857687e-07, pAdj: 4.25199334861496e-06 } },
  { item: 'item1', key: { country: 'IT', gender: 'F' }, n: 183, sumW: 234.836, p: 0.463919075439881, se: 0.0405215524135799, nEffKish: 151.87130001134, wilson: [0.386475194056433, 0.543143201254806], logit: [0.385549498360911, 0.544112211381778], vsRest: { diff: 0.07029170051858, se: 0.0425222505926381, t: 1.65305691817614, df: 1946, p: 0.0984805826264344, pAdj: 0.131307443501913 } },
  { item: 'item1', key: { country: 'IT', gender: 'M' }, n: 206, sumW: 195.5024, p: 0.465303239244122, se: 0.0381199550395924, nEffKish: 170.254503680973, wilson: [0.391972151282946, 0.540165507776517], logit: [0.391480110754107, 0.540678382667572], vsRest: { diff: 0.0704258627387574, se: 0.0402745670057613, t: 1.74864357272129, df: 1946, p: 0.0805103183545922, pAdj: 0.128816509367348 } },
  { item: 'item1', key: { country: 'PL', gender: 'F' }, n: 138, sumW: 178.3913, p: 0.557496357725965, se: 0.0492655062055794, nEffKish: 106.036575608066, wilson: [0.462595185970989, 0.648377255698425], logit: [0.459118667526388, 0.65156052337015], vsRest: { diff: 0.170192404083023, se: 0.0508724294390257, t: 3.34547427673, df: 1946, p: 0.00083703008092368, pAdj: 0.00223208021579648 } },
  { item: 'item1', key: { country: 'PL', gender: 'M' }, n: 148, sumW: 135.5904, p: 0.570296274662513, se: 0.0450065095804926, nEffKish: 121.061173365255, wilson: [0.481291881755258, 0.654976655503117], logit: [0.480038733536767, 0.656110225124442], vsRest: { diff: 0.180292527735264, se: 0.0467762699759025, t: 3.85435879834249, df: 1946, p: 0.000119798077696803, pAdj: 0.000479192310787212 } },
  { item: 'item2', key: {}, n: 1941, sumW: 2179.4658, p: 0.448209786086113, se: 0.0126116422631622, nEffKish: 1559.27176929531, wilson: [0.423683124746953, 0.472991003487479], logit: [0.423623820473025, 0.473051547428602], vsRest: null },
  { item: 'item2', key: { country: 'DE' }, n: 701, sumW: 795.3669, p: 0.429411633800703, se: 0.02070994950459, nEffKish: 572.513951428958, wilson: [0.389468217760828, 0.470296005012169], logit: [0.389312294164795, 0.470459376407762], vsRest: { diff: -0.0296004353512921, se: 0.0261005362638258, t: -1.134092995335, df: 1939, p: 0.256895729777316, pAdj: 0.256895729777316 } },
  { item: 'item2', key: { country: 'FR' }, n: 571, sumW: 647.5521, p: 0.345647245989937, se: 0.0221440650983224, nEffKish: 459.645232322358, wilson: [0.303611233937984, 0.390241863325368], logit: [0.303533070995327, 0.390329840887697], vsRest: { diff: -0.145916541186848, se: 0.0267936380668357, t: -5.44593984672273, df: 1939, p: 5.80886052688006e-08, pAdj: 2.32354421075202e-07 } },
  { item: 'item2', key: { country: 'IT' }, n: 386, sumW: 426.4024, p: 0.528579576475179, se: 0.0282742751683268, nEffKish: 311.762655409609, wilson: [0.473157941840389, 0.583305483385317], logit: [0.472863911330112, 0.583592158988879], vsRest: { diff: 0.0999183540687336, se: 0.0315692594241908, t: 3.16505220240195, df: 1939, p: 0.00157461678668012, pAdj: 0.00209948904890683 } },
  { item: 'item2', key: { country: 'PL' }, n: 283, sumW: 310.1444, p: 0.600062100105628, se: 0.0328928388329255, nEffKish: 215.720178742767, wilson: [0.533489370764606, 0.663133448774384], logit: [0.533930811631097, 0.66273708355884], vsRest: { diff: 0.177046560883748, se: 0.0355477166437748, t: 4.98053257985427, df: 1939, p: 6.90297684639851e-07, pAdj: 1.3805953692797e-06 } },
  { item: 'item2', key: { gender: 'F' }, n: 880, sumW: 1144.3635, p: 0.456620295911221, se: 0.0186219512170996, nEffKish: 718.459708446244, wilson: [0.420524216533404, 0.493177793197419], logit: [0.420368789328275, 0.493337228585317], vsRest: { diff: 0.0177087989509684, se: 0.0250488445854937, t: 0.706970690425537, df: 1939, p: 0.47966964235547, pAdj: 0.47966964235547 } },
  { item: 'item2', key: { gender: 'M' }, n: 1061, sumW: 1035.1023, p: 0.438911496960252, se: 0.0167531354658219, nEffKish: 875.645920104325, wilson: [0.406379984913963, 0.47197665843567], logit: [0.406352251939889, 0.472005310228494], vsRest: { diff: -0.0177087989509684, se: 0.0250488445854937, t: -0.706970690425536, df: 1939, p: 0.47966964235547, pAdj: 0.47966964235547 } },
  { item: 'item2', key: { country: 'DE', gender: 'F' }, n: 316, sumW: 413.2993, p: 0.420680847995629, se: 0.0306202275092953, nEffKish: 262.007205640621, wilson: [0.362473381833313, 0.481180605200555], logit: [0.361886777042168, 0.481814573988852], vsRest: { diff: -0.033970964276883, se: 0.033590960139278, t: -1.0113126905581, df: 1939, p: 0.311992972755007, pAdj: 0.356563397434294 } },
  { item: 'item2', key: { country: 'DE', gender: 'M' }, n: 385, sumW: 382.0676, p: 0.438856108186091, se: 0.027608270731893, nEffKish: 322.232543342588, wilson: [0.385708914671851, 0.493443966954118], logit: [0.385508631123316, 0.493655278471287], vsRest: { diff: -0.0113419614458917, se: 0.0310093620661537, t: -0.365759263982772, df: 1939, p: 0.714584616767513, pAdj: 0.714584616767513 } },
  { item: 'item2', key: { country: 'FR', gender: 'F' }, n: 248, sumW: 324.3374, p: 0.348065625487532, se: 0.0331249009752874, nEffKish: 203.791338864236, wilson: [0.286021973625167, 0.415731218099579], logit: [0.285962516361175, 0.415801944850797], vsRest: { diff: -0.11765265040108, se: 0.0357893708731983, t: -3.28736291056703, df: 1939, p: 0.00102937257620346, pAdj: 0.00205874515240692 } },
  { item: 'item2', key: { country: 'FR', gender: 'M' }, n: 323, sumW: 323.2147, p: 0.343220466148353, se: 0.0293889999310671, nEffKish: 263.748572195654, wilson: [0.288540109433208, 0.402402202237993], logit: [0.287928034157218, 0.403119860916219], vsRest: { diff: -0.123270301183718, se: 0.0324864494559208, t: -3.79451442826884, df: 1939, p: 0.000152470698877164, pAdj: 0.00121976559101731 } },
  { item: 'item2', key: { country: 'IT', gender: 'F' }, n: 179, sumW: 229.047, p: 0.56569699668627, se: 0.0407264439636837, nEffKish: 147.630663380931, wilson: [0.485078197814831, 0.642983534759545], logit: [0.484303514231365, 0.64369521678559], vsRest: { diff: 0.131284295168011, se: 0.0428118938331456, t: 3.06653790368809, df: 1939, p: 0.00219544191765931, pAdj: 0.0035127070682549 } },
  { item: 'item2', key: { country: 'IT', gender: 'M' }, n: 207, sumW: 197.3554, p: 0.485501790171437, se: 0.0381847796043663, nEffKish: 170.954450183964, wilson: [0.41172798680334, 0.559912842733149], logit: [0.411106074757495, 0.560545591258775], vsRest: { diff: 0.0410051062329438, se: 0.0404472198871898, t: 1.01379294664281, df: 1939, p: 0.310808045833332, pAdj: 0.356563397434294 } },
  { item: 'item2', key: { country: 'PL', gender: 'F' }, n: 137, sumW: 177.6798, p: 0.597764067721823, se: 0.0468927859549707, nEffKish: 105.501333133069, wilson: [0.50235617591034, 0.686302615270435], logit: [0.502619732724041, 0.686075599084526], vsRest: { diff: 0.16282881490259, se: 0.0486553929724622, t: 3.34657280426751, df: 1939, p: 0.000833796092856572, pAdj: 0.00205874515240692 } },
  { item: 'item2', key: { country: 'PL', gender: 'M' }, n: 146, sumW: 132.4646, p: 0.603144538238896, se: 0.0444666962611959, nEffKish: 119.642656237498, wilson: [0.513584405836103, 0.686287237985877], logit: [0.512850461266343, 0.686919398119971], vsRest: { diff: 0.164960818561545, se: 0.0463502735517853, t: 3.55900420689515, df: 1939, p: 0.000381219999938162, pAdj: 0.00152487999975265 } },
  { item: 'item3', key: {}, n: 1933, sumW: 2180.9557, p: 0.458531826208116, se: 0.01260291210588, nEffKish: 1553.00887534971, wilson: [0.433882757845183, 0.483385536312769], logit: [0.433936930317064, 0.483330461618562], vsRest: null },
  { item: 'item3', key: { country: 'DE' }, n: 693, sumW: 790.2136, p: 0.432601767420859, se: 0.0207457736997979, nEffKish: 565.524043388169, wilson: [0.392358994557012, 0.473754000144975], logit: [0.3924112475683, 0.473699361492358], vsRest: { diff: -0.0406634051801571, se: 0.0261088278761562, t: -1.55745808938795, df: 1931, p: 0.11952563185921, pAdj: 0.138891060750809 } },
  { item: 'item3', key: { country: 'FR' }, n: 572, sumW: 648.9306, p: 0.370321572137298, se: 0.0221080574446001, nEffKish: 459.989444746654, wilson: [0.327436671491234, 0.415354472568351], logit: [0.328041639789864, 0.414687854797905], vsRest: { diff: -0.125574089102195, se: 0.0267856744839905, t: -4.68810629268452, df: 1931, p: 2.95039173583269e-06, pAdj: 5.90078347166538e-06 } },
  { item: 'item3', key: { country: 'IT' }, n: 387, sumW: 428.6205, p: 0.496089431093473, se: 0.0282691419540471, nEffKish: 312.89115665321, wilson: [0.441074023554067, 0.551199696495228], logit: [0.440784383802289, 0.551490338543197], vsRest: { diff: 0.0467441802533371, se: 0.0315722844805166, t: 1.48054475697453, df: 1931, p: 0.138891060750809, pAdj: 0.138891060750809 } },
  { item: 'item3', key: { country: 'PL' }, n: 281, sumW: 313.191, p: 0.655327579655865, se: 0.033070628601562, nEffKish: 215.107290223106, wilson: [0.589591421428682, 0.715613288829815], logit: [0.587667742014856, 0.717227276920504], vsRest: { diff: 0.229794909507424, se: 0.0356946652021475, t: 6.43779422516056, df: 1931, p: 1.52534120042908e-10, pAdj: 6.10136480171632e-10 } },
  { item: 'item3', key: { gender: 'F' }, n: 872, sumW: 1140.8358, p: 0.450516279380433, se: 0.0185181739937318, nEffKish: 713.685288832374, wilson: [0.414375182963457, 0.487187222735315], logit: [0.414497184887254, 0.487061623597632], vsRest: { diff: -0.0168072474552711, se: 0.0250563211181122, t: -0.670778737869936, df: 1931, p: 0.5024417144064, pAdj: 0.5024417144064 } },
  { item: 'item3', key: { gender: 'M' }, n: 1061, sumW: 1040.1199, p: 0.467323526835704, se: 0.0168788761448097, nEffKish: 873.046359563136, wilson: [0.434443355466614, 0.500489995547361], logit: [0.434395434970451, 0.500538754822607], vsRest: { diff: 0.0168072474552711, se: 0.0250563211181121, t: 0.670778737869936, df: 1931, p: 0.502441714406399, pAdj: 0.5024417144064 } },
  { item: 'item3', key: { country: 'DE', gender: 'F' }, n: 312, sumW: 408.9631, p: 0.427333175046844, se: 0.0304603730743543, nEffKish: 259.117724996308, wilson: [0.368593977724784, 0.488195489817294], logit: [0.368734192929598, 0.488044969027429], vsRest: { diff: -0.0383990746250788, se: 0.0334452206625869, t: -1.14811844156954, df: 1931, p: 0.251061882850958, pAdj: 0.345710373371119 } },
  { item: 'item3', key: { country: 'DE', gender: 'M' }, n: 381, sumW: 381.2505, p: 0.438253326880883, se: 0.0279193494961552, nEffKish: 316.869461672608, wilson: [0.384684856569615, 0.493300994107161], logit: [0.384323372108816, 0.493682788823829], vsRest: { diff: -0.0245743073338764, se: 0.0312714889360292, t: -0.785837456737257, df: 1931, p: 0.432059133776131, pAdj: 0.432059133776131 } },
  { item: 'item3', key: { country: 'FR', gender: 'F' }, n: 245, sumW: 321.8675, p: 0.35313133509907, se: 0.0328592458157363, nEffKish: 201.254057563329, wilson: [0.290414072583418, 0.421350326157738], logit: [0.291389232563985, 0.42019814621567], vsRest: { diff: -0.123648679964228, se: 0.0355421287109137, t: -3.47893287343422, df: 1931, p: 0.000514578298979108, pAdj: 0.00137220879727762 } },
  { item: 'item3', key: { country: 'FR', gender: 'M' }, n: 327, sumW: 327.0631, p: 0.387238731608671, se: 0.0295326321669868, nEffKish: 266.949288928326, wilson: [0.330797859853696, 0.446878883787333], logit: [0.330974371307142, 0.446681829462973], vsRest: { diff: -0.0838705980256347, se: 0.032622748931944, t: -2.57092368888353, df: 1931, p: 0.0102170572092013, pAdj: 0.0204341144184026 } },
  { item: 'item3', key: { country: 'IT', gender: 'F' }, n: 179, sumW: 231.5611, p: 0.492746406887858, se: 0.0410285032721749, nEffKish: 148.493218828949, wilson: [0.413537795671849, 0.572320849176244], logit: [0.412668681956532, 0.573198054022395], vsRest: { diff: 0.0382787993547297, se: 0.0431067039645172, t: 0.888001072553321, df: 1931, p: 0.374650767803582, pAdj: 0.428172306061237 } },
  { item: 'item3', key: { country: 'IT', gender: 'M' }, n: 208, sumW: 197.0594, p: 0.500017761142072, se: 0.0381587942227379, nEffKish: 171.781351064838, wilson: [0.42606916800615, 0.573965577286714], logit: [0.42535025906371, 0.574684471048387], vsRest: { diff: 0.0456067115322711, se: 0.040416434850182, t: 1.12841995345034, df: 1931, p: 0.259282780028339, pAdj: 0.345710373371119 } },
  { item: 'item3', key: { country: 'PL', gender: 'F' }, n: 136, sumW: 178.4441, p: 0.624504816914653, se: 0.0484043233192936, nEffKish: 105.327915233394, wilson: [0.529180104424363, 0.711067362702059], logit: [0.525100252072253, 0.714418469548757], vsRest: { diff: 0.180762868054032, se: 0.0501132278425839, t: 3.60708890319031, df: 1931, p: 0.000317521658659788, pAdj: 0.00127008663463915 } },
  { item: 'item3', key: { country: 'PL', gender: 'M' }, n: 145, sumW: 134.7469, p: 0.696145885359886, se: 0.0412353864244221, nEffKish: 118.144273620599, wilson: [0.608119462912781, 0.771818627972814], logit: [0.609139049745019, 0.771063911905593], vsRest: { diff: 0.253261415309712, se: 0.0432464896166884, t: 5.85623058783437, df: 1931, p: 5.55198699068932e-09, pAdj: 4.44158959255146e-08 } },
];

describe('single item, weights-only design (survey_2000.csv vs oracle.R)', () => {
  const data = loadFixture('survey_2000.csv', 'survey_2000.codebook.json');
  const tables = new Map<string, AcceptanceTable>();
  const tableFor = (query: AcceptanceQuery) => {
    const id = JSON.stringify(query);
    if (!tables.has(id)) tables.set(id, acceptance(data, query));
    return tables.get(id)!;
  };

  it('loads the 2,000 respondents with their weights', () => {
    expect(data.rowCount).toBe(2000);
    expect(data.weighted).toBe(true);
    // R: sum(read.csv("survey_2000.csv")$weight)
    close(data.weights.reduce((s, w) => s + w, 0), 2247.5018, 'sum of weights', 1e-9);
  });

  it.each(SURVEY_2000.map((row) => [`${row.item} ${JSON.stringify(row.key)}`, row] as const))('%s', (_name, row) => {
    const by = Object.keys(row.key);
    const table = tableFor({ items: [row.item], by });
    const cell = cellOf(table, row.key);
    const what = `${row.item} ${JSON.stringify(row.key)}`;
    expect(cell.respondents, `${what} n`).toBe(row.n);
    expect(cell.ratings, `${what} ratings`).toBe(row.n);
    close(cell.sumWeights, row.sumW, `${what} sum_w`);
    close(cell.share, row.p, `${what} p`);
    close(cell.se, row.se, `${what} se`);
    close(cell.effectiveBase, row.nEffKish, `${what} n_eff_kish`, 1e-9 * row.nEffKish);
    closeInterval(cell.ci, row.wilson, `${what} wilson_kish`);
    if (row.logit) closeInterval(cell.ciLogit, row.logit, `${what} logit`);
    else expect(cell.ciLogit).toBeNull();
    expect(cell.smallBase).toBe(false);
    if (row.vsRest === null) {
      expect(cell.vsRest).toBeNull();
      return;
    }
    const v = cell.vsRest!;
    expect(v, `${what} vs_rest`).not.toBeNull();
    close(v.diff, row.vsRest.diff, `${what} vs_rest diff`);
    close(v.se, row.vsRest.se, `${what} vs_rest se`);
    close(v.t, row.vsRest.t, `${what} vs_rest t`, 1e-9 * Math.max(1, Math.abs(row.vsRest.t)));
    expect(v.df, `${what} vs_rest df`).toBe(row.vsRest.df);
    closeRel(v.pValue, row.vsRest.p, `${what} vs_rest p`);
    closeRel(v.pAdjusted, row.vsRest.pAdj, `${what} vs_rest BH`);
  });

  it('the overall is the same whatever the grouping, and has no test', () => {
    for (const item of ['item1', 'item2', 'item3']) {
      const plain = tableFor({ items: [item] });
      for (const by of [['country'], ['gender'], ['country', 'gender']]) {
        const grouped = tableFor({ items: [item], by });
        expect(grouped.overall).toEqual(plain.overall);
        expect(grouped.missingAttribute).toBe(0);
        // the cells of a grouping partition the respondents and the weights
        expect(grouped.cells.reduce((s, c) => s + c.respondents, 0)).toBe(plain.overall.respondents);
      }
    }
  });

  it('by item x country: each item is its own design, so the cells are the single-item ones', () => {
    const table = acceptance(data, { by: ['item', 'country'] });
    expect(table.cells).toHaveLength(3 * 4);
    for (const row of SURVEY_2000.filter((r) => Object.keys(r.key).join() === 'country')) {
      const what = `${row.item} ${row.key.country} (by item x country)`;
      const cell = cellOf(table, { item: row.item, country: row.key.country });
      expect(cell.respondents, what).toBe(row.n);
      close(cell.share, row.p, `${what} p`);
      close(cell.se, row.se, `${what} se`);
      close(cell.vsRest!.diff, row.vsRest!.diff, `${what} diff`);
      close(cell.vsRest!.se, row.vsRest!.se, `${what} diff se`);
      expect(cell.vsRest!.df, what).toBe(row.vsRest!.df);
      closeRel(cell.vsRest!.pValue, row.vsRest!.p, `${what} p-value`);
    }
  });

  // survey_2000_filter.R
  const FILTERED = {
    // R: svymean(~y, des) with des <- svydesign(ids=~1, weights=~weight, data=d[d$country %in% c('FR','IT') & !is.na(d$item1),])
    overall: { n: 958, sumW: 1076.2831000000001, p: 0.37149658858343121, se: 0.017397158690054135 },
    // R: svymean(~y, subset(des, gender==g)); svyttest(y ~ in_cell, update(des, in_cell = as.numeric(gender==g)))
    F: { n: 431, sumW: 558.66359999999997, p: 0.39530944919268057, se: 0.026147700844060477, vsRest: { diff: 0.049513937238435897, se: 0.034434803616556972, t: 1.4379038658036245, df: 956, p: 0.15078858007688745 } },
    M: { n: 527, sumW: 517.61950000000002, p: 0.34579551195424435, se: 0.022406549057817207, vsRest: { diff: -0.04951393723843605, se: 0.034434803616556993, t: -1.4379038658036281, df: 956, p: 0.15078858007688645 } },
  } as const;

  it('a filter keeps only some respondents: they form the design (FR + IT, item1 by gender)', () => {
    const table = acceptance(data, { items: ['item1'], by: ['gender'], filter: { country: ['FR', 'IT'] } });
    expect(table.overall.respondents).toBe(FILTERED.overall.n);
    close(table.overall.sumWeights, FILTERED.overall.sumW, 'filtered overall sum_w');
    close(table.overall.share, FILTERED.overall.p, 'filtered overall p');
    close(table.overall.se, FILTERED.overall.se, 'filtered overall se');
    for (const g of ['F', 'M'] as const) {
      const r = FILTERED[g];
      const cell = cellOf(table, { gender: g });
      expect(cell.respondents, `gender ${g} n`).toBe(r.n);
      close(cell.sumWeights, r.sumW, `gender ${g} sum_w`);
      close(cell.share, r.p, `gender ${g} p`);
      close(cell.se, r.se, `gender ${g} se`);
      close(cell.vsRest!.diff, r.vsRest.diff, `gender ${g} diff`);
      close(cell.vsRest!.se, r.vsRest.se, `gender ${g} diff se`);
      close(cell.vsRest!.t, r.vsRest.t, `gender ${g} t`);
      expect(cell.vsRest!.df).toBe(r.vsRest.df);
      closeRel(cell.vsRest!.pValue, r.vsRest.p, `gender ${g} p-value`);
    }
    // a filter on several attributes intersects them
    const frWomen = acceptance(data, { items: ['item1'], filter: { country: ['FR'], gender: ['F'] } });
    const row = SURVEY_2000.find((r) => r.item === 'item1' && r.key.country === 'FR' && r.key.gender === 'F')!;
    expect(frWomen.overall.respondents).toBe(row.n);
    close(frWomen.overall.share, row.p, 'FR women p');
    // an empty filter list means "no filter"
    expect(acceptance(data, { items: ['item1'], filter: { country: [] } }).overall.respondents).toBe(1948);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Pooled items, respondents as clusters: pooled_items.csv (wide; 300 respondents, each rating
//    3-5 of 6 scenario items crossing situation x industry).
// ---------------------------------------------------------------------------------------------

// Rscript pooled_items.R (survey 4.1.1, R version 4.2.2 Patched (2022-11-10 r83330)): 300 respondents, 1191 ratings
const POOLED = {
  // R: svymean(~y, des); svyciprop(~y, des, method="logit")
  overall: { n: 300, ratings: 1191, sumW: 1283.3097, p: 0.41848136891663795, se: 0.015460755921992175, nEff: 243.00788515386745, wilson: [0.35819766478770204, 0.48130225187201109], logit: [0.3884014346173566, 0.44917994932936639] },
  // R: svymean(~y, subset(des, situation==s)); svyglm(y ~ I(situation==s), des) coefficient / SE / p (df.residual = n_resp - 2)
  situation: {
  pressed: { n: 290, ratings: 576, sumW: 620.81320000000005, p: 0.33474497642769191, se: 0.021072238189548093, nEff: 215.73077939013251, wilson: [0.27515112989858764, 0.400121160224373], logit: [0.29462128141413968, 0.37740934382109015], vsRest: { diff: -0.16220421500199872, se: 0.031162137351631109, t: -5.2051697600745133, df: 298, p: 3.6164738764869797e-07, pAdj: 3.6164738764870496e-07 } },
  relaxed: { n: 296, ratings: 615, sumW: 662.49649999999997, p: 0.49694919142969057, se: 0.022525371190299362, nEff: 228.75704954549437, wilson: [0.43274461319591839, 0.56125454034832201], logit: [0.45275805140260528, 0.54118804703632239], vsRest: { diff: 0.16220421500199861, se: 0.031162137351631113, t: 5.2051697600745088, df: 298, p: 3.6164738764870496e-07, pAdj: 3.6164738764870496e-07 } },
  },
  // R: svymean(~y, subset(des, industry==s)); svyglm(y ~ I(industry==s), des); BH = p.adjust(p, 'BH') over the 3 levels
  industry: {
  banking: { n: 276, ratings: 397, sumW: 426.37639999999999, p: 0.39519565341796592, se: 0.026416690176000859, nEff: 214.14161189265877, wilson: [0.33211549013676245, 0.46196969604775473], logit: [0.34454565635511092, 0.44820001247863528], vsRest: { diff: -0.034871774233637749, se: 0.032579642022116273, t: -1.070354739010499, df: 298, p: 0.28532581943003638, pAdj: 0.28532581943003638 } },
  travel: { n: 274, ratings: 393, sumW: 425.89780000000002, p: 0.53694736155011835, se: 0.027976667185033249, nEff: 202.41653706589074, wilson: [0.4682064440843236, 0.60431202431782982], logit: [0.48164325855011569, 0.59135715922016441], vsRest: { diff: 0.17731099541150977, se: 0.032268908312977754, t: 5.4947937405183209, df: 298, p: 8.4005684148238505e-08, pAdj: 2.5201705244471549e-07 } },
  clothing: { n: 278, ratings: 401, sumW: 431.03550000000001, p: 0.32446144227099621, se: 0.025113895214020038, nEff: 208.34462372799592, wilson: [0.26456573850894038, 0.39071311559392341], logit: [0.2770989741811164, 0.375711863770264], vsRest: { diff: -0.14157026442621479, se: 0.032193075613874689, t: -4.3975377228387682, df: 298, p: 1.5254084369733674e-05, pAdj: 2.2881126554600512e-05 } },
  },
  // R: svymean(~y, subset(des, country==c)); svyglm(y ~ I(country==c), des) on all ratings (clustered)
  country: {
  BE: { n: 91, ratings: 363, sumW: 397.80399999999997, p: 0.36919513127067605, se: 0.024595805689476634, nEff: 73.574398543964307, wilson: [0.26799000008449986, 0.48338162141547286], logit: [0.32180559121760888, 0.41924922840810397], vsRest: { diff: -0.071427554726715081, se: 0.031322343857516616, t: -2.2804026113637779, df: 298, p: 0.023289875858283977, pAdj: 0.023289875858283977 } },
  DE: { n: 105, ratings: 408, sumW: 429.18180000000001, p: 0.35136019281339514, se: 0.024468149553705996, nEff: 83.840894133600557, wilson: [0.2577362322674433, 0.45800829514351865], logit: [0.30449875616504146, 0.40127256314746995], vsRest: { diff: -0.1008481942443278, se: 0.030901986713118723, t: -3.2634857810457549, df: 298, p: 0.0012285241790953819, pAdj: 0.001842786268643073 } },
  NL: { n: 104, ratings: 420, sumW: 456.32389999999998, p: 0.52457585500123927, se: 0.026022047095862817, nEff: 85.718803760913062, wilson: [0.42008906721241734, 0.62695440567129235], logit: [0.47288871577298397, 0.57574178455946157], vsRest: { diff: 0.16463654286311066, se: 0.031318731687266899, t: 5.2568074757013905, df: 298, p: 2.8001491765712723e-07, pAdj: 8.4004475297138175e-07 } },
  },
  // R: svymean(~y, subset(des, item==i)); svyglm(y ~ I(item==i), des)
  item: {
  s1: { n: 193, ratings: 193, sumW: 212.35660000000001, p: 0.30462674576631948, se: 0.036745858126293433, nEff: 163.26784742536381, wilson: [0.23919197264636366, 0.37904388291690078], logit: [0.23730507598106468, 0.38149407065967328], vsRest: { diff: -0.13643057037572301, se: 0.039585926332115093, t: -3.4464412738786971, df: 298, p: 0.00064970500697721838, pAdj: 0.0012994100139544368 } },
  s2: { n: 187, ratings: 187, sumW: 199.3604, p: 0.44529204395657312, se: 0.039734132902309274, nEff: 158.05590940625112, wilson: [0.37002249614311922, 0.52315778419250758], logit: [0.36887160583184375, 0.52439008648485286], vsRest: { diff: 0.03174170539369018, se: 0.04327927678837689, t: 0.73341579964235337, df: 298, p: 0.46388143540249627, pAdj: 0.46388143540249627 } },
  s3: { n: 196, ratings: 196, sumW: 209.09620000000001, p: 0.25993298778265694, se: 0.033138390034958234, nEff: 167.25327210369062, wilson: [0.19938260119474394, 0.33126345551810188], logit: [0.20003748330198695, 0.33035637887892488], vsRest: { diff: -0.18940990355132908, se: 0.03930868092900839, t: -4.8185260628155904, df: 298, p: 2.3068957230784854e-06, pAdj: 6.9206871692354557e-06 } },
  s4: { n: 204, ratings: 204, sumW: 214.0198, p: 0.48506072802609851, se: 0.03769931529798759, nEff: 176.80527897117437, wilson: [0.41249759726345653, 0.55825922700850872], logit: [0.41159627792130449, 0.5591764992597813], vsRest: { diff: 0.079905306657206951, se: 0.04217187624583512, t: 1.8947534179273888, df: 298, p: 0.059092951977206994, pAdj: 0.088639427965810494 } },
  s5: { n: 206, ratings: 206, sumW: 226.53739999999999, p: 0.61760707062056863, se: 0.036843885657128747, nEff: 173.3121244413521, wilson: [0.54344913112301274, 0.68666454632289775], logit: [0.54284972258950992, 0.68718404882405826], vsRest: { diff: 0.2418117360910772, se: 0.038422411763815036, t: 6.2935074866593235, df: 298, p: 1.1070770507340278e-09, pAdj: 6.642462304404167e-09 } },
  s6: { n: 205, ratings: 205, sumW: 221.9393, p: 0.38525578840701036, se: 0.03667643823326374, nEff: 177.07073088470594, wilson: [0.31673575076831767, 0.45864874438763753], logit: [0.31590977227348566, 0.45959719514045433], vsRest: { diff: -0.04017326067896379, se: 0.038964936561481263, t: -1.0310105501025508, df: 298, p: 0.30337191211872561, pAdj: 0.36404629454247073 } },
  },
  // pressed slice: des_s <- svydesign(ids=~resp, weights=~w, data=long[long$situation=="pressed",]) -> 290 respondents
  // R: svymean(~y, subset(des_s, country==c)); svyglm(y ~ I(country==c), des_s); pAdj = p.adjust(<the 6 p of both slices>, 'BH')
  pressedByCountry: {
  BE: { n: 89, ratings: 179, sumW: 194.77709999999999, p: 0.25110703465653816, se: 0.0362547572415775, nEff: 68.18795894338534, wilson: [0.16335934019848564, 0.36540255101310848], logit: [0.18605536615974397, 0.32969042978738899], vsRest: { diff: -0.1218759120937488, se: 0.044280540978388773, t: -2.7523582458766853, df: 288, p: 0.0062923482446756562, pAdj: 0.018877044734026967 } },
  DE: { n: 100, ratings: 196, sumW: 206.983, p: 0.26447341085982906, se: 0.0302815985101491, nEff: 74.052643446989308, wilson: [0.17745657737071061, 0.37472090410419523], logit: [0.20887427479855405, 0.32872274884920988], vsRest: { diff: -0.10541887829644811, se: 0.040605969413454478, t: -2.5961423854473566, df: 288, p: 0.009911331184585731, pAdj: 0.019822662369171462 } },
  NL: { n: 101, ratings: 201, sumW: 219.0531, p: 0.47551347139118322, se: 0.035971195222129583, nEff: 73.638604732837138, wilson: [0.36552167899618299, 0.5879333462372911], logit: [0.40512054400458042, 0.54689304863292476], vsRest: { diff: 0.217520206256094, se: 0.042954570974581149, t: 5.0639594651012585, df: 288, p: 7.3418283970376167e-07, pAdj: 4.4050970382225698e-06 } },
  },
  pressedRespondents: 290,
  // relaxed slice: des_s <- svydesign(ids=~resp, weights=~w, data=long[long$situation=="relaxed",]) -> 296 respondents
  // R: svymean(~y, subset(des_s, country==c)); svyglm(y ~ I(country==c), des_s); pAdj = p.adjust(<the 6 p of both slices>, 'BH')
  relaxedByCountry: {
  BE: { n: 89, ratings: 184, sumW: 203.02690000000001, p: 0.48248483329056391, se: 0.039120944984828758, nEff: 67.497916403070363, wilson: [0.36746986027662404, 0.59938610798406988], logit: [0.40577720938503786, 0.56002693275175985], vsRest: { diff: -0.020855757686510396, se: 0.047823528997021414, t: -0.43609825798947943, df: 294, p: 0.66308548956062241, pAdj: 0.66308548956062241 } },
  DE: { n: 105, ratings: 212, sumW: 222.19880000000001, p: 0.43229711411582777, se: 0.03925569130203093, nEff: 79.124930821009315, wilson: [0.32878785372604558, 0.54207584939271469], logit: [0.3567076276982255, 0.51117631135230224], vsRest: { diff: -0.097279124869749392, se: 0.047665902711407013, t: -2.0408535102906873, df: 294, p: 0.042158339881906218, pAdj: 0.050590007858287461 } },
  NL: { n: 102, ratings: 219, sumW: 237.27080000000001, p: 0.56987121887733339, se: 0.036998431221342033, nEff: 82.309444577846037, wilson: [0.46216365003667392, 0.67134768857728355], logit: [0.49547482669118259, 0.64124057977216886], vsRest: { diff: 0.1136116372010615, se: 0.046329033693137574, t: 2.4522772901669665, df: 294, p: 0.014776787679147654, pAdj: 0.022165181518721482 } },
  },
  relaxedRespondents: 296,
} as const;

interface PooledRow {
  n: number;
  ratings: number;
  sumW: number;
  p: number;
  se: number;
  nEff: number;
  wilson: readonly [number, number];
  logit: readonly [number, number];
  vsRest: { diff: number; se: number; t: number; df: number; p: number; pAdj: number };
}

function checkPooledCell(cell: AcceptanceCell, r: PooledRow, what: string) {
  expect(cell.respondents, `${what} respondents`).toBe(r.n);
  expect(cell.ratings, `${what} ratings`).toBe(r.ratings);
  close(cell.sumWeights, r.sumW, `${what} sum_w`);
  close(cell.share, r.p, `${what} p`);
  close(cell.se, r.se, `${what} se`);
  close(cell.effectiveBase, r.nEff, `${what} n_eff (respondent-level Kish)`);
  closeInterval(cell.ci, r.wilson, `${what} wilson`);
  closeInterval(cell.ciLogit, r.logit, `${what} logit`);
  const v = cell.vsRest;
  expect(v, `${what} vs_rest`).not.toBeNull();
  close(v!.diff, r.vsRest.diff, `${what} svyglm coefficient`);
  close(v!.se, r.vsRest.se, `${what} svyglm SE`);
  close(v!.t, r.vsRest.t, `${what} svyglm t`);
  expect(v!.df, `${what} df`).toBe(r.vsRest.df);
  closeRel(v!.pValue, r.vsRest.p, `${what} svyglm p`);
  closeRel(v!.pAdjusted, r.vsRest.pAdj, `${what} BH`);
}

describe('pooled items, respondents as clusters (pooled_items.csv vs svydesign(ids=~resp))', () => {
  const data = loadFixture('pooled_items.csv', 'pooled_items.codebook.json');

  it('the overall pooled share and SE match svymean(~y, des)', () => {
    const table = acceptance(data, { family: 'scenario', by: ['situation'] });
    const o = table.overall;
    expect(o.respondents).toBe(POOLED.overall.n);
    expect(o.ratings).toBe(POOLED.overall.ratings);
    close(o.sumWeights, POOLED.overall.sumW, 'overall sum_w');
    close(o.share, POOLED.overall.p, 'overall p');
    close(o.se, POOLED.overall.se, 'overall se');
    close(o.effectiveBase, POOLED.overall.nEff, 'overall n_eff');
    closeInterval(o.ci, POOLED.overall.wilson, 'overall wilson');
    closeInterval(o.ciLogit, POOLED.overall.logit, 'overall logit');
    expect(o.vsRest).toBeNull();
    // the same with the items listed instead of the family, and without a grouping
    expect(acceptance(data, { items: ['s1', 's2', 's3', 's4', 's5', 's6'], by: ['situation'] }).overall).toEqual(o);
    expect(acceptance(data, {}).overall).toEqual(o);
  });

  it('by situation: svymean on subset(des, situation==s) and svyglm(y ~ I(situation==s), des), df = n_resp - 2', () => {
    const table = acceptance(data, { family: 'scenario', by: ['situation'] });
    expect(table.cells.map((c) => c.key.situation)).toEqual(['pressed', 'relaxed']);
    for (const s of ['pressed', 'relaxed'] as const) checkPooledCell(cellOf(table, { situation: s }), POOLED.situation[s], `situation ${s}`);
    // respondents rate items on both sides: the cells overlap in respondents
    expect(table.cells[0].respondents + table.cells[1].respondents).toBeGreaterThan(table.overall.respondents);
  });

  it('by industry (3 levels): each level vs the rest with svyglm', () => {
    const table = acceptance(data, { family: 'scenario', by: ['industry'] });
    expect(table.cells.map((c) => c.key.industry)).toEqual(['banking', 'travel', 'clothing']);
    for (const s of ['banking', 'travel', 'clothing'] as const) checkPooledCell(cellOf(table, { industry: s }), POOLED.industry[s], `industry ${s}`);
  });

  it('all items pooled by country: all ratings of a respondent fall in one cell, clustered', () => {
    const table = acceptance(data, { family: 'scenario', by: ['country'] });
    for (const c of ['BE', 'DE', 'NL'] as const) checkPooledCell(cellOf(table, { country: c }), POOLED.country[c], `country ${c}`);
  });

  it('by item: each item vs all other ratings, in the design of all respondents', () => {
    const table = acceptance(data, { family: 'scenario', by: ['item'] });
    expect(table.cells.map((c) => c.key.item)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    for (const i of ['s1', 's2', 's3', 's4', 's5', 's6'] as const) checkPooledCell(cellOf(table, { item: i }), POOLED.item[i], `item ${i}`);
  });

  it('by situation x country: each situation slice is its own design, country vs the other countries in it', () => {
    const table = acceptance(data, { family: 'scenario', by: ['situation', 'country'] });
    expect(table.cells).toHaveLength(2 * 3);
    for (const s of ['pressed', 'relaxed'] as const) {
      const slice = table.cells.filter((c) => c.key.situation === s);
      const respondents = s === 'pressed' ? POOLED.pressedRespondents : POOLED.relaxedRespondents;
      // the slice's design: the respondents who rated at least one of its items
      expect(slice.reduce((sum, c) => sum + c.respondents, 0)).toBe(respondents);
      const expected = s === 'pressed' ? POOLED.pressedByCountry : POOLED.relaxedByCountry;
      for (const c of ['BE', 'DE', 'NL'] as const) {
        checkPooledCell(cellOf(table, { situation: s, country: c }), expected[c], `${s} ${c}`);
        expect(cellOf(table, { situation: s, country: c }).vsRest!.df).toBe(respondents - 2);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Edge cases: edge_cases.csv (80 respondents). Region E: 6 respondents, all positive on q1, all
//    blank on q2. Region W: in the codebook, nobody has it. Region N: 29 respondents (< 30).
// ---------------------------------------------------------------------------------------------

// Rscript edge_cases.R -> oracle.R on spec_edge_cases.json: per item, des <- svydesign(ids=~1, weights=~w,
// data=d[!is.na(d$qK),]); svymean / svyciprop(method="logit") on subset(des, region==r); Wilson on the
// Kish n_eff; svyttest(y ~ in_cell, des). For E (p = 1, SE 0) oracle.R reports logit = null.
const EDGE = {
  q1: {
    'region=E': { n: 6, sumW: 5.7943, p: 1, se: 0, nEffKish: 4.90988028853225, wilson: [0.561043313172021, 1], logit: null, vsRest: { diff: 0.652129083696711, se: 0.060550231552513, t: 10.7700510299642, df: 75, p: 6.98612456100343e-17 } },
    'region=N': { n: 29, sumW: 34.3714, p: 0.341516493363669, se: 0.0943076819227732, nEffKish: 24.8401709475254, wilson: [0.18789970419918, 0.537586090783653], logit: [0.180114725950817, 0.550448605533312], vsRest: { diff: -0.0822035074712888, se: 0.121612065242544, t: -0.675948618316298, df: 75, p: 0.501152338779842 } },
    'region=S': { n: 42, sumW: 46.903, p: 0.352527556872695, se: 0.0789111048309816, nEffKish: 36.7741512490155, wilson: [0.218885636956082, 0.514065614086685], logit: [0.213133151205088, 0.522546468091069], vsRest: { diff: -0.0839817035161448, se: 0.120395890604646, t: -0.697546262537502, df: 75, p: 0.487617829991685 } },
    'segment=A': { n: 34, sumW: 37.0089, p: 0.305899391767926, se: 0.0827152916882053, nEffKish: 29.0501179618733, wilson: [0.169472313747294, 0.487665098491235], logit: [0.166318690950754, 0.493306430258354], vsRest: { diff: -0.148483166692156, se: 0.116428136493139, t: -1.275320306281, df: 75, p: 0.206132163788631 } },
    'segment=B': { n: 43, sumW: 50.0598, p: 0.454382558460082, se: 0.0819371191109383, nEffKish: 37.3629439332065, wilson: [0.306545292325084, 0.610725591526232], logit: [0.299442598908393, 0.618691117051821], vsRest: { diff: 0.148483166692156, se: 0.116428136493139, t: 1.275320306281, df: 75, p: 0.206132163788631 } },
  },
  q2: {
    'region=N': { n: 29, sumW: 37.2664, p: 0.499675310735676, se: 0.103436104749117, nEffKish: 23.6906719033605, wilson: [0.312954489789189, 0.686486737124286], logit: [0.299681258680068, 0.699773311220151], vsRest: { diff: 0.071518495154341, se: 0.131467173137193, t: 0.544002684835304, df: 70, p: 0.588168219469772 } },
    'region=S': { n: 43, sumW: 47.8932, p: 0.428156815581335, se: 0.0811454856847535, nEffKish: 37.6490911998309, wilson: [0.28410033659598, 0.585516691815235], logit: [0.27723534067473, 0.593744386907134], vsRest: { diff: -0.0715184951543411, se: 0.131467173137193, t: -0.544002684835304, df: 70, p: 0.588168219469772 } },
    'segment=A': { n: 30, sumW: 36.0819, p: 0.578342603909439, se: 0.103994883960905, nEffKish: 23.9614741056651, wilson: [0.383640519755128, 0.751395901036772], logit: [0.36442420594073, 0.766411708070398], vsRest: { diff: 0.206295829101329, se: 0.130762195787499, t: 1.57764121242334, df: 70, p: 0.119156851507729 } },
    'segment=B': { n: 42, sumW: 49.0777, p: 0.37204677480811, se: 0.079270523885781, nEffKish: 36.9346393027023, wilson: [0.235255280564349, 0.532946855609722], logit: [0.229934493456413, 0.540359236214528], vsRest: { diff: -0.206295829101329, se: 0.130762195787499, t: -1.57764121242334, df: 70, p: 0.119156851507728 } },
  },
  // R: p.adjust(<q1 p_value_t of the cells at or above the minimum base>, 'BH')
  q1BH: { minBase30: { S: 0.487617829991685 }, minBase5: { E: 2.09583736830103e-16, N: 0.501152338779842, S: 0.501152338779842 } },
} as const;

describe('edge cases', () => {
  const data = loadFixture('edge_cases.csv', 'edge_cases.codebook.json');

  it('a cell with only positive answers: share 1, SE 0, no logit interval, Wilson defined, test defined', () => {
    const table = acceptance(data, { items: ['q1'], by: ['region'] });
    const e = cellOf(table, { region: 'E' });
    const r = EDGE.q1['region=E'];
    expect(e.respondents).toBe(r.n);
    close(e.sumWeights, r.sumW, 'E sum_w');
    expect(e.share).toBe(1);
    expect(e.se).toBe(0);
    expect(e.ciLogit).toBeNull();
    expect(r.logit).toBeNull();
    close(e.effectiveBase, r.nEffKish, 'E n_eff_kish');
    closeInterval(e.ci, r.wilson as unknown as [number, number], 'E wilson');
    close(e.vsRest!.diff, r.vsRest.diff, 'E diff');
    close(e.vsRest!.se, r.vsRest.se, 'E diff se');
    close(e.vsRest!.t, r.vsRest.t, 'E t');
    expect(e.vsRest!.df).toBe(r.vsRest.df);
    closeRel(e.vsRest!.pValue, r.vsRest.p, 'E p-value');
    expect(e.smallBase).toBe(true);
    for (const level of ['N', 'S'] as const) {
      const cell = cellOf(table, { region: level });
      const x = EDGE.q1[`region=${level}`];
      expect(cell.respondents).toBe(x.n);
      close(cell.share, x.p, `${level} p`);
      close(cell.se, x.se, `${level} se`);
      closeInterval(cell.ci, x.wilson as unknown as [number, number], `${level} wilson`);
      closeInterval(cell.ciLogit, x.logit as unknown as [number, number], `${level} logit`);
      close(cell.vsRest!.diff, x.vsRest.diff, `${level} diff`);
      close(cell.vsRest!.se, x.vsRest.se, `${level} diff se`);
      closeRel(cell.vsRest!.pValue, x.vsRest.p, `${level} p-value`);
    }
  });

  it('empty cells (a level nobody has; a level whose respondents all left the item blank): share null, no crash', () => {
    for (const [item, levels] of [['q1', ['W']], ['q2', ['E', 'W']]] as const) {
      const table = acceptance(data, { items: [item], by: ['region'] });
      expect(table.cells).toHaveLength(4);
      for (const level of levels) {
        const cell = cellOf(table, { region: level });
        expect(cell).toMatchObject({ respondents: 0, ratings: 0, sumWeights: 0, effectiveBase: 0, share: null, se: null, ci: null, ciLogit: null, vsRest: null, smallBase: true });
      }
    }
    // the non-empty cells of q2 still match R
    const q2 = acceptance(data, { items: ['q2'], by: ['region'] });
    for (const level of ['N', 'S'] as const) {
      const x = EDGE.q2[`region=${level}`];
      const cell = cellOf(q2, { region: level });
      expect(cell.respondents).toBe(x.n);
      close(cell.share, x.p, `q2 ${level} p`);
      close(cell.se, x.se, `q2 ${level} se`);
      close(cell.vsRest!.diff, x.vsRest.diff, `q2 ${level} diff`);
      close(cell.vsRest!.se, x.vsRest.se, `q2 ${level} diff se`);
      expect(cell.vsRest!.df).toBe(x.vsRest.df);
      closeRel(cell.vsRest!.pValue, x.vsRest.p, `q2 ${level} p-value`);
    }
    // crossed with another attribute, empty combinations do not break anything
    const crossed = acceptance(data, { items: ['q2'], by: ['region', 'segment'] });
    expect(crossed.cells).toHaveLength(8);
    expect(crossed.cells.filter((c) => c.share === null).map((c) => `${c.key.region}${c.key.segment}`)).toEqual(['EA', 'EB', 'WA', 'WB']);
    // a filter that keeps nobody with an answer: the overall is empty too
    const nobody = acceptance(data, { items: ['q2'], by: ['segment'], filter: { region: ['E', 'W'] } });
    expect(nobody.overall).toMatchObject({ respondents: 0, share: null, se: null, ci: null });
    expect(nobody.cells.every((c) => c.share === null && c.vsRest === null)).toBe(true);
    expect(rankedCells(nobody)).toEqual([]);
  });

  it('minBase: cells under it are flagged, left out of rankedCells and of the BH family', () => {
    // default minBase 30: N (29) and E (6) are small, W is empty
    const table = acceptance(data, { items: ['q1'], by: ['region'] });
    expect(table.minBase).toBe(30);
    expect(Object.fromEntries(table.cells.map((c) => [c.key.region, c.smallBase]))).toEqual({ N: true, S: false, E: true, W: true });
    expect(rankedCells(table).map((c) => c.key.region)).toEqual(['S']);
    // the family has one test: R's p.adjust(p_S, "BH") = p_S; the small cells get no adjusted p
    closeRel(cellOf(table, { region: 'S' }).vsRest!.pAdjusted, EDGE.q1BH.minBase30.S, 'S BH');
    expect(cellOf(table, { region: 'N' }).vsRest!.pAdjusted).toBeNull();
    expect(cellOf(table, { region: 'E' }).vsRest!.pAdjusted).toBeNull();
    // the threshold is "fewer respondents than minBase"
    const at29 = acceptance(data, { items: ['q1'], by: ['region'], minBase: 29 });
    expect(cellOf(at29, { region: 'N' }).smallBase).toBe(false);
    // minBase 5: everything but the empty cell is ranked, highest share first
    const loose = acceptance(data, { items: ['q1'], by: ['region'], minBase: 5 });
    expect(rankedCells(loose).map((c) => c.key.region)).toEqual(['E', 'S', 'N']);
    // BH over E, N, S
    for (const level of ['E', 'N', 'S'] as const) closeRel(cellOf(loose, { region: level }).vsRest!.pAdjusted, EDGE.q1BH.minBase5[level], `${level} BH`);
    // minBase 0: the empty cell is still not ranked
    expect(rankedCells(acceptance(data, { items: ['q1'], by: ['region'], minBase: 0 })).map((c) => c.key.region)).toEqual(['E', 'S', 'N']);
  });

  it('unknown ids in a query throw a QueryError that says what exists', () => {
    const attempt = (query: AcceptanceQuery) => () => acceptance(data, query);
    expect(attempt({ by: ['regio'] })).toThrow(QueryError);
    expect(attempt({ by: ['regio'] })).toThrow(/cannot group by "regio"; choose from: region, segment, item/);
    expect(attempt({ items: ['q9'] })).toThrow(QueryError);
    expect(attempt({ items: ['q9'] })).toThrow(/unknown item "q9".*q1, q2/);
    expect(attempt({ filter: { country: ['NL'] } })).toThrow(QueryError);
    expect(attempt({ filter: { country: ['NL'] } })).toThrow(/unknown attribute "country".*region, segment/);
    expect(attempt({ filter: { region: ['X'] } })).toThrow(QueryError);
    expect(attempt({ filter: { region: ['X'] } })).toThrow(/"X" is not a level of region \(N, S, E, W\)/);
    expect(attempt({ family: 'nope' })).toThrow(QueryError);
    expect(attempt({ family: 'nope' })).toThrow(/unknown item family "nope".*main/);
    expect(attempt({ itemWhere: { situation: ['pressed'] } })).toThrow(QueryError);
    expect(attempt({ outcome: ['9'] })).toThrow(/has no answer code "9"/);
    expect(attempt({ by: ['region', 'region'] })).toThrow(QueryError);
    // a repeated item would count its ratings twice
    expect(attempt({ items: ['q1', 'q2', 'q1'] })).toThrow(/item "q1" is listed twice/);
    expect(attempt({ minBase: -1 })).toThrow(QueryError);
    expect(attempt({ confLevel: 1.5 })).toThrow(QueryError);
  });
});
