import { headerTokens } from '../ingest/personal';
import type { CodeLabel, Label } from '../survey/codebook';
import { ageBands, demographicOf, ratingBands, spreadBands, type BandProposal, type Demographic } from './demographics';
import { type ColumnRole, type DraftColumn, type DraftFamily, type DraftScale, familyId, type MappingDraft, type RoleReason, same, uniqueId } from './draft';
import { bandLabelOf, labelOf } from './dutch';
import { familyKeys, headerParts, humanise, shortLabel, shorten, type HeaderParts } from './headers';
import { orderCodes, splitMissing, type ColumnProfile } from './profile';
import { detectScale, MAX_SCALE_POINTS, pooledScale, type ScaleGuess } from './scales';

/**
 * The mapping a file gets before the analyst touches it: a role per column, the answer scales its
 * items share (one per set of answers, with codes in order, labels and positive codes), item
 * families from the headers' shared structure, missing markers, demographic attributes with bands.
 * Every guess can be changed on the screen; the direction of each scale and the bands of each
 * numeric attribute must be confirmed there before anything is stored.
 */

const ID_WORDS = new Set(['id', 'respondent', 'respondentid', 'respid', 'resp', 'caseid', 'case', 'record', 'recordid', 'responseid', 'uuid', 'panelist', 'panelistid', 'deelnemer', 'respondentnummer', 'serial', 'response']);
const WEIGHT_WORDS = new Set(['weight', 'weights', 'wgt', 'wt', 'weging', 'gewicht', 'weegfactor', 'weightfactor', 'gewichtung', 'weighting']);
/** Ratings that describe the respondent rather than ask about personalization: used as segments, in bands. */
const SEGMENT_RATING_WORDS = new Set(['bond', 'trust', 'vertrouwen', 'loyalty', 'loyaliteit', 'brandbond', 'attachment', 'binding']);
/** Past this many distinct text values a column is not a segment (it is free text). */
const MAX_SEGMENT_CODES = 25;

const DEMOGRAPHIC_LABELS: Record<Demographic, Label | null> = {
  gender: { en: 'Gender', nl: 'Geslacht' },
  age: { en: 'Age', nl: 'Leeftijd' },
  country: { en: 'Country', nl: 'Land' },
  region: { en: 'Region', nl: 'Regio' },
  education: { en: 'Education', nl: 'Opleiding' },
  income: { en: 'Income', nl: 'Inkomen' },
  urban: { en: 'Urbanisation', nl: 'Stedelijkheid' },
  household: null,
  work: null,
  segment: null,
};

const hasWord = (parts: HeaderParts, words: Set<string>) => {
  const tokens = headerTokens(parts.key);
  return tokens.some((t) => words.has(t)) || words.has(tokens.join(''));
};

export interface Facts {
  profile: ColumnProfile;
  parts: HeaderParts;
  family?: string;
  markers: string[];
  values: string[];
  /** The column's own answer scale, if its values form one. */
  scale: ScaleGuess | null;
  demographic?: Demographic;
}

/** Proposes the whole mapping of a file from its column profiles. */
/** What the detectors read of each column: header parts, family key, missing markers, values, own scale, demographic kind. */
export function factsOf(profiles: ColumnProfile[]): Facts[] {
  const families = familyKeys(profiles.map((p) => p.column));
  return profiles.map((profile, i) => {
    const parts = headerParts(profile.column);
    const { markers, values } = splitMissing(profile);
    const list = values.map((v) => v.value);
    return {
      profile,
      parts,
      family: families[i],
      markers: markers.map((m) => m.value),
      values: list,
      scale: profile.manyValues ? null : detectScale(list, profile.column),
      demographic: demographicOf(parts, profile),
    };
  });
}

