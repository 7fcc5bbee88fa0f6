import { fill } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';
import type { WeightOption } from '@/lib/survey/weights';

/**
 * The weight field of /compare, /planner, /benchmark and /tables (the explorer and the summary have
 * their own words for the same): its label, and the options by their labels, the default marked.
 * The field is shown only when a dataset has more than "unweighted" (`showWeightField`).
 */
const words = {
  label: { en: 'Weight', nl: 'Weging' },
  defaultOption: { en: '{name} (default)', nl: '{name} (standaard)' },
} as const;

export const weightFieldLabel = (locale: Locale): string => words.label[locale];

export const showWeightField = (options: WeightOption[]): boolean => options.length > 1;

export function weightFieldOptions(options: WeightOption[], locale: Locale): { value: string; label: string }[] {
  return options.map((o) => ({ value: o.id, label: o.isDefault ? fill(words.defaultOption[locale], { name: o.label[locale] }) : o.label[locale] }));
}
