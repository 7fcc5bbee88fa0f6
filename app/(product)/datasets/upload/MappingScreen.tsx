'use client';
import { useLocale } from 'next-intl';

import type { MappingDraft } from '@/lib/mapping/draft';
import { pendingConfirmations } from '@/lib/mapping/draft';
import type { Facts } from '@/lib/mapping/propose';
import type { Problem } from '@/lib/ingest/types';
import { formatNumber } from '@/lib/i18n/numbers';
import { ColumnsTable } from './ColumnsTable';
import { LabelInputs } from './LabelInputs';
import { mappingProblemLabels, mappingText } from './mappingMessages';
import { ScalesPanel } from './ScalesPanel';

/**
 * The mapping screen: an overview, what is still to confirm (with links to it), the answer scales,
 * the question families and every column. Used for a new upload and, on a dataset's page, to edit
 * a stored codebook; the parent decides what the main button does.
 */
export function MappingScreen({
  draft,
  facts,
  onChange,
  problems,
  children,
  editing = false,
}: {
  draft: MappingDraft;
  facts: readonly Facts[];
  onChange: (next: MappingDraft) => void;
  problems: Problem[];
  /** The actions under the screen (check the file, save the codebook). */
  children: React.ReactNode;
  /** A stored dataset's codebook (saved, not checked as a file). */
  editing?: boolean;
}) {
  const locale = useLocale();
  const count = (role: string) => draft.columns.filter((c) => c.role === role).length;
  const families = new Set(draft.columns.filter((c) => c.role === 'item').map((c) => c.family));
  const pending = pendingConfirmations(draft);
  const columnName = (column: string) => draft.columns.find((c) => c.column === column)?.label[locale] ?? column;
  const scaleName = (id: string) => draft.scales.find((s) => s.id === id)?.label[locale];
  return (
    <div className="mapping-screen-body">
      <p className="mapping-overview" data-testid="mapping-overview">
        {mappingText(locale, 'overview', {
          columns: formatNumber(draft.columns.length, locale),
          items: formatNumber(count('item'), locale),
          families: formatNumber(families.size, locale),
          attributes: formatNumber(count('attribute'), locale),
          ignored: formatNumber(count('ignore'), locale),
        })}
      </p>
      <nav className={`pending-list${pending.scales.length + pending.bands.length ? '' : ' done'}`} aria-labelledby="pending-title" data-testid="pending-list">
        <h4 id="pending-title">{mappingText(locale, editing ? 'pendingTitleEdit' : 'pendingTitle')}</h4>
        {pending.scales.length + pending.bands.length === 0 ? (
          <p>{mappingText(locale, 'pendingNone')}</p>
        ) : (
          <ul>
            {pending.scales.map((s) => (
              <li key={s.id}>
                <a href={`#scale-${s.id}`}>{mappingText(locale, 'pendingScale', { scale: s.label[locale] })}</a>
              </li>
            ))}
            {pending.bands.map((c) => (
              <li key={c.column}>
                <a href={`#bands-${c.column.replace(/[^a-zA-Z0-9]+/g, '-')}`}>{mappingText(locale, 'pendingBands', { column: c.label[locale] })}</a>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <ScalesPanel draft={draft} onChange={onChange} />
      {draft.families.length > 0 && (
        <section className="mapping-part" aria-labelledby="families-title">
          <h4 id="families-title">{mappingText(locale, 'familiesTitle')}</h4>
          <p className="muted">{mappingText(locale, 'familiesIntro')}</p>
          <ul className="family-list">
            {draft.families
              .filter((f) => families.has(f.id))
              .map((f) => (
                <li key={f.id}>
                  <LabelInputs label={f.label} what={f.label.en || f.id} onChange={(label) => onChange({ ...draft, families: draft.families.map((x) => (x.id === f.id ? { ...x, label } : x)) })} />
                  <span className="muted small">{mappingText(locale, 'familyCount', { n: draft.columns.filter((c) => c.role === 'item' && c.family === f.id).length })}</span>
                </li>
              ))}
          </ul>
        </section>
      )}
      <ColumnsTable draft={draft} facts={facts} onChange={onChange} />
      {problems.length > 0 && (
        <div className="status-message error" role="alert" data-testid="mapping-problems">
          <p>{mappingText(locale, 'mappingProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.column && <strong>{scaleName(p.column) ?? columnName(p.column)}: </strong>}
                {mappingProblemLabels[p.code]?.[locale] ?? ''} {p.code === 'BadCodebook' ? p.message : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {children}
    </div>
  );
}