export function proposeDraft(profiles: ColumnProfile[]): MappingDraft {
  const facts = factsOf(profiles);

  // A family is a set of items when its pooled answers form one scale (a column where everyone
  // gave the same answer still belongs to it).
  const familyScale = new Map<string, ScaleGuess | null>();
  for (const key of new Set(facts.map((f) => f.family).filter((k): k is string => k !== undefined))) {
    const members = facts.filter((f) => f.family === key && !f.profile.manyValues);
    familyScale.set(key, members.length >= 2 ? pooledScale(members.map((m) => m.values), members[0].profile.column) : null);
  }

  let idTaken = false;
  let weightTaken = false;
  const columns: DraftColumn[] = facts.map((f) => {
    const p = f.profile;
    const base = { column: p.column, text: p.column, label: same(shortLabel(f.parts, f.family !== undefined)), missing: f.markers };
    const as = (role: ColumnRole, reason: RoleReason, extra: Partial<DraftColumn> = {}): DraftColumn => ({ ...base, role, reason, ...extra });
    if (p.nonBlank === 0) return as('ignore', 'blank', { missing: [] });
    if (f.values.length === 0) return as('ignore', 'allMissing');
    if (!idTaken && p.unique && hasWord(f.parts, ID_WORDS)) {
      idTaken = true;
      return as('respondentId', 'idHeader', { missing: [] });
    }
    if (p.personal) return as('ignore', 'personal');
    if (!weightTaken && p.numeric && hasWord(f.parts, WEIGHT_WORDS)) {
      weightTaken = true;
      return as('weight', 'weightHeader', { missing: [] });
    }
    const pooled = f.family ? familyScale.get(f.family) : null;
    if (pooled && f.values.every((v) => pooled.codes.includes(v) || pooled.sentinels.includes(v)))
      return as('item', 'familyScale', { missing: [...f.markers, ...pooled.sentinels.filter((s) => f.values.includes(s))] });
    // A demographic whose text values never repeat (dates, names) is no segment; numbers are banded.
    if (f.demographic && (p.numeric || !p.unique || p.nonBlank <= 3)) return attributeColumn(f, as);
    if (f.scale && f.scale.kind === 'numeric' && hasWord(f.parts, SEGMENT_RATING_WORDS)) return attributeColumn(f, as, 'ratingSegment');
    if (f.scale && f.values.length >= 2) return as('item', f.scale.kind === 'binary' ? 'yesNo' : 'answerScale', { missing: [...f.markers, ...f.scale.sentinels] });
    if (f.values.length === 1) return as('ignore', 'constant');
    if (p.manyValues || (p.unique && p.nonBlank > 3)) return as('ignore', 'manyValues');
    if (!p.numeric && f.values.length <= MAX_SEGMENT_CODES) return attributeColumn(f, as, 'fewCodes');
    return as('ignore', 'manyValues');
  });

  if (!idTaken) {
    // No header names an id: the first column whose values never repeat and are never blank.
    const i = facts.findIndex((f, k) => f.profile.unique && f.profile.nonBlank === f.profile.rows && !f.profile.personal && columns[k].role !== 'weight' && f.profile.rows > 1 && f.scale === null);
    if (i >= 0) columns[i] = { ...columns[i], role: 'respondentId', reason: 'uniqueValues', missing: [], attribute: undefined, family: undefined, scale: undefined };
  }

  return assignScalesAndFamilies({ columns, scales: [], families: [] }, facts);
}

/** The column as an attribute: categorical codes, or a number in bands (an age, a rating, an amount). */
export function attributeDraft(f: Facts, reason: RoleReason): DraftColumn {
  const base = { column: f.profile.column, text: f.profile.column, label: same(shortLabel(f.parts, false)), missing: f.markers };
  const as = (role: ColumnRole, why: RoleReason, extra: Partial<DraftColumn> = {}): DraftColumn => ({ ...base, role, reason: why, ...extra });
  const column = attributeColumn(f, as, reason);
  // A column of free text cannot be a segment: it stays out, with the reason.
  return column;
}

