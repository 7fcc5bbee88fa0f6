'use client';
import { useLocale } from 'next-intl';

import type { HeaderMatch } from '@/lib/mapping/matchHeaders';
import { shorten } from '@/lib/mapping/headers';
import { matchLabels, mappingText } from './mappingMessages';

/**
 * Several files of one study: the value each file gets in the column that tells them apart, and how
 * each later file's columns were matched to the first file's (the dataset's), for the analyst to
 * confirm or change before the mapping.
 */
export interface FilesChoice {
  sources: string[];
  sourceColumn: string;
  matches: HeaderMatch[];
  prefixIds: boolean;
}

export function FilesStep({
  files,
  datasetColumns,
  choice,
  onChange,
  onRemove,
  stored,
}: {
  /** The files' names, the first one's columns being the dataset's. */
  files: string[];
  /** Appending to a stored dataset: its source column's name and its first row's value are given, not chosen here. */
  stored?: { sourceColumnFixed: boolean; firstSource: string };
  /** The dataset's columns: the first file's header. */
  datasetColumns: string[];
  choice: FilesChoice;
  onChange: (next: FilesChoice) => void;
  onRemove: (index: number) => void;
}) {
  const locale = useLocale();
  const duplicate = new Set(choice.sources.map((s) => s.trim())).size !== choice.sources.length || choice.sources.some((s) => !s.trim());
  return (
    <section className="files-step" aria-labelledby="files-title" data-testid="files-step">
      <h3 id="files-title">{mappingText(locale, 'filesTitle')}</h3>
      <p>{mappingText(locale, 'filesIntro')}</p>
      {!stored?.sourceColumnFixed && (
        <label className="inline-field">
          {mappingText(locale, 'sourceColumnName')}{' '}
          <input type="text" value={choice.sourceColumn} maxLength={60} onChange={(e) => onChange({ ...choice, sourceColumn: e.target.value })} />
        </label>
      )}
      <div className="table-scroll">
        <table className="findings files-table">
          <thead>
            <tr>
              <th scope="col">{mappingText(locale, 'colFile')}</th>
              <th scope="col">{mappingText(locale, 'colSource', { column: choice.sourceColumn })}</th>
              <th scope="col">{mappingText(locale, 'colMatching')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file, i) => {
              const match = choice.matches[i];
              const matched = match.columns.filter((c) => c.target !== null).length;
              return (
                <tr key={`${file}-${i}`} data-file={file}>
                  <th scope="row">
                    {file}
                    {(files.length > 2 || i > 0) && !(stored && i === 0) ? (
                      <div>
                        <button type="button" className="link-button small" onClick={() => onRemove(i)}>
                          {mappingText(locale, 'removeFile', { file })}
                        </button>
                      </div>
                    ) : null}
                  </th>
                  <td>
                    {stored && i === 0 ? (
                      <span>{stored.firstSource}</span>
                    ) : (
                    <input
                      type="text"
                      value={choice.sources[i]}
                      maxLength={80}
                      aria-label={mappingText(locale, 'sourceFor', { file })}
                      onChange={(e) => onChange({ ...choice, sources: choice.sources.map((s, k) => (k === i ? e.target.value : s)) })}
                    />
                    )}
                  </td>
                  <td>
                    {i === 0 ? (
                      <span className="muted">{mappingText(locale, 'firstFile')}</span>
                    ) : (
                      <details data-testid="match-details">
                        <summary>
                          {mappingText(locale, 'matchedCount', { n: matched, total: match.columns.length })} · {mappingText(locale, 'matchDetails')}
                        </summary>
                        <ul className="match-list">
                          {match.columns.map((c, k) => (
                            <li key={k}>
                              <code title={c.column}>{shorten(c.column, 40)}</code> →{' '}
                              <select
                                value={c.target ?? ''}
                                aria-label={mappingText(locale, 'matchFor', { column: c.column, file })}
                                onChange={(e) => {
                                  const target = e.target.value || null;
                                  const columns = match.columns.map((x, j) => (j === k ? { ...x, target, how: target ? ('same' as const) : null } : x.target === target && target !== null ? { ...x, target: null, how: null } : x));
                                  const taken = new Set(columns.map((x) => x.target));
                                  const next: HeaderMatch = { columns, unmatched: datasetColumns.filter((d) => !taken.has(d)) };
                                  onChange({ ...choice, matches: choice.matches.map((m, j) => (j === i ? next : m)) });
                                }}
                              >
                                <option value="">{mappingText(locale, 'leftOut')}</option>
                                {datasetColumns.map((d) => (
                                  <option key={d} value={d}>
                                    {shorten(d, 70)}
                                  </option>
                                ))}
                              </select>{' '}
                              {c.how && <span className={`small ${c.how === 'similar' ? 'warn-text' : 'muted'}`}>{matchLabels[c.how][locale]}</span>}
                            </li>
                          ))}
                        </ul>
                        {match.unmatched.length > 0 && <p className="muted small">{mappingText(locale, 'unmatched', { columns: match.unmatched.map((c) => shorten(c, 40)).join(', ') })}</p>}
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" checked={choice.prefixIds} onChange={(e) => onChange({ ...choice, prefixIds: e.target.checked })} /> {mappingText(locale, 'prefixIds')}
      </label>
      {duplicate && !stored && (
        <p className="field-error" role="alert">
          {mappingText(locale, 'duplicateSources')}
        </p>
      )}
    </section>
  );
}

/** True when the choice can go on: every file has its own non-blank value and the source column has a name. */
export function filesChoiceReady(choice: FilesChoice): boolean {
  const values = choice.sources.map((s) => s.trim());
  return choice.sourceColumn.trim() !== '' && values.every(Boolean) && new Set(values).size === values.length;
}
