import { missingCodes, type SourceMetadata, type SourceVariable } from '../formats/metadata';
import type { CodeLabel, Label } from '../survey/codebook';
import { answerPolarity } from './answerWords';
import { type DraftColumn, type DraftFamily, type DraftScale, familyId, type MappingDraft, same, uniqueId } from './draft';
import { shorten } from './headers';
import { topBoxes } from './scales';

/**
 * What an SPSS file's dictionary adds to the proposal made from its values (propose.ts): the
 * question texts (variable labels), code labels (value labels), user-missing codes, the weight it
 * declares, answer scales from shared value-label sets with their positive end read from the
 * labels' words (answerWords.ts), and families from multiple-response sets. A labelled file then
 * needs only confirmations: every scale's accepting answers and every numeric segment's bands.
 *
 * Codes stay the file's numeric codes ("1", "2"); their labels are the value labels, so every page
 * shows the labels.
 */
export function applyMetadata(draft: MappingDraft, metadata: SourceMetadata, seen: Record<string, string[]> = {}): MappingDraft {
  const byName = new Map(metadata.variables.map((v) => [v.name, v] as const));
  const inSet = new Map<string, NonNullable<SourceMetadata['multipleResponseSets']>[number]>();
  for (const set of metadata.multipleResponseSets ?? []) for (const name of set.variables) inSet.set(name, set);

  let columns: DraftColumn[] = draft.columns.map((c) => {
    const v = byName.get(c.column);
    if (!v) return c;
    const missing = [...new Set([...c.missing, ...missingCodes(v, seen[c.column] ?? [])])];
    const text = v.label ?? c.text;
    const withText = { ...c, text, missing, ...(v.label && c.role !== 'item' ? { label: c.demographic ? c.label : same(shorten(v.label)) } : {}) };
    const labels = new Map((v.valueLabels ?? []).map((l) => [l.code, l.label] as const));
    // A segment whose every code has a label is categorical, with the labels (a country coded 1-3 is no rating).
    const values = (seen[c.column] ?? []).filter((x) => x.trim() !== '' && !missing.includes(x));
    const labelled = labels.size > 0 && values.every((x) => labels.has(x));
    if (c.role === 'attribute' && labelled && (c.attribute?.kind === 'categorical' || c.reason !== 'ratingSegment')) {
      const before = c.attribute?.kind === 'categorical' ? c.attribute.codes : [];
      const codes = [...new Set([...before.map((x) => x.code), ...values, ...labels.keys()])].filter((code) => !missing.includes(code));
      const ordered = codes.every((x) => Number.isFinite(Number(x))) ? codes.sort((a, b) => Number(a) - Number(b)) : codes;
      return { ...withText, attribute: { kind: 'categorical' as const, codes: ordered.map((code) => ({ code, label: labels.has(code) ? same(labels.get(code)!) : (before.find((x) => x.code === code)?.label ?? same(code)) })) } };
    }
    return withText;
  });

  // The weight the file declares.
  if (metadata.weight && columns.some((c) => c.column === metadata.weight)) {
    columns = columns.map((c) =>
      c.column === metadata.weight ? { ...c, role: 'weight', reason: 'fileWeight', missing: [], attribute: undefined, family: undefined, scale: undefined } : c.role === 'weight' ? { ...c, role: 'ignore', reason: 'analyst' } : c,
    );
  }

  // Answer scales from value-label sets whose labels read as answers: one scale per set of labels.
  const scales: DraftScale[] = [];
  const scaleKey = new Map<string, string>();
  const scaleOf = new Map<string, string>();
  for (const c of columns) {
    const v = byName.get(c.column);
    if (!v?.valueLabels?.length || c.role === 'respondentId' || c.role === 'weight') continue;
    const set = inSet.get(c.column);
    const guess = set?.dichotomy ? dichotomy(v, set.countedValue ?? '1', c.missing) : labelledScale(v, c.missing);
    if (!guess) continue;
    const key = JSON.stringify(guess.codes);
    let id = scaleKey.get(key);
    if (!id) {
      id = `scale_${scales.length + 1}`;
      scaleKey.set(key, id);
      scales.push({ id, ...guess, confirmed: false });
    }
    scaleOf.set(c.column, id);
  }

  // Families: multiple-response sets, then the families the values proposal found by name prefix.
  const families: DraftFamily[] = [];
  const used = new Set<string>();
  const familyOfSet = new Map<string, string>();
  const familyOfOld = new Map<string, string>();
  const oldFamilies = new Map(draft.families.map((f) => [f.id, f] as const));
  columns = columns.map((c) => {
    const scale = scaleOf.get(c.column);
    // A labelled answer scale makes an item, unless the values proposal saw a demographic or a rating that describes the respondent.
    const isItem = scale !== undefined && (c.role === 'item' || c.role === 'ignore' || (c.role === 'attribute' && !c.demographic && c.reason !== 'ratingSegment'));
    if (!isItem) return c;
    const set = inSet.get(c.column);
    let family: string;
    if (set) {
      family = familyOfSet.get(set.name) ?? '';
      if (!family) {
        family = familyId(set.name, used);
        familyOfSet.set(set.name, family);
        families.push({ id: family, label: same(set.label || set.name) });
      }
    } else {
      const old = c.family ?? 'other';
      family = familyOfOld.get(old) ?? '';
      if (!family) {
        family = uniqueId(old, used);
        familyOfOld.set(old, family);
        families.push({ id: family, label: oldFamilies.get(old)?.label ?? same(old) });
      }
    }
    return { ...c, role: 'item' as const, reason: 'fileLabels' as const, scale, family, attribute: undefined };
  });
  // Items the labels did not make a scale of keep the scale the values proposal gave them.
  const kept = new Set(columns.filter((c) => c.role === 'item' && !scaleOf.has(c.column)).map((c) => c.scale));
  // Their codes get the value labels the file has for them (a 1-7 rating's labelled ends).
  const keptLabels = new Map<string, Map<string, string>>();
  for (const c of columns) if (c.role === 'item' && !scaleOf.has(c.column) && c.scale && kept.has(c.scale)) for (const l of byName.get(c.column)?.valueLabels ?? []) (keptLabels.get(c.scale) ?? keptLabels.set(c.scale, new Map()).get(c.scale)!).set(l.code, l.label);
  for (const s of draft.scales)
    if (kept.has(s.id)) {
      const named = keptLabels.get(s.id);
      scales.push({ ...s, id: `scale_${scales.length + 1}`, codes: s.codes.map((x) => (named?.has(x.code) ? { code: x.code, label: same(`${x.code} = ${named.get(x.code)}`) } : x)) });
    }
  const renamed = new Map(draft.scales.filter((s) => kept.has(s.id)).map((s, k) => [s.id, scales[scales.length - kept.size + k].id] as const));
  columns = columns.map((c) => (c.role === 'item' && !scaleOf.has(c.column) && c.scale ? { ...c, scale: renamed.get(c.scale) ?? c.scale } : c));
  for (const c of columns)
    if (c.role === 'item' && c.family && !families.some((f) => f.id === c.family)) {
      const old = oldFamilies.get(c.family);
      families.push(old ?? { id: c.family, label: same(c.family) });
      used.add(c.family);
    }

  // Item labels: the part of each question that differs from the rest of its family's ("Hoe
  // acceptabel vindt u het dat een merk uw … gebruikt?"), the family named by what they share.
  for (const family of families) {
    const members = columns.filter((c) => c.role === 'item' && c.family === family.id);
    const texts = members.map((c) => c.text);
    const { prefix, suffix } = commonEnds(texts);
    if (members.length >= 2 && prefix.length + suffix.length >= 12 && !familyOfSet.has(family.id) && family.label.en === family.label.nl) family.label = same(shorten(`${prefix.trim()} … ${suffix.trim()}`.trim()));
    for (const c of members) {
      const middle = members.length >= 2 ? c.text.slice(prefix.length, c.text.length - suffix.length).trim() : '';
      c.label = same(shorten(middle.length >= 2 ? middle : c.text));
    }
  }
  return { columns, scales, families };
}