function attributeColumn(f: Facts, as: (role: ColumnRole, reason: RoleReason, extra?: Partial<DraftColumn>) => DraftColumn, reason: RoleReason = 'demographic'): DraftColumn {
  const p = f.profile;
  const label = (f.demographic && DEMOGRAPHIC_LABELS[f.demographic]) || labelOf(shortLabel(f.parts, false));
  const demographic = f.demographic ? { demographic: f.demographic } : {};
  if (p.numeric && !(f.values.length <= MAX_SEGMENT_CODES && !p.integers)) {
    const integerRating = p.integers && p.min >= 0 && p.max - p.min + 1 <= MAX_SCALE_POINTS && f.demographic !== 'age' && f.demographic !== 'income';
    // Numbers that are missing-value codes of the scale (999 for an age, 9 beside 1-5).
    const sentinels = f.scale?.sentinels ?? [];
    let bands: BandProposal;
    if (f.demographic === 'age') bands = ageBands(p);
    else if (integerRating) bands = ratingBands(f.scale?.codes.length ? Number(f.scale.codes[0]) : p.min, f.scale?.codes.length ? Number(f.scale.codes[f.scale.codes.length - 1]) : p.max, p.column);
    else if (!p.manyValues && p.integers && f.values.length <= MAX_SEGMENT_CODES) return categorical(f, as, reason, label);
    else bands = spreadBands(p);
    const ageSentinels = f.demographic === 'age' ? f.values.filter((v) => Number(v) > bands.max) : [];
    return as('attribute', reason, {
      label,
      ...demographic,
      missing: [...f.markers, ...sentinels, ...ageSentinels],
      attribute: { kind: 'scale', min: bands.min, max: bands.max, bands: bands.bands.map((b) => ({ ...b, label: bandLabelOf(b.label.en) })), confirmed: false },
    });
  }
  if (p.manyValues) return as('ignore', 'manyValues');
  return categorical(f, as, reason, label);
}

function categorical(f: Facts, as: (role: ColumnRole, reason: RoleReason, extra?: Partial<DraftColumn>) => DraftColumn, reason: RoleReason, label: Label): DraftColumn {
  const codes: CodeLabel[] = orderCodes(f.values).map((code) => ({ code, label: labelOf(code) }));
  return as('attribute', reason, { label, ...(f.demographic ? { demographic: f.demographic } : {}), attribute: { kind: 'categorical', codes } });
}

/** Groups the item columns into shared answer scales and their families into named families. */
function assignScalesAndFamilies(draft: MappingDraft, facts: Facts[]): MappingDraft {
  const items = draft.columns.map((c, i) => ({ c, f: facts[i] })).filter(({ c }) => c.role === 'item');
  // Items group by answer kind and shared codes: text scales that share a code are one scale (a
  // rare answer missing from some columns), yes/no pairs by their spelling, numbers by range, family and anchors.
  const groups: { key: string; members: typeof items; values: Set<string> }[] = [];
  for (const entry of items) {
    const guess = entry.f.scale ?? (entry.f.family ? (pooledFamilyGuess(facts, entry.f.family) ?? null) : null);
    const kind = guess?.kind ?? 'text';
    const values = new Set(entry.f.values.filter((v) => !(guess?.sentinels ?? []).includes(v)));
    const numericKey = kind === 'numeric' ? `${entry.f.family ?? entry.c.column}|${anchorSignature(entry.f.profile.column)}` : '';
    const group = groups.find((g) => g.key.startsWith(`${kind}|`) && (kind === 'numeric' ? g.key === `${kind}|${numericKey}` : [...values].some((v) => g.values.has(v))));
    if (group) {
      group.members.push(entry);
      values.forEach((v) => group.values.add(v));
    } else groups.push({ key: `${kind}|${numericKey}`, members: [entry], values });
  }

  const scales: DraftScale[] = [];
  const scaleOf = new Map<string, string>();
  for (const g of groups) {
    const anchorSource = g.members.find((m) => anchorSignature(m.f.profile.column) !== '')?.f.profile.column ?? g.members[0].f.profile.column;
    const guess = detectScale([...g.values], anchorSource) ?? { kind: 'text' as const, codes: orderCodes(g.values), labels: {}, positive: [], direction: 'unknown' as const, sentinels: [] };
    const id = `scale_${scales.length + 1}`;
    scales.push(scaleFromGuess(id, guess));
    g.members.forEach((m) => scaleOf.set(m.c.column, id));
  }

  const families: DraftFamily[] = [];
  const familyOf = new Map<string, string>();
  const used = new Set<string>();
  for (const { c, f } of items) {
    const key = f.family ?? 'other';
    let id = familyOf.get(key);
    if (!id) {
      const label = key === 'other' ? { en: 'Other questions', nl: 'Overige vragen' } : labelOf(familyLabel(key));
      id = key === 'other' ? uniqueId('other', used) : familyId(key.slice(2), used);
      familyOf.set(key, id);
      families.push({ id, label });
    }
    c.family = id;
    c.scale = scaleOf.get(c.column);
    c.label = itemLabel(c.label.en);
  }
  return { ...draft, scales, families };
}

