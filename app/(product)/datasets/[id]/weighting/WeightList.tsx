'use client';
import { useLocale } from 'next-intl';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { weightsJson } from '@/lib/api/weightsRequest';
import { formatNumber } from '@/lib/i18n/numbers';
import { forgetClientColumns } from '@/app/components/clientColumns';
import { weightingText } from './messages';
import { requestFailure } from './requestFailure';
import type { WeightingAttribute } from './WeightingScreen';

type Listed = ReturnType<typeof weightsJson>[number];

/**
 * The weights a dataset holds (its default first, "unweighted" always there): what each is and how
 * it was made, with the changes an analyst may make: another default (PATCH), a weight made here
 * deleted after a second "Yes, delete" (DELETE). Both at the revision the page was read.
 */
export function WeightList({ datasetId, weights, attributes, revision, canChange }: { datasetId: string; weights: Listed[]; attributes: WeightingAttribute[]; revision: number; canChange: boolean }) {
  const locale = useLocale();
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const nameOf = (id: string) => weights.find((w) => w.id === id)?.label[locale] ?? id;
  const attributeName = (id: string) => attributes.find((a) => a.id === id)?.label[locale] ?? id;

  const change = async (init: RequestInit, path: string) => {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/weights${path}`, { ...init, headers: { ...init.headers, 'if-match': `"${revision}"` } }).catch(() => null);
    setBusy(false);
    setConfirming(null);
    if (response?.ok) {
      forgetClientColumns(datasetId);
      router.refresh();
      return;
    }
    setError(await requestFailure(response, locale));
    if (response?.status === 412 || response?.status === 409) router.refresh();
  };

  const madeFrom = (w: Listed) => {
    if (w.kind === 'unweighted') return weightingText(locale, 'kindUnweighted');
    // The analyst sees which column of the data holds a weight that came with it.
    if (w.kind === 'column' || !w.margins) return w.column ? weightingText(locale, 'kindColumnNamed', { column: w.column }) : weightingText(locale, 'kindColumn');
    const text = weightingText(locale, 'madeFrom', { margins: w.margins.map((m) => attributeName(m.attribute)).join(', '), base: nameOf(w.base ?? 'unweighted') });
    return w.bounds ? `${text}; ${weightingText(locale, 'trimmedTo', { lo: formatNumber(w.bounds[0], locale, 2), hi: formatNumber(w.bounds[1], locale, 2) })}` : text;
  };

  return (
    <section className="card" aria-labelledby="weights-title" data-testid="weight-list">
      <h2 id="weights-title">{weightingText(locale, 'weightsTitle')}</h2>
      <div className="table-scroll">
        <table className="findings weights-table">
          <caption className="visually-hidden">{weightingText(locale, 'weightsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{weightingText(locale, 'colWeight')}</th>
              <th scope="col">{weightingText(locale, 'colMade')}</th>
              <th scope="col">{weightingText(locale, 'colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {weights.map((w) => (
              <tr key={w.id} data-weight={w.id}>
                <th scope="row">
                  {w.label[locale]} {w.default && <span className="badge">{weightingText(locale, 'isDefault')}</span>}
                </th>
                <td>
                  {w.kind === 'raked' ? <span className="muted">{weightingText(locale, 'kindRaked')}: </span> : null}
                  {madeFrom(w)}
                </td>
                <td className="weight-actions">
                  <Link href={`/explore?dataset=${encodeURIComponent(datasetId)}&weight=${encodeURIComponent(w.id)}${locale === 'nl' ? '&lang=nl' : ''}`} prefetch={false}>
                    {weightingText(locale, 'explore')}
                  </Link>
                  {canChange && !w.default && (
                    <button type="button" className="button button-secondary" disabled={busy} aria-label={weightingText(locale, 'makeDefaultOf', { name: w.label[locale] })} onClick={() => change({ method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ default: w.id }) }, '')}>
                      {weightingText(locale, 'makeDefault')}
                    </button>
                  )}
                  {canChange && w.kind === 'raked' && confirming !== w.id && (
                    <button type="button" className="button button-secondary" disabled={busy} aria-label={weightingText(locale, 'deleteOf', { name: w.label[locale] })} onClick={() => setConfirming(w.id)}>
                      {weightingText(locale, 'delete')}
                    </button>
                  )}
                  {confirming === w.id && (
                    <>
                      <button type="button" className="button button-danger" disabled={busy} onClick={() => change({ method: 'DELETE' }, `/${encodeURIComponent(w.id)}`)}>
                        {weightingText(locale, 'confirmDelete', { name: w.label[locale] })}
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                        {weightingText(locale, 'cancel')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <div className="status-message error" role="alert">
          {error.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}