/** The scale a variable's value labels make, when they read as answers (a positive and a negative end); missing codes left out. */
function labelledScale(v: SourceVariable, missing: string[]): Omit<DraftScale, 'id' | 'confirmed'> | null {
  const labels = v.valueLabels!.filter((l) => !missing.includes(l.code));
  if (labels.length < 2) return null;
  const polarity = labels.map((l) => answerPolarity(l.label));
  if (!polarity.some((p) => p !== null && p > 0) || !polarity.some((p) => p !== null && p < 0)) return null;
  const numeric = labels.every((l) => Number.isFinite(Number(l.code)));
  const ordered = numeric ? [...labels].sort((a, b) => Number(a.code) - Number(b.code)) : labels;
  const codes: CodeLabel[] = ordered.map((l) => ({ code: l.code, label: same(l.label) }));
  const first = answerPolarity(ordered[0].label);
  const last = answerPolarity(ordered[ordered.length - 1].label);
  // The end whose label reads positive is the accepting one; the top box, or two of five or more.
  const best = first !== null && last !== null ? (first > last ? 'low' : 'high') : (first ?? 0) > 0 || (last ?? 0) < 0 ? 'low' : 'high';
  const positive = numeric ? topBoxes(ordered.map((l) => l.code), best) : ordered.filter((l) => (answerPolarity(l.label) ?? 0) > 0).map((l) => l.code);
  const label: Label = same(`${ordered[0].label} … ${ordered[ordered.length - 1].label}`);
  return { label, kind: numeric ? 'numeric' : 'text', codes, positive, direction: 'labels' };
}

/** A multiple-response dichotomy: chosen (the counted value) or not. */
function dichotomy(v: SourceVariable, counted: string, missing: string[]): Omit<DraftScale, 'id' | 'confirmed'> {
  const labels = new Map((v.valueLabels ?? []).map((l) => [l.code, l.label] as const));
  const other = [...labels.keys()].filter((code) => code !== counted && !missing.includes(code));
  const codes: CodeLabel[] = [counted, ...(other.length ? other : ['0'])].map((code) => ({
    code,
    label: labels.has(code) ? same(labels.get(code)!) : code === counted ? { en: 'Selected', nl: 'Gekozen' } : { en: 'Not selected', nl: 'Niet gekozen' },
  }));
  return { label: same(`${codes[0].label.en} / ${codes[1].label.en}`), kind: 'binary', codes, positive: [counted], direction: 'binary' };
}

/** The longest common prefix and suffix of texts, cut at word boundaries. */
function commonEnds(texts: string[]): { prefix: string; suffix: string } {
  if (texts.length < 2) return { prefix: '', suffix: '' };
  let p = 0;
  while (texts.every((t) => t[p] !== undefined && t[p] === texts[0][p])) p++;
  let s = 0;
  const min = Math.min(...texts.map((t) => t.length)) - p;
  while (s < min && texts.every((t) => t[t.length - 1 - s] === texts[0][texts[0].length - 1 - s])) s++;
  const prefix = texts[0].slice(0, p).replace(/\S+$/, '');
  const suffixRaw = texts[0].slice(texts[0].length - s);
  const suffix = suffixRaw.replace(/^\S+/, '');
  return { prefix, suffix };
}