const itemLabel = (text: string): Label => labelOf(text);

function pooledFamilyGuess(facts: Facts[], family: string): ScaleGuess | null {
  const members = facts.filter((f) => f.family === family);
  return pooledScale(members.map((m) => m.values), members[0]?.profile.column);
}

/** The numbers and words of a header's anchors ("1 = very likely, 5 = very unlikely"), to group numeric items that share them. */
function anchorSignature(header: string): string {
  const m = header.match(/(-?\d{1,2})\s*=\s*[^,;)]+/g);
  return m ? m.join('|').toLowerCase() : '';
}

/** "p:acceptability" → "Acceptability"; "s:How acceptable ..." → the question, shortened. */
function familyLabel(key: string): string {
  const text = key.slice(2);
  return key.startsWith('p:') ? humanise(text) : shorten(text.charAt(0).toUpperCase() + text.slice(1));
}

/** A draft scale from a detected one: code labels from the data or the header's anchors, in Dutch where known. */
export function scaleFromGuess(id: string, guess: ScaleGuess): DraftScale {
  const codes: CodeLabel[] = guess.codes.map((code) => ({ code, label: codeLabel(code, guess) }));
  const first = codes[0]?.label;
  const last = codes[codes.length - 1]?.label;
  const label: Label =
    guess.kind === 'binary'
      ? { en: `${first.en} / ${last.en}`, nl: `${first.nl} / ${last.nl}` }
      : guess.kind === 'numeric' && !guess.labels[guess.codes[0]]
        ? same(`${guess.codes[0]}-${guess.codes[guess.codes.length - 1]}`)
        : { en: `${first.en} … ${last.en}`, nl: `${first.nl} … ${last.nl}` };
  return { id, label, kind: guess.kind, codes, positive: [...guess.positive], direction: guess.direction, confirmed: false };
}

function codeLabel(code: string, guess: ScaleGuess): Label {
  const anchor = guess.labels[code];
  if (anchor) {
    // "1 = very likely": the number kept, the words in Dutch where they are common ones.
    const m = /^(-?\d+) = (.*)$/.exec(anchor);
    return m ? { en: anchor, nl: `${m[1]} = ${labelOf(m[2]).nl}` } : same(anchor);
  }
  if (guess.kind === 'binary') {
    if (/^(true|1|selected|checked|x)$/i.test(code)) return { en: 'Selected', nl: 'Gekozen' };
    if (/^(false|0|not selected|unchecked)$/i.test(code)) return { en: 'Not selected', nl: 'Niet gekozen' };
  }
  return labelOf(code);
}
