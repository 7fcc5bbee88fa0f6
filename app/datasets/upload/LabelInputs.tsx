'use client';

import type { Label, Locale } from '@/lib/survey/codebook';
import { mt } from './mappingMessages';

/** A label in English and Dutch: two small text inputs, each named for what it labels. */
export function LabelInputs({ label, onChange, what, locale, compact = false }: { label: Label; onChange: (next: Label) => void; what: string; locale: Locale; compact?: boolean }) {
  return (
    <span className={`label-inputs${compact ? ' compact' : ''}`}>
      <input
        type="text"
        lang="en"
        value={label.en}
        maxLength={300}
        aria-label={mt(locale, 'labelFor', { language: mt(locale, 'english'), what })}
        onChange={(e) => onChange({ ...label, en: e.target.value })}
      />
      <input
        type="text"
        lang="nl"
        value={label.nl}
        maxLength={300}
        aria-label={mt(locale, 'labelFor', { language: mt(locale, 'dutch'), what })}
        onChange={(e) => onChange({ ...label, nl: e.target.value })}
      />
    </span>
  );
}
