import type { Label } from '../survey/codebook';
import type { ItemColumn, SurveyData } from '../survey/dataset';
import { type TableRowDef, type TableRows, TableError } from './model';

/**
 * A table's rows. An item family or chosen items: one row per item, its share of positive answers.
 * The answers of one item: one row per answer code in the scale's order, then its NETs.
 *
 * NETs come from the scale: on four or more answers, the top-2 and bottom-2 boxes, "top" being the
 * end where the positive answers are (a 1 = best scale has its top at the start); and the positive
 * answers together when they are more than one and not already the top two. A scale whose positive
 * answers sit at neither end (or that has none) gets its first and last two answers, named so.
 */

const NET_LABELS = {
  top2: { en: 'Top 2 box', nl: 'Top 2' },
  bottom2: { en: 'Bottom 2 box', nl: 'Bottom 2' },
  first2: { en: 'First two answers', nl: 'Eerste twee antwoorden' },
  last2: { en: 'Last two answers', nl: 'Laatste twee antwoorden' },
  positive: { en: 'Positive answers', nl: 'Positieve antwoorden' },
} satisfies Record<string, Label>;

export interface Net {
  id: string;
  label: Label;
  codes: string[];
}

const codeList = (labels: Label[]): Label => ({ en: labels.map((l) => l.en).join(' + '), nl: labels.map((l) => l.nl).join(' + ') });
const withCodes = (label: Label, codes: Label[]): Label => {
  const list = codeList(codes);
  return { en: `${label.en} (${list.en})`, nl: `${label.nl} (${list.nl})` };
};

/** The NETs of an item's scale (see the module comment). */
export function netsOf(column: ItemColumn): Net[] {
  const { codes, positive } = column;
  const count = codes.length;
  const nets: Net[] = [];
  const positiveIdx = positive.flatMap((p, i) => (p ? [i] : []));
  if (count >= 4) {
    const first = [0, 1];
    const last = [count - 2, count - 1];
    const mean = positiveIdx.reduce((s, i) => s + i, 0) / (positiveIdx.length || 1);
    const atStart = positiveIdx.length > 0 && positiveIdx.every((i) => i < count / 2) && mean < (count - 1) / 2;
    const atEnd = positiveIdx.length > 0 && positiveIdx.every((i) => i >= count / 2) && mean > (count - 1) / 2;
    const net = (id: string, label: Label, idx: number[]): Net => ({ id, label: withCodes(label, idx.map((i) => codes[i].label)), codes: idx.map((i) => codes[i].code) });
    if (atStart || atEnd) {
      const [top, bottom] = atStart ? [first, last] : [last, first];
      nets.push(net('top2', NET_LABELS.top2, top), net('bottom2', NET_LABELS.bottom2, bottom));
    } else nets.push(net('first2', NET_LABELS.first2, first), net('last2', NET_LABELS.last2, last));
    const topTwo = atStart ? first : last;
    const sameAsTop = (atStart || atEnd) && positiveIdx.length === 2 && positiveIdx.every((i) => topTwo.includes(i));
    if (positiveIdx.length > 1 && !sameAsTop) nets.push(net('positive', NET_LABELS.positive, positiveIdx));
  } else if (positiveIdx.length > 1 && positiveIdx.length < count) {
    nets.push({ id: 'positive', label: withCodes(NET_LABELS.positive, positiveIdx.map((i) => codes[i].label)), codes: positiveIdx.map((i) => codes[i].code) });
  }
  return nets;
}

function itemOf(data: SurveyData, id: string): ItemColumn {
  const column = data.items.get(id);
  if (!column) throw new TableError(`unknown item "${id}"; this dataset has: ${[...data.items.keys()].join(', ')}`, { en: 'This dataset has no such item.', nl: 'Deze dataset heeft zo’n item niet.' }, 'UnknownItem');
  return column;
}

function itemRow(column: ItemColumn): TableRowDef {
  const { item } = column;
  return { id: item.id, kind: 'item', item: item.id, codes: column.codes.filter((_, i) => column.positive[i]).map((c) => c.code), label: item.label, ...(item.text ? { text: item.text } : {}) };
}

/** The rows of a table, checked against the dataset. */
export function tableRows(data: SurveyData, rows: TableRows): TableRowDef[] {
  if (rows.kind === 'family') {
    const family = data.codebook.families.find((f) => f.id === rows.family);
    const items = data.codebook.items.filter((it) => it.family === rows.family);
    if (!family || items.length === 0)
      throw new TableError(`no items of family "${rows.family}"; this dataset has: ${data.codebook.families.map((f) => f.id).join(', ')}`, { en: 'This dataset has no items in that question group.', nl: 'Deze dataset heeft geen items in die vraaggroep.' }, 'UnknownFamily');
    return items.map((it) => itemRow(itemOf(data, it.id)));
  }
  if (rows.kind === 'items') {
    if (rows.items.length === 0) throw new TableError('choose at least one item', { en: 'Choose at least one item.', nl: 'Kies ten minste één item.' }, 'NoItems');
    if (new Set(rows.items).size !== rows.items.length) throw new TableError('an item is listed twice; list each item once', { en: 'An item is chosen twice.', nl: 'Een item is twee keer gekozen.' }, 'BadOption');
    return rows.items.map((id) => itemRow(itemOf(data, id)));
  }
  const column = itemOf(data, rows.item);
  const { item } = column;
  return [
    ...column.codes.map((c) => ({ id: `${item.id}:${c.code}`, kind: 'answer' as const, item: item.id, codes: [c.code], label: c.label })),
    ...netsOf(column).map((net) => ({ id: `${item.id}:${net.id}`, kind: 'net' as const, item: item.id, codes: net.codes, label: net.label })),
  ];
}

/** What the rows are, for a caption: the family's name, the item's label, or the chosen items. */
export function rowsLabel(data: SurveyData, rows: TableRows): Label {
  if (rows.kind === 'family') return data.codebook.families.find((f) => f.id === rows.family)!.label;
  if (rows.kind === 'answers') return data.items.get(rows.item)!.item.label;
  const labels = rows.items.map((id) => data.items.get(id)!.item.label);
  const shown = (l: 'en' | 'nl') => (labels.length <= 3 ? labels.map((x) => x[l]).join(', ') : `${labels.slice(0, 2).map((x) => x[l]).join(', ')} ${l === 'nl' ? `en ${labels.length - 2} andere` : `and ${labels.length - 2} more`}`);
  return { en: shown('en'), nl: shown('nl') };
}
