import { memoAcceptance } from '../../analysis/memo';
import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';
import { cellView, type CellView } from '../model';
import { type FamilyRef, familyRef, familyItems, itemText } from './family';

/**
 * Answers (generic, any codebook): the whole answer distribution of a family's items, every answer
 * code with its label, each share with its interval (the share of that answer among those who
 * answered, as acceptance() computes it with the code as the outcome). Items on different answer
 * scales (or with different positive codes) get a chart each.
 *
 * The codes are drawn positive side first: a scale whose positive codes come last (1 = disagree ...
 * 5 = agree) is turned round, so that every bar starts with what counts as positive.
 */
export type AnswerTone = 'positive' | 'middle' | 'negative';

export interface AnswerPart {
  code: string;
  label: Label;
  tone: AnswerTone;
  /** 1 for the strongest of its tone (the most positive, the most negative), less towards the middle. */
  strength: number;
}

export interface AnswerRow {
  key: string;
  label: Label;
  text?: Label;
  /** One cell per part, in the parts' order. */
  parts: CellView[];
  /** The positive share (all positive codes together), with its interval. */
  positive: CellView;
}

export interface AnswerGroup {
  /** The answer scale's label. */
  scale: Label;
  parts: AnswerPart[];
  rows: AnswerRow[];
}

export interface AnswersModel {
  family: FamilyRef;
  groups: AnswerGroup[];
  minBase: number;
}

/** The codes in drawing order with their tones: positive first. */
export function orientParts(codes: { code: string; label: Label }[], positive: boolean[]): AnswerPart[] {
  const indices = codes.map((_, i) => i);
  const firstPositive = positive.indexOf(true);
  const lastPositive = positive.lastIndexOf(true);
  // Positive codes at the end of the scale: read it from the end.
  const reversed = firstPositive > 0 && lastPositive === codes.length - 1;
  const ordered = reversed ? indices.reverse() : indices;
  const pos = ordered.filter((i) => positive[i]);
  const rest = ordered.filter((i) => !positive[i]);
  // Of the others, the last ones lean negative; one in the middle of an odd set (or the first of
  // two: "depends" before "not OK") reads as neutral, and a single one ("not selected") too.
  const middle = rest.length <= 2 || rest.length % 2 === 1 ? 1 : 0;
  return [
    ...pos.map((i, k): AnswerPart => ({ code: codes[i].code, label: codes[i].label, tone: 'positive', strength: pos.length === 1 ? 1 : 1 - k / pos.length })),
    ...rest.map((i, k): AnswerPart => {
      if (k < middle) return { code: codes[i].code, label: codes[i].label, tone: 'middle', strength: 1 };
      const negatives = rest.length - middle;
      return { code: codes[i].code, label: codes[i].label, tone: 'negative', strength: negatives === 1 ? 1 : (k - middle + 1) / negatives };
    }),
  ];
}

export function answersModel(data: SurveyData, family: string, filter: Record<string, string[]>, minBase: number): AnswersModel {
  // Items whose answers read alike (same codes, same positive ones) share a chart.
  const groups = new Map<string, string[]>();
  for (const id of familyItems(data, family)) {
    const column = data.items.get(id)!;
    const key = JSON.stringify([column.codes.map((c) => c.code), column.positive]);
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return {
    family: familyRef(data, family),
    minBase,
    groups: [...groups.values()].map((items) => answerGroup(data, items, filter, minBase)),
  };
}

function answerGroup(data: SurveyData, items: string[], filter: Record<string, string[]>, minBase: number): AnswerGroup {
  const first = data.items.get(items[0])!;
  const scale = data.codebook.scales.find((s) => s.id === first.item.scale);
  const parts = orientParts(first.codes, first.positive);
  const query = { items, filter, minBase, by: ['item'] };
  const positive = memoAcceptance(data, query);
  // A sole positive answer's share is the positive share: that table is not computed twice.
  const onePositive = parts.filter((p) => p.tone === 'positive').length === 1;
  const byCode = parts.map((part) => (onePositive && part.tone === 'positive' ? positive : memoAcceptance(data, { ...query, outcome: [part.code] })));
  const rows: AnswerRow[] = positive.cells
    .map((cell, i) => ({ cell, i }))
    .filter(({ cell }) => cell.respondents > 0)
    .map(({ cell, i }) => {
      const key = cell.key.item;
      const row: AnswerRow = {
        key,
        label: cell.labels.item,
        // No test in this chart (the items view tests the positive shares): the parts carry shares and intervals only.
        parts: byCode.map((table, p) => ({ ...cellView(table.cells[i], key, parts[p].code), diff: null, pAdjusted: null, mark: null })),
        positive: { ...cellView(cell, key, 'positive'), diff: null, pAdjusted: null, mark: null },
      };
      const text = itemText(data, key);
      if (text) row.text = text;
      return row;
    })
    .sort((a, b) => (b.positive.share ?? -1) - (a.positive.share ?? -1));
  return { scale: scale?.label ?? { en: '', nl: '' }, parts, rows };
}
