import type { CodebookProblem } from './codebook';
import { codebookProblem, type CodebookProblemKey, type ProblemValues } from './problemText';
import { BLANK_LEVEL, isWeightId } from './weights';

/*
 * The checks of a codebook's `weights` (part of parseCodebook), apart from the weights' contract
 * (./weights): their words come from the message catalogs (./problemText), which the browser code
 * that only chooses a weight (the explorer, the planner) must not carry.
 */

/** The problems of a codebook's `weights` against its attributes (part of parseCodebook). */
export function weightProblems(cb: Record<string, unknown>): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const fail = (path: string, key: CodebookProblemKey, values?: ProblemValues) => problems.push(codebookProblem(path, key, values));
  if (cb.weights === undefined) return problems;
  if (!Array.isArray(cb.weights)) return [codebookProblem('weights', 'weightsList', { example: '[{"id", "label", "column", "kind"}]' })];
  const attributes = Array.isArray(cb.attributes) ? (cb.attributes as Record<string, unknown>[]) : [];
  const ids = new Set<string>();
  const columns = new Set<string>();
  (cb.weights as unknown[]).forEach((w, i) => {
    const path = `weights[${i}]`;
    if (typeof w !== 'object' || w === null || Array.isArray(w)) return fail(path, 'object');
    const def = w as Record<string, unknown>;
    if (!isWeightId(def.id)) fail(`${path}.id`, 'weightId');
    else if (ids.has(def.id)) fail(`${path}.id`, 'idTwice', { id: `"${def.id}"` });
    else ids.add(def.id);
    const label = def.label as Record<string, unknown> | undefined;
    if (!label || typeof label.en !== 'string' || typeof label.nl !== 'string' || !label.en.trim() || !label.nl.trim()) fail(`${path}.label`, 'weightLabel', { example: '{"en": "...", "nl": "..."}' });
    if (typeof def.column !== 'string' || def.column === '') fail(`${path}.column`, 'column');
    else if (columns.has(def.column)) fail(`${path}.column`, 'weightColumnShared', { column: `"${def.column.slice(0, 80)}"` });
    else columns.add(def.column);
    if (def.kind !== 'column' && def.kind !== 'raked') fail(`${path}.kind`, 'weightKind');
    if (def.kind === 'raked') problems.push(...specProblems(def.spec, `${path}.spec`, attributes));
  });
  if (cb.weight !== undefined && typeof cb.weight === 'string' && !columns.has(cb.weight)) fail('weight', 'defaultWeight');
  return problems;
}

function specProblems(spec: unknown, path: string, attributes: Record<string, unknown>[]): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const fail = (p: string, key: CodebookProblemKey, values?: ProblemValues) => problems.push(codebookProblem(p, key, values));
  if (typeof spec !== 'object' || spec === null) return [codebookProblem(path, 'rakingSpec')];
  const s = spec as Record<string, unknown>;
  if (typeof s.base !== 'string') fail(`${path}.base`, 'rakingBase');
  if (!Array.isArray(s.margins) || s.margins.length === 0) return [...problems, codebookProblem(`${path}.margins`, 'rakingMargins')];
  (s.margins as unknown[]).forEach((m, j) => {
    const mp = `${path}.margins[${j}]`;
    const margin = m as Record<string, unknown> | null;
    const attribute = attributes.find((a) => a.id === margin?.attribute);
    if (!attribute) return fail(`${mp}.attribute`, 'rakingAttribute');
    const codes = attribute.kind === 'categorical' ? ((attribute.codes as { code: string }[]) ?? []).map((c) => c.code) : ((attribute.bands as { id: string }[]) ?? []).map((b) => b.id);
    if (!Array.isArray(margin!.targets) || margin!.targets.length === 0) return fail(`${mp}.targets`, 'rakingTargets');
    const seen = new Set<string>();
    for (const t of margin!.targets as Record<string, unknown>[]) {
      if (typeof t?.level !== 'string' || (t.level !== BLANK_LEVEL && !codes.includes(t.level))) fail(`${mp}.targets`, 'rakingNotLevel', { level: `"${String(t?.level).slice(0, 80)}"`, attribute: String(attribute.id) });
      else if (seen.has(t.level)) fail(`${mp}.targets`, 'rakingLevelTwice', { level: `"${t.level}"` });
      else seen.add(t.level);
      if (typeof t?.share !== 'number' || !(t.share >= 0 && t.share <= 1)) fail(`${mp}.targets`, 'rakingShare');
    }
  });
  if (s.bounds !== undefined && !(Array.isArray(s.bounds) && s.bounds.length === 2 && s.bounds.every((b) => typeof b === 'number') && s.bounds[0] < 1 && s.bounds[1] > 1 && s.bounds[0] > 0))
    fail(`${path}.bounds`, 'rakingBounds');
  return problems;
}

