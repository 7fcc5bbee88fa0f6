import Papa from 'papaparse';
import type { Label } from '../survey/codebook';
import type { AttributeColumn } from '../survey/dataset';
import { BLANK_LEVEL, type RakingMarginSpec } from '../survey/weights';
import { problem, type WeightingProblem } from './problems';

/**
 * Population targets as an analyst gives them, resolved against a dataset: on the weighting page
 * (a percentage per level, each attribute totalling 100), as a pasted or uploaded CSV
 * (`variable,level,percent`), or as TARGETS.json for the CLI and the API
 * (`{"margins": {"country": {"NL": 0.3, ...}}, "type": "share" | "total"}`). Attributes are named by
 * id (or label), levels by code or band id (or label); the level "" (or "(no answer)") stands for
 * respondents without an answer, who then need a target of their own. Every problem is collected.
 */
export interface TargetInput {
  attribute: string;
  levels: { level: string; value: number | string }[];
}

export type TargetUnit = 'percent' | 'share' | 'total';

export interface ResolvedTargets {
  margins: RakingMarginSpec[];
  /** With totals: the population total every margin adds up to (the raked weights' sum). */
  total?: number;
}

/** What resolving targets needs of an attribute: its id, name and levels (the engine's columns, or the page's list of them). */
export type TargetAttribute = Pick<AttributeColumn, 'id' | 'label' | 'levels'>;
type TargetAttributes = { attributes: ReadonlyMap<string, TargetAttribute> };

/** The level of respondents without an answer, as pages and reports name it. */
export const NO_ANSWER: Label = { en: 'No answer', nl: 'Geen antwoord' };

const BLANK_WORDS = new Set(['', '(no answer)', '(geen antwoord)', '(blank)', '(leeg)', 'no answer', 'geen antwoord']);
const lower = (s: string) => s.trim().toLocaleLowerCase('en');

function findAttribute(data: TargetAttributes, name: string): TargetAttribute | undefined {
  const byId = data.attributes.get(name.trim());
  if (byId) return byId;
  const wanted = lower(name);
  return [...data.attributes.values()].find((a) => lower(a.label.en) === wanted || lower(a.label.nl) === wanted);
}

function findLevel(attribute: TargetAttribute, name: string): string | undefined {
  if (BLANK_WORDS.has(lower(name))) return BLANK_LEVEL;
  const exact = attribute.levels.find((l) => l.code === name.trim());
  if (exact) return exact.code;
  const wanted = lower(name);
  return attribute.levels.find((l) => lower(l.code) === wanted || lower(l.label.en) === wanted || lower(l.label.nl) === wanted)?.code;
}

/** "30", "30.5", "30,5", "30 %": a number, else NaN. */
export function readNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  const text = value.trim().replace(/\s*%$/, '');
  const normal = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  return normal === '' || !/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal) ? NaN : Number(normal);
}

