import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { DATA_TYPE_FAMILY, SCENARIO_FAMILY } from './views';

/**
 * Whether the planner (planFor) can answer on a dataset, and if not, what the dataset lacks. The
 * planner reads study G's structure: rated scenarios described by situation, place and industry
 * (its guidelines compare time-pressed with relaxed, public with private, banking with clothing),
 * data types rated OK / depends / not OK (code "3" is the not-OK answer), and the emotional bond in
 * bands with a "strong" band. A dataset without one of these gets the list, not a crash.
 */
export const PLANNER_MOMENTS: Record<string, string[]> = {
  situation: ['pressed', 'relaxed'],
  place: ['public', 'private'],
  industry: ['banking', 'clothing'],
};

export function plannerGaps(data: SurveyData): Label[] {
  const gaps: Label[] = [];
  const { codebook } = data;
  const scenarios = codebook.items.filter((it) => it.family === SCENARIO_FAMILY);
  if (!scenarios.length) gaps.push({ en: 'rated scenarios (items of the family “scenario”)', nl: 'beoordeelde scenario’s (items van de familie “scenario”)' });
  else
    for (const [dimension, codes] of Object.entries(PLANNER_MOMENTS)) {
      const absent = codes.filter((code) => !scenarios.some((it) => it.meta[dimension] === code));
      const declared = codebook.itemDimensions.find((d) => d.id === dimension);
      const undeclared = codes.filter((code) => !declared?.values.some((v) => v.code === code));
      const missing = [...new Set([...absent, ...undeclared])];
      if (missing.length) gaps.push({ en: `scenarios with ${dimension} ${missing.map((c) => `“${c}”`).join(' and ')}`, nl: `scenario’s met ${dimension} ${missing.map((c) => `“${c}”`).join(' en ')}` });
    }
  const dataTypes = codebook.items.filter((it) => it.family === DATA_TYPE_FAMILY);
  if (!dataTypes.length) gaps.push({ en: 'rated data types (items of the family “dataType”)', nl: 'beoordeelde gegevenstypen (items van de familie “dataType”)' });
  else if (dataTypes.some((it) => !data.items.get(it.id)?.codes.some((c) => c.code === '3')))
    gaps.push({ en: 'a not-OK answer (code “3”) on every data type', nl: 'een antwoord ‘niet oké’ (code “3”) bij elk gegevenstype' });
  const bond = data.attributes.get('bond');
  if (!bond || !bond.levels.some((l) => l.code === 'strong')) gaps.push({ en: 'the emotional bond with a “strong” band (attribute “bond”)', nl: 'de emotionele band met een groep “strong” (kenmerk “bond”)' });
  return gaps;
}
