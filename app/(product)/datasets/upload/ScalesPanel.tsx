'use client';
import { useLocale } from 'next-intl';

import { type DraftScale, type MappingDraft } from '@/lib/mapping/draft';
import { positiveEnd, setPositiveEnd, updateScale } from '@/lib/mapping/edit';
import { topBoxes } from '@/lib/mapping/scales';
import { LabelInputs } from './LabelInputs';
import { directionMessage, mappingText } from './mappingMessages';

/**
 * One card per answer scale the questions use: its answers in order with their labels, a tick for
 * each answer that counts as accepting, how the accepting end was found, and the confirmation the
 * analyst gives before the file is checked. A scale whose direction the data do not tell asks which
 * end is accepting instead of guessing.
 */
export function ScalesPanel({ draft, onChange }: { draft: MappingDraft; onChange: (next: MappingDraft) => void }) {
  const locale = useLocale();
  const used = draft.scales.filter((s) => draft.columns.some((c) => c.role === 'item' && c.scale === s.id));
  if (used.length === 0) return null;
  return (
    <section className="mapping-part" aria-labelledby="scales-title">
      <h4 id="scales-title">{mappingText(locale, 'scalesTitle')}</h4>
      <p className="muted">{mappingText(locale, 'scalesIntro')}</p>
      <div className="scale-cards">
        {used.map((scale) => (
          <ScaleCard key={scale.id} scale={scale} count={draft.columns.filter((c) => c.role === 'item' && c.scale === scale.id).length} onChange={(change) => onChange(updateScale(draft, scale.id, change))} />
        ))}
      </div>
    </section>
  );
}

function ScaleCard({ scale, count, onChange }: { scale: DraftScale; count: number; onChange: (change: (s: DraftScale) => DraftScale) => void }) {
  const locale = useLocale();
  const codes = scale.codes.map((c) => c.code);
  const name = scale.label[locale] || scale.id;
  const end = positiveEnd(scale);
  const best = scale.codes.filter((c) => scale.positive.includes(c.code)).map((c) => c.label[locale]);
  const toggle = (code: string, on: boolean) =>
    onChange((s) => ({ ...s, confirmed: false, positive: codes.filter((c) => (c === code ? on : s.positive.includes(c))) }));
  const unknown = scale.direction === 'unknown';
  return (
    <article className={`scale-card${scale.confirmed ? ' confirmed' : ' pending'}`} id={`scale-${scale.id}`} data-testid="scale-card" data-scale={scale.id} aria-label={name}>
      <header>
        <LabelInputs label={scale.label} what={mappingText(locale, 'scaleName')} onChange={(label) => onChange((s) => ({ ...s, label }))} />
        <span className="muted small">{mappingText(locale, 'scaleUsedBy', { n: count })}</span>
        <span className={`badge ${scale.confirmed ? 'badge-ok' : 'badge-pending'}`}>{mappingText(locale, scale.confirmed ? 'confirmed' : 'toConfirm')}</span>
      </header>
      <table className="scale-codes">
        <caption className="visually-hidden">{mappingText(locale, 'scaleCodes')}</caption>
        <thead>
          <tr>
            <th scope="col">{mappingText(locale, 'colAccepting')}</th>
            <th scope="col">{mappingText(locale, 'colAnswer')}</th>
            <th scope="col">{mappingText(locale, 'colLabelEn')}</th>
            <th scope="col">{mappingText(locale, 'colLabelNl')}</th>
          </tr>
        </thead>
        <tbody>
          {scale.codes.map((c, i) => (
            <tr key={c.code}>
              <td>
                <input type="checkbox" checked={scale.positive.includes(c.code)} aria-label={mappingText(locale, 'acceptingFor', { code: c.code, scale: name })} onChange={(e) => toggle(c.code, e.target.checked)} />
              </td>
              <th scope="row">
                <code>{c.code}</code>
              </th>
              <td>
                <input type="text" lang="en" value={c.label.en} maxLength={300} aria-label={mappingText(locale, 'labelFor', { language: mappingText(locale, 'english'), what: c.code })} onChange={(e) => onChange((s) => ({ ...s, codes: s.codes.map((x, k) => (k === i ? { ...x, label: { ...x.label, en: e.target.value } } : x)) }))} />
              </td>
              <td>
                <input type="text" lang="nl" value={c.label.nl} maxLength={300} aria-label={mappingText(locale, 'labelFor', { language: mappingText(locale, 'dutch'), what: c.code })} onChange={(e) => onChange((s) => ({ ...s, codes: s.codes.map((x, k) => (k === i ? { ...x, label: { ...x.label, nl: e.target.value } } : x)) }))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unknown && scale.positive.length === 0 ? (
        <fieldset className="direction-question">
          <legend>{mappingText(locale, 'directionUnknown')}</legend>
          <button type="button" className="button button-secondary" onClick={() => onChange((s) => setPositiveEnd(s, 'low'))}>
            {mappingText(locale, 'endLow', { codes: topBoxes(codes, 'low').join(', ') })}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onChange((s) => setPositiveEnd(s, 'high'))}>
            {mappingText(locale, 'endHigh', { codes: topBoxes(codes, 'high').join(', ') })}
          </button>
        </fieldset>
      ) : (
        <p className="direction-note">
          {unknown || scale.positive.length === 0 ? '' : mappingText(locale, directionMessage[scale.direction as Exclude<typeof scale.direction, 'unknown'>], { best: best.join(', ') })}
        </p>
      )}
      <div className="form-actions">
        {end && scale.codes.length > 1 && (
          <button type="button" className="button button-secondary" onClick={() => onChange((s) => ({ ...setPositiveEnd(s, end === 'low' ? 'high' : 'low'), confirmed: false }))}>
            {mappingText(locale, 'reverse')}
          </button>
        )}
        {scale.confirmed ? (
          <button type="button" className="button button-secondary" onClick={() => onChange((s) => ({ ...s, confirmed: false }))}>
            {mappingText(locale, 'changeAgain')}
          </button>
        ) : (
          <button type="button" className="button" disabled={scale.positive.length === 0} onClick={() => onChange((s) => ({ ...s, confirmed: true }))} data-testid="confirm-scale">
            {mappingText(locale, 'confirm')}
          </button>
        )}
      </div>
    </article>
  );
}
