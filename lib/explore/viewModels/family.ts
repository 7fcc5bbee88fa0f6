import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';

/** The family a generic view shows: its id and label. */
export interface FamilyRef {
  id: string;
  label: Label;
}

export function familyRef(data: SurveyData, family: string): FamilyRef {
  return { id: family, label: data.codebook.families.find((f) => f.id === family)?.label ?? { en: family, nl: family } };
}

/** Item ids of a family, in codebook order. */
export function familyItems(data: SurveyData, family: string): string[] {
  return data.codebook.items.filter((it) => it.family === family).map((it) => it.id);
}

/** An item's full text (its question) when the codebook has one beyond the short label. */
export function itemText(data: SurveyData, itemId: string): Label | undefined {
  const item = data.items.get(itemId)?.item;
  if (!item?.text) return undefined;
  return item.text.en === item.label.en && item.text.nl === item.label.nl ? undefined : item.text;
}