/** The analyst's targets as margins of shares summing to 1 (or a WeightingProblem list). */
export function resolveTargets(data: TargetAttributes, inputs: TargetInput[], unit: TargetUnit): { ok: true; targets: ResolvedTargets } | { ok: false; problems: WeightingProblem[] } {
  const problems: WeightingProblem[] = [];
  if (inputs.length === 0) return { ok: false, problems: [problem.noMargins()] };
  const margins: RakingMarginSpec[] = [];
  const totals: { name: Label; total: number }[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const attribute = findAttribute(data, input.attribute);
    if (!attribute) {
      problems.push(problem.unknownAttribute(input.attribute));
      continue;
    }
    if (seen.has(attribute.id)) {
      problems.push(problem.repeatedAttribute(input.attribute));
      continue;
    }
    seen.add(attribute.id);
    const name = attribute.label;
    const levels: { level: string; value: number }[] = [];
    for (const given of input.levels) {
      const level = findLevel(attribute, given.level);
      if (level === undefined) {
        problems.push(problem.unknownLevel(name, given.level));
        continue;
      }
      if (levels.some((l) => l.level === level)) {
        problems.push(problem.repeatedLevel(name, given.level));
        continue;
      }
      const value = readNumber(given.value);
      const max = unit === 'percent' ? 100 : unit === 'share' ? 1 : Infinity;
      if (!(value >= 0 && value <= max) || !Number.isFinite(value)) {
        problems.push(problem.badPercent(name, level === BLANK_LEVEL ? NO_ANSWER : (attribute.levels.find((x) => x.code === level)?.label ?? given.level), String(given.value)));
        continue;
      }
      levels.push({ level, value });
    }
    const sum = levels.reduce((s, l) => s + l.value, 0);
    // Percentages as typed from a census table may be rounded: a total within 0.05 points is taken and rescaled to 100.
    if (unit === 'percent' && Math.abs(sum - 100) > 0.05) problems.push(problem.notHundred(name, sum));
    if (unit === 'share' && Math.abs(sum - 1) > 0.0005) problems.push(problem.notHundred(name, sum * 100));
    if (unit === 'total') totals.push({ name, total: sum });
    if (sum > 0) margins.push({ attribute: attribute.id, targets: levels.map((l) => ({ level: l.level, share: l.value / sum })) });
  }
  if (unit === 'total')
    for (const other of totals.slice(1))
      if (Math.abs(other.total - totals[0].total) > 1e-9 * Math.max(1, totals[0].total)) problems.push(problem.totalsDiffer(totals[0].name, other.name));
  if (problems.length) return { ok: false, problems };
  return { ok: true, targets: { margins, ...(unit === 'total' ? { total: totals[0].total } : {}) } };
}

/** `variable,level,percent` (header optional; comma, semicolon or tab; decimal commas read) into target inputs. */
export function parseTargetsCsv(text: string): { ok: true; inputs: TargetInput[] } | { ok: false; problems: WeightingProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const rows = parsed.data;
  const problems: WeightingProblem[] = [];
  const inputs: TargetInput[] = [];
  const first = rows[0]?.map(lower) ?? [];
  const hasHeader = ['variable', 'variabele', 'attribute', 'kenmerk'].includes(first[0] ?? '');
  rows.forEach((row, i) => {
    if (i === 0 && hasHeader) return;
    const line = i + 1;
    if (row.length !== 3) {
      problems.push(problem.badCsv(line, { en: `${row.length} fields instead of 3`, nl: `${row.length} velden in plaats van 3` }));
      return;
    }
    const [attribute, level, value] = row;
    if (attribute.trim() === '') {
      problems.push(problem.badCsv(line, { en: 'the variable is empty', nl: 'de variabele is leeg' }));
      return;
    }
    let input = inputs.find((t) => t.attribute === attribute.trim());
    if (!input) inputs.push((input = { attribute: attribute.trim(), levels: [] }));
    input.levels.push({ level, value });
  });
  if (rows.length === 0 || (hasHeader && rows.length === 1)) problems.push(problem.badCsv(1, { en: 'there are no targets', nl: 'er staan geen doelen in' }));
  return problems.length ? { ok: false, problems } : { ok: true, inputs };
}

/** TARGETS.json: {"margins": {"<attribute id>": {"<code>": share, ...}, ...}, "type": "share" | "total" | "percent"}. */
export function parseTargetsJson(value: unknown): { ok: true; inputs: TargetInput[]; unit: TargetUnit } | { ok: false; problems: WeightingProblem[] } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value) || !isObject(value.margins)) return { ok: false, problems: [problem.badTargetsJson('expected {"margins": {"attribute": {"level": share, ...}, ...}}')] };
  const type = value.type ?? 'share';
  if (!['share', 'proportion', 'total', 'percent'].includes(type as string)) return { ok: false, problems: [problem.badTargetsJson('"type" must be "share", "total" or "percent"')] };
  const inputs: TargetInput[] = [];
  for (const [attribute, levels] of Object.entries(value.margins)) {
    if (!isObject(levels)) return { ok: false, problems: [problem.badTargetsJson(`the targets of "${attribute.slice(0, 80)}" must be an object of level to ${type === 'total' ? 'total' : 'share'}`)] };
    inputs.push({ attribute, levels: Object.entries(levels).map(([level, v]) => ({ level, value: typeof v === 'number' ? v : String(v) })) });
  }
  return { ok: true, inputs, unit: type === 'total' ? 'total' : type === 'percent' ? 'percent' : 'share' };
}
