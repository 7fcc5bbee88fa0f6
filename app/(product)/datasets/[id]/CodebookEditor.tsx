'use client';
import { useLocale } from 'next-intl';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { uploadAnswerMessage } from '@/lib/ingest/problemMessages';
import type { Problem } from '@/lib/ingest/types';
import { buildCodebook } from '@/lib/mapping/build';
import type { MappingDraft } from '@/lib/mapping/draft';
import { draftFromCodebook } from '@/lib/mapping/fromCodebook';
import type { ColumnProfile } from '@/lib/mapping/profile';
import { factsOf } from '@/lib/mapping/propose';
import type { Codebook } from '@/lib/survey/codebook';
import { forgetClientColumns } from '@/app/components/clientColumns';
import { MappingScreen } from '../upload/MappingScreen';
import { mappingText } from '../upload/mappingMessages';
import { ProblemTable } from '../upload/ReportView';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'refused'; message: string; problems: Problem[]; total: number };

/**
 * A stored dataset's codebook on the mapping screen: labels, groups, families, accepting answers and
 * missing values changed without uploading again. The server checks every stored row against the
 * new codebook before it saves it (PUT /api/datasets/<id>/codebook); ids of items and segments stay,
 * so links and saved comparisons keep working.
 */
export function CodebookEditor({
  datasetId,
  name,
  revision,
  initial,
  header,
  codebook,
  profiles,
}: {
  datasetId: string;
  name: string;
  revision?: number;
  initial: MappingDraft;
  header: string[];
  codebook: Codebook;
  profiles: ColumnProfile[];
}) {
  const locale = useLocale();
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  /** The draft as last saved: what "Undo the changes" goes back to. */
  const [baseline, setBaseline] = useState(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const facts = useMemo(() => factsOf(profiles), [profiles]);
  const changed = draft !== baseline;

  const save = async () => {
    const { options } = draftFromCodebook(codebook, header);
    const built = buildCodebook(draft, { ...options, name });
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    setStatus({ kind: 'saving' });
    try {
      // If-Match: refused (412) when someone else changed the dataset since this page read it.
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(revision !== undefined ? { 'if-match': `"${revision}"` } : {}) };
      const response = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/codebook`, { method: 'PUT', headers, body: JSON.stringify(built.codebook) });
      if (response.ok) {
        setStatus({ kind: 'saved' });
        setBaseline(draft);
        forgetClientColumns(datasetId);
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; problems?: Problem[]; report?: { counts?: Record<string, number>; problems?: Problem[] } } } | null;
      const list = body?.error?.problems ?? body?.error?.report?.problems ?? [];
      if (response.status === 412 || response.status === 409) {
        setStatus({ kind: 'refused', message: mappingText(locale, 'changedMeanwhile'), problems: [], total: 0 });
        return;
      }
      const total = body?.error?.report?.counts ? Object.values(body.error.report.counts).reduce((a, b) => a + b, 0) : list.length;
      setStatus({ kind: 'refused', message: body?.error?.message !== undefined ? uploadAnswerMessage({ code: '', ...body.error, message: body.error.message }, locale) : `HTTP ${response.status}`, problems: list, total });
    } catch {
      setStatus({ kind: 'refused', message: 'network error', problems: [], total: 0 });
    }
  };

  return (
    <section className="card mapping" aria-labelledby="codebook-title" data-testid="codebook-editor">
      <h2 id="codebook-title">{mappingText(locale, 'editTitle')}</h2>
      <p>{mappingText(locale, 'editIntro')}</p>
      <MappingScreen draft={draft} facts={facts} onChange={(next) => { setDraft(next); setStatus({ kind: 'idle' }); }} problems={problems} editing>
        <div className="form-actions">
          <button type="button" className="button" disabled={status.kind === 'saving'} onClick={save} data-testid="save-codebook">
            {mappingText(locale, 'save')}
          </button>
          {changed && (
            <button type="button" className="button button-secondary" onClick={() => { setDraft(baseline); setProblems([]); setStatus({ kind: 'idle' }); }}>
              {mappingText(locale, 'discard')}
            </button>
          )}
          {changed && status.kind === 'idle' && <span className="badge badge-pending">{mappingText(locale, 'unsaved')}</span>}
        </div>
        {status.kind === 'saving' && (
          <p role="status" className="muted">
            {mappingText(locale, 'saving')}
          </p>
        )}
        {status.kind === 'saved' && (
          <p role="status" className="status-message" data-testid="codebook-saved">
            {mappingText(locale, 'saved')}
          </p>
        )}
        {status.kind === 'refused' && (
          <div data-testid="codebook-refused">
            <p role="alert" className="status-message error">
              {mappingText(locale, 'saveRefused', { message: status.message })}
            </p>
            {status.problems.length > 0 && <ProblemTable problems={status.problems} total={Math.max(status.total, status.problems.length)} testId="codebook-problems" />}
          </div>
        )}
      </MappingScreen>
    </section>
  );
}
