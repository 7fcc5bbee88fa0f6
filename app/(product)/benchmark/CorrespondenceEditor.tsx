'use client';
import { useLocale } from 'next-intl';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type Correspondence, withCorrespondence } from '@/lib/analysis/correspondence';
import type { Codebook, Locale } from '@/lib/survey/codebook';
import { benchmarkText } from './messages';

/** An item as the editor lists it, in the reader's language. */
export interface EditorItem {
  id: string;
  label: string;
  family: string;
  /** The answers it counts as positive, joined ("Very acceptable, Somewhat acceptable"). */
  positive: string;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** The message for a refused save, in the reader's language (the API's own messages are for developers). */
function saveError(status: number, locale: Locale): string {
  if (status === 401) return benchmarkText(locale, 'editorErrorSignIn');
  if (status === 403) return benchmarkText(locale, 'editorErrorRole');
  if (status === 404 || status === 405) return benchmarkText(locale, 'editorErrorGone');
  if (status === 400 || status === 422) return benchmarkText(locale, 'editorErrorRefused');
  if (status === 412) return benchmarkText(locale, 'editorErrorChanged');
  return benchmarkText(locale, 'editorErrorOther', { status });
}

const groupBy = (items: EditorItem[]) => {
  const groups = new Map<string, EditorItem[]>();
  for (const item of items) groups.set(item.family, [...(groups.get(item.family) ?? []), item]);
  return [...groups];
};

/**
 * The correspondence editor on /benchmark (analysts and admins): per item of the upload, a select
 * of the reference study's items by label, grouped by family, with both sides' positive answers so
 * that the analyst can judge whether they count the same kind of answer. Saving reads the stored
 * codebook (GET /api/datasets/<id>/codebook), replaces this reference's entry of its `benchmark`
 * field and writes it back whole (PUT, If-Match the revision read), then reloads the page's figures.
 */
export function CorrespondenceEditor({
  datasetId,
  referenceId,
  referenceName,
  uploadItems,
  referenceItems,
  initial,
  proposed,
}: {
  datasetId: string;
  referenceId: string;
  referenceName: string;
  uploadItems: EditorItem[];
  referenceItems: EditorItem[];
  /** The saved pairing, or the proposal when none is saved. */
  initial: Correspondence;
  /** Items whose initial choice is a proposal, not yet saved. */
  proposed: string[];
}) {
  const locale = useLocale();
  const router = useRouter();
  const [pairs, setPairs] = useState<Correspondence>(initial);
  const [saved, setSaved] = useState<Correspondence | null>(proposed.length ? null : initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const byId = new Map(referenceItems.map((r) => [r.id, r]));
  const dirty = saved === null || JSON.stringify(Object.entries(pairs).sort()) !== JSON.stringify(Object.entries(saved).sort());
  const paired = uploadItems.filter((u) => pairs[u.id]).length;

  async function save() {
    setStatus({ kind: 'saving' });
    const url = `/api/datasets/${encodeURIComponent(datasetId)}/codebook`;
    try {
      // The stored codebook as it is now (another analyst may have changed its labels meanwhile).
      const current = await fetch(url, { cache: 'no-store' });
      if (!current.ok) return setStatus({ kind: 'error', message: saveError(current.status, locale) });
      const codebook = (await current.json()) as Codebook;
      // With the revision read, a change saved by someone else in between is refused (412), not overwritten.
      const revision = current.headers.get('etag');
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(revision ? { 'if-match': revision } : {}) },
        body: JSON.stringify(withCorrespondence(codebook, referenceId, pairs)),
      });
      if (!response.ok) return setStatus({ kind: 'error', message: saveError(response.status, locale) });
      setSaved(pairs);
      setStatus({ kind: 'saved' });
      router.refresh();
    } catch {
      setStatus({ kind: 'error', message: benchmarkText(locale, 'editorErrorNetwork') });
    }
  }

  const referenceGroups = groupBy(referenceItems);
  return (
    <form
      className="correspondence-editor"
      data-testid="correspondence-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="muted small">{benchmarkText(locale, 'editorIntro', { reference: referenceName })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={benchmarkText(locale, 'editorRegion', { reference: referenceName })}>
        <table className="findings correspondence-table">
          <thead>
            <tr>
              <th scope="col">{benchmarkText(locale, 'colYourItem')}</th>
              <th scope="col">{benchmarkText(locale, 'colPositive')}</th>
              <th scope="col">{benchmarkText(locale, 'colTheirItem', { reference: referenceName })}</th>
              <th scope="col">{benchmarkText(locale, 'colPositive')}</th>
            </tr>
          </thead>
          {groupBy(uploadItems).map(([family, items]) => (
            <tbody key={family}>
              <tr className="family-row">
                <th scope="colgroup" colSpan={4}>
                  {family}
                </th>
              </tr>
              {items.map((item) => {
                const chosen = pairs[item.id] ? byId.get(pairs[item.id]) : undefined;
                const selectId = `pair-${item.id}`;
                return (
                  <tr key={item.id} data-item={item.id}>
                    <th scope="row">
                      <label htmlFor={selectId}>{item.label}</label>
                      {proposed.includes(item.id) && pairs[item.id] === initial[item.id] && saved === null && <span className="badge proposed">{benchmarkText(locale, 'editorProposed')}</span>}
                    </th>
                    <td className="small" data-label={benchmarkText(locale, 'colPositive')}>
                      {item.positive}
                    </td>
                    <td>
                      <select
                        id={selectId}
                        value={pairs[item.id] ?? ''}
                        aria-label={benchmarkText(locale, 'editorSelectLabel', { reference: referenceName, item: item.label })}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          setPairs((now) => {
                            const next = { ...now };
                            if (value) next[item.id] = value;
                            else delete next[item.id];
                            return next;
                          });
                          setStatus({ kind: 'idle' });
                        }}
                      >
                        <option value="">{benchmarkText(locale, 'editorNone')}</option>
                        {referenceGroups.map(([group, options]) => (
                          <optgroup key={group} label={group}>
                            {options.map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.label}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    </td>
                    <td className="small" data-testid="reference-positive" data-label={benchmarkText(locale, 'colPositiveIn', { reference: referenceName })}>
                      {chosen?.positive ?? '–'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <div className="editor-actions">
        <button type="submit" className="button" disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? benchmarkText(locale, 'editorSaving') : benchmarkText(locale, 'editorSave')}
        </button>
        {dirty && saved !== null && (
          <button type="button" className="button secondary" onClick={() => setPairs(saved)}>
            {benchmarkText(locale, 'editorReset')}
          </button>
        )}
        <span className="muted">{benchmarkText(locale, 'editorCount', { n: paired, total: uploadItems.length })}</span>
      </div>
      <p role="status" aria-live="polite" className={status.kind === 'error' ? 'editor-status error' : 'editor-status'} data-testid="correspondence-status">
        {status.kind === 'error' ? status.message : status.kind === 'saved' && !dirty ? benchmarkText(locale, 'editorSaved') : dirty ? benchmarkText(locale, 'editorUnsaved') : ''}
      </p>
    </form>
  );
}
