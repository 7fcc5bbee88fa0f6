import { useLocale } from 'next-intl';
import type { Codebook } from '@/lib/survey/codebook';
import { positiveCodes } from '@/lib/survey/codebook';
import { shorten } from '@/lib/mapping/headers';
import { mappingText } from '../upload/mappingMessages';

/**
 * A stored codebook in words, for those who may read but not change it: each question family with
 * its questions and the answers that count as accepting, each segment with its groups.
 */
export function CodebookOverview({ codebook, note }: { codebook: Codebook; note: string }) {
  const locale = useLocale();
  const scaleOf = new Map(codebook.scales.map((s) => [s.id, s]));
  return (
    <section className="card codebook-overview" aria-labelledby="overview-title" data-testid="codebook-overview">
      <h2 id="overview-title">{mappingText(locale, 'editTitle')}</h2>
      <p>{note}</p>
      <h3>{mappingText(locale, 'familiesTitle')}</h3>
      {codebook.families.map((family) => {
        const items = codebook.items.filter((it) => it.family === family.id);
        if (!items.length) return null;
        return (
          <details key={family.id}>
            <summary>
              {family.label[locale]} <span className="muted small">({mappingText(locale, 'familyCount', { n: items.length })})</span>
            </summary>
            <ul>
              {items.map((it) => {
                const scale = scaleOf.get(it.scale);
                const accepting = positiveCodes(codebook, it).map((code) => scale?.codes.find((c) => c.code === code)?.label[locale] ?? code);
                return (
                  <li key={it.id}>
                    <span title={it.text?.[locale] ?? it.label[locale]}>{shorten(it.label[locale], 90)}</span>{' '}
                    <span className="muted small">{mappingText(locale, 'acceptingAnswers', { answers: accepting.join(', ') })}</span>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
      <h3>{mappingText(locale, 'segmentsTitle')}</h3>
      <ul>
        {codebook.attributes.map((a) => (
          <li key={a.id}>
            <strong>{a.label[locale]}</strong>: {(a.kind === 'categorical' ? a.codes.map((c) => c.label[locale]) : a.bands.map((b) => b.label[locale])).join(' · ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
