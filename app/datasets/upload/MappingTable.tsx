'use client';

import { COLUMN_ROLES, MAX_CODES, withRole, type ColumnMapping, type ColumnProfile, type ColumnRole } from '@/lib/ingest/mapping';
import type { Locale } from '@/lib/survey/codebook';
import { reasonLabels, roleLabels, ut } from './messages';

/**
 * The mapping screen: one row per column with its sample values, a role select and, for items,
 * a checkbox per code saying whether it counts as positive. Native controls, each labelled, so
 * the whole table works from the keyboard.
 */
export function MappingTable({
  profiles,
  mapping,
  onChange,
  locale,
}: {
  profiles: ColumnProfile[];
  mapping: ColumnMapping[];
  onChange: (next: ColumnMapping[]) => void;
  locale: Locale;
}) {
  const setAt = (i: number, m: ColumnMapping) => onChange(mapping.map((old, k) => (k === i ? m : old)));
  return (
    <div className="table-scroll">
      <table className="findings mapping-table" data-testid="mapping-table">
        <caption className="visually-hidden">{ut(locale, 'mappingCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ut(locale, 'colColumn')}</th>
            <th scope="col">{ut(locale, 'colValues')}</th>
            <th scope="col">{ut(locale, 'colRole')}</th>
            <th scope="col">{ut(locale, 'colPositive')}</th>
          </tr>
        </thead>
        <tbody>
          {mapping.map((m, i) => {
            const p = profiles[i];
            const name = m.column || `#${i + 1}`;
            return (
              <tr key={i} data-column={m.column} data-role={m.role}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td className="sample-values">
                  {p.values.length === 0 ? (
                    <span className="muted">{ut(locale, 'noValues')}</span>
                  ) : (
                    <>
                      {p.values.slice(0, 8).join(', ')}
                      {p.values.length > 8 && ' …'}
                      {p.manyValues && <span className="muted small"> {ut(locale, 'moreValues', { n: MAX_CODES })}</span>}
                    </>
                  )}
                </td>
                <td>
                  <select
                    value={m.role}
                    aria-label={ut(locale, 'roleFor', { column: name })}
                    onChange={(e) => setAt(i, withRole(p, e.target.value as ColumnRole))}
                  >
                    {COLUMN_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {roleLabels[role][locale]}
                      </option>
                    ))}
                  </select>
                  <div className="muted small">{reasonLabels[m.reason][locale]}</div>
                </td>
                <td>
                  {m.role === 'item' && (
                    <div className="positive-codes">
                      {m.codes.map((code) => (
                        <label key={code}>
                          <input
                            type="checkbox"
                            checked={m.positive.includes(code)}
                            aria-label={ut(locale, 'positiveFor', { code, column: name })}
                            onChange={(e) => setAt(i, { ...m, reason: 'analyst', positive: e.target.checked ? m.codes.filter((c) => c === code || m.positive.includes(c)) : m.positive.filter((c) => c !== code) })}
                          />{' '}
                          {code}
                        </label>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
