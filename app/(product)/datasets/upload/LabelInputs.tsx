'use client';
import { useLocale } from 'next-intl';

import { LOCALES, type Label } from '@/lib/survey/codebook';
import { mappingText } from './mappingMessages';

/** A label in English and Dutch: two small text inputs, each named for what it labels. */
export function LabelInputs({ label, onChange, what, compact = false }: { label: Label; onChange: (next: Label) => void; what: string; compact?: boolean }) {
  const locale = useLocale();
  return (
    <span className={`label-inputs${compact ? ' compact' : ''}`}>
      {LOCALES.map((language) => (
        <input
          key={language}
          type="text"
          lang={language}
          value={label[language]}
          maxLength={300}
          aria-label={mappingText(locale, 'labelFor', { language: mappingText(locale, language === 'en' ? 'english' : 'dutch'), what })}
          onChange={(e) => onChange({ ...label, [language]: e.target.value })}
        />
      ))}
    </span>
  );
}
