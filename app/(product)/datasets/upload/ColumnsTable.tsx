'use client';
import { useLocale } from 'next-intl';

import { useMemo, useState } from 'react';
import { bandsText, OPEN_MAX, OPEN_MIN, parseBands } from '@/lib/mapping/demographics';
import { COLUMN_ROLES, type ColumnRole, type DraftColumn, type MappingDraft } from '@/lib/mapping/draft';
import { labelOf } from '@/lib/mapping/dutch';
import { scalesFitting, setFamily, setRole, setScale } from '@/lib/mapping/edit';
import { shorten } from '@/lib/mapping/headers';
import { MAX_DISTINCT } from '@/lib/mapping/profile';
import type { Facts } from '@/lib/mapping/propose';
import { formatNumber } from '@/lib/i18n/numbers';
import { LabelInputs } from './LabelInputs';
import { mappingText, reasonLabels, roleGroupLabels, roleLabels } from './mappingMessages';

/**
 * Every column with its role, label, details (an item's family and scale; a segment's codes or
 * groups) and values, with a checkbox per row for setting several columns at once. Native controls,
 * each labelled, so the whole table works from the keyboard; on a phone each row is a card.
 */
export function ColumnsTable({ draft, facts, onChange }: { draft: MappingDraft; facts: readonly Facts[]; onChange: (next: MappingDraft) => void }) {
  const locale = useLocale();
  const [filter, setFilter] = useState('all');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const shown = useMemo(
    () =>
      draft.columns
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => filter === 'all' || (filter.startsWith('role:') ? c.role === filter.slice(5) : c.role === 'item' && c.family === filter.slice(7)))
        .map(({ i }) => i),
    [draft.columns, filter],
  );
  const setColumn = (i: number, change: (c: DraftColumn) => DraftColumn) => onChange({ ...draft, columns: draft.columns.map((c, k) => (k === i ? change(c) : c)) });
  const allShownSelected = shown.length > 0 && shown.every((i) => selected.has(i));
  // Questions and segments are named by their label; other columns by their header, as the file has it.
  const name = (c: DraftColumn, i: number) => shorten((c.role === 'item' || c.role === 'attribute' ? c.label.en : c.column) || c.column || `#${i + 1}`, 60);

  return (
    <section className="mapping-part" aria-labelledby="columns-title">
      <h4 id="columns-title">{mappingText(locale, 'columnsTitle')}</h4>
      <div className="columns-tools">
        <label>
          {mappingText(locale, 'show')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="all">{mappingText(locale, 'showAll', { n: draft.columns.length })}</option>
            {COLUMN_ROLES.map((role) => {
              const n = draft.columns.filter((c) => c.role === role).length;
              return n > 0 ? (
                <option key={role} value={`role:${role}`}>
                  {mappingText(locale, 'showRole', { role: roleGroupLabels[role][locale], n })}
                </option>
              ) : null;
            })}
            {draft.families.map((f) => (
              <option key={f.id} value={`family:${f.id}`}>
                {mappingText(locale, 'showFamily', { family: f.label[locale], n: draft.columns.filter((c) => c.role === 'item' && c.family === f.id).length })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {selected.size > 0 && <BulkBar draft={draft} facts={facts} selected={[...selected]} onChange={onChange} onClear={() => setSelected(new Set())} />}
      <div className="table-scroll">
        <table className="findings columns-table" data-testid="mapping-table">
          <caption className="visually-hidden">{mappingText(locale, 'columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="select-cell">
                <input type="checkbox" checked={allShownSelected} aria-label={mappingText(locale, 'selectAll')} onChange={(e) => setSelected((old) => {
                  const next = new Set(old);
                  for (const i of shown) if (e.target.checked) next.add(i);
                  else next.delete(i);
                  return next;
                })} />
              </th>
              <th scope="col">{mappingText(locale, 'colColumn')}</th>
              <th scope="col">{mappingText(locale, 'colRole')}</th>
              <th scope="col">{mappingText(locale, 'colLabel')}</th>
              <th scope="col">{mappingText(locale, 'colDetails')}</th>
              <th scope="col">{mappingText(locale, 'colValues')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => {
              const c = draft.columns[i];
              const f = facts[i];
              return (
                <tr key={i} data-column={c.column} data-role={c.role} className={selected.has(i) ? 'selected' : undefined}>
                  <td className="select-cell">
                    <input type="checkbox" checked={selected.has(i)} aria-label={mappingText(locale, 'selectColumn', { column: name(c, i) })} onChange={(e) => setSelected((old) => {
                      const next = new Set(old);
                      if (e.target.checked) next.add(i);
                      else next.delete(i);
                      return next;
                    })} />
                  </td>
                  <th scope="row" className="column-name">
                    <code title={mappingText(locale, 'fullText', { text: c.text })}>{shorten(c.column || `#${i + 1}`, 70)}</code>
                  </th>
                  <td>
                    <select value={c.role} aria-label={mappingText(locale, 'roleFor', { column: name(c, i) })} onChange={(e) => onChange(setRole(draft, facts, [i], e.target.value as ColumnRole))}>
                      {COLUMN_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {roleLabels[role][locale]}
                        </option>
                      ))}
                    </select>
                    <div className="muted small">{mappingText(locale, 'why', { reason: reasonLabels[c.reason][locale] })}</div>
                  </td>
                  <td>{c.role === 'item' || c.role === 'attribute' ? <LabelInputs label={c.label} what={name(c, i)} compact onChange={(label) => setColumn(i, (x) => ({ ...x, label }))} /> : null}</td>
                  <td>
                    <Details draft={draft} column={c} index={i} facts={f} onChange={onChange} setColumn={(change) => setColumn(i, change)} name={name(c, i)} />
                  </td>
                  <td className="sample-values">
                    <Values column={c} facts={f} name={name(c, i)} setColumn={(change) => setColumn(i, change)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Details({ draft, column, index, facts, onChange, setColumn, name }: { draft: MappingDraft; column: DraftColumn; index: number; facts: Facts; onChange: (next: MappingDraft) => void; setColumn: (change: (c: DraftColumn) => DraftColumn) => void; name: string }) {
  const locale = useLocale();
  const [newFamily, setNewFamily] = useState<string | null>(null);
  if (column.role === 'item') {
    const fitting = scalesFitting(draft, facts);
    return (
      <div className="details-item">
        {newFamily === null ? (
          <select value={column.family ?? ''} aria-label={mappingText(locale, 'familyFor', { column: name })} onChange={(e) => (e.target.value === '__new' ? setNewFamily('') : onChange(setFamily(draft, [index], { id: e.target.value })))}>
            {draft.families.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label[locale]}
              </option>
            ))}
            <option value="__new">{mappingText(locale, 'newFamily')}</option>
          </select>
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (newFamily.trim()) onChange(setFamily(draft, [index], { label: newFamily }));
              setNewFamily(null);
            }}
          >
            <input type="text" autoFocus value={newFamily} maxLength={120} aria-label={mappingText(locale, 'newFamilyName')} onChange={(e) => setNewFamily(e.target.value)} />
            <button type="submit" className="button button-secondary">
              {mappingText(locale, 'apply')}
            </button>
          </form>
        )}
        <select value={column.scale ?? ''} aria-label={mappingText(locale, 'scaleFor', { column: name })} onChange={(e) => onChange(setScale(draft, [index], e.target.value))}>
          {(fitting.some((s) => s.id === column.scale) ? fitting : [...draft.scales.filter((s) => s.id === column.scale), ...fitting]).map((s) => (
            <option key={s.id} value={s.id}>
              {shorten(s.label[locale], 48)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (column.role === 'attribute' && column.attribute?.kind === 'categorical') {
    const codes = column.attribute.codes;
    return (
      <details className="codes-editor">
        <summary>{mappingText(locale, 'codesCount', { n: codes.length })}</summary>
        <ul>
          {codes.map((code, k) => (
            <li key={code.code}>
              <code>{shorten(code.code, 30)}</code>
              <LabelInputs
                label={code.label}
                what={`${name}: ${code.code}`}
                compact
                onChange={(label) => setColumn((c) => (c.attribute?.kind === 'categorical' ? { ...c, attribute: { ...c.attribute, codes: c.attribute.codes.map((x, j) => (j === k ? { ...x, label } : x)) } } : c))}
              />
            </li>
          ))}
        </ul>
      </details>
    );
  }
  if (column.role === 'attribute' && column.attribute?.kind === 'scale') return <BandsEditor column={column} setColumn={setColumn} name={name} integers={facts.profile.integers} />;
  return null;
}

function BandsEditor({ column, setColumn, name, integers }: { column: DraftColumn; setColumn: (change: (c: DraftColumn) => DraftColumn) => void; name: string; integers: boolean }) {
  const locale = useLocale();
  const attribute = column.attribute as Extract<DraftColumn['attribute'], { kind: 'scale' }>;
  const [text, setText] = useState(() => bandsText(attribute.bands, attribute.min, attribute.max));
  const parsed = parseBands(text, attribute.min, attribute.max, attribute.bands, integers);
  const id = `bands-${column.column.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  const open = attribute.min <= OPEN_MIN && attribute.max >= OPEN_MAX;
  return (
    <div className={`bands-editor${attribute.confirmed ? ' confirmed' : ' pending'}`} id={id} data-testid="bands-editor">
      <label>
        {mappingText(locale, 'bandsFor', { column: name })}
        <input
          type="text"
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseBands(e.target.value, attribute.min, attribute.max, attribute.bands, integers);
            if (next.ok) setColumn((c) => ({ ...c, attribute: { ...attribute, bands: next.bands, confirmed: false } }));
            else setColumn((c) => ({ ...c, attribute: { ...attribute, confirmed: false } }));
          }}
        />
      </label>
      <p id={`${id}-hint`} className="muted small">
        {mappingText(locale, 'bandsHint')} {open ? mappingText(locale, 'bandsOpen') : mappingText(locale, 'bandsRange', { min: formatNumber(attribute.min, locale), max: formatNumber(attribute.max, locale) })}
      </p>
      {!parsed.ok && (
        <p className="field-error" role="alert">
          {parsed.message[locale]}
        </p>
      )}
      {parsed.ok && (
        <p className="muted small">{attribute.bands.map((b) => b.label[locale]).join(' · ')}</p>
      )}
      {attribute.confirmed ? (
        <span className="badge badge-ok">{mappingText(locale, 'confirmed')}</span>
      ) : (
        <button type="button" className="button" disabled={!parsed.ok} onClick={() => setColumn((c) => ({ ...c, attribute: { ...attribute, confirmed: true } }))} data-testid="confirm-bands">
          {mappingText(locale, 'confirm')}
        </button>
      )}
    </div>
  );
}

function Values({ column, facts, name, setColumn }: { column: DraftColumn; facts: Facts; name: string; setColumn: (change: (c: DraftColumn) => DraftColumn) => void }) {
  const locale = useLocale();
  const p = facts.profile;
  if (p.values.length === 0) return <span className="muted">{mappingText(locale, 'noValues')}</span>;
  const markers = new Set([...facts.markers, ...column.missing]);
  const toggle = (value: string, missing: boolean) =>
    setColumn((c) => {
      const list = missing ? [...c.missing.filter((m) => m !== value), value] : c.missing.filter((m) => m !== value);
      // A segment's code that now means missing is no longer one of its codes (and back).
      if (c.attribute?.kind === 'categorical') {
        const codes = missing ? c.attribute.codes.filter((x) => x.code !== value) : c.attribute.codes.some((x) => x.code === value) ? c.attribute.codes : [...c.attribute.codes, { code: value, label: labelOf(value) }];
        return { ...c, missing: list, attribute: { ...c.attribute, codes } };
      }
      return { ...c, missing: list };
    });
  const answerable = column.role === 'item' || column.role === 'attribute';
  if (column.role === 'respondentId') return <span className="muted small">{mappingText(locale, p.unique ? 'idValues' : 'idRepeats', { n: p.unique ? p.nonBlank : formatNumber(p.nonBlank, locale) })}</span>;
  if (column.role === 'weight') return <span className="muted small">{p.numeric ? `${formatNumber(p.min, locale, 3)}–${formatNumber(p.max, locale, 3)}` : ''}</span>;
  const listed = p.numeric && p.manyValues ? p.values.filter((v) => markers.has(v.value)) : p.values.slice(0, 8);
  return (
    <div className={`values-cell${column.role === 'item' ? ' inline' : ''}`}>
      {p.numeric && p.manyValues && (
        <span>
          {formatNumber(p.min, locale)}–{formatNumber(p.max, locale)}{' '}
        </span>
      )}
      <ul className="value-list">
        {listed.map((v) => (
          <li key={v.value}>
            {answerable && markers.has(v.value) ? (
              <label>
                <input type="checkbox" checked={column.missing.includes(v.value)} aria-label={mappingText(locale, 'asMissing', { value: v.value })} onChange={(e) => toggle(v.value, e.target.checked)} /> {shorten(v.value, 40)}{' '}
                <span className="muted">×{formatNumber(v.count, locale)}</span> <span className="small muted">({mappingText(locale, 'missingShort')})</span>
              </label>
            ) : (
              <>
                {shorten(v.value, 40)} <span className="muted">×{formatNumber(v.count, locale)}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {!(p.numeric && p.manyValues) && p.values.length > 8 && <span className="muted small">…</span>}
      {p.manyValues && <span className="muted small"> {mappingText(locale, 'moreValues', { n: MAX_DISTINCT })}</span>}
      {answerable && (
        <MissingInput key={column.missing.join('\u0001')} column={column} name={name} onChange={(missing) => setColumn((c) => ({ ...c, missing }))} />
      )}
    </div>
  );
}

/** Other values that mean missing ("99"), typed: the markers the column holds are ticked above. */
function MissingInput({ column, name, onChange }: { column: DraftColumn; name: string; onChange: (missing: string[]) => void }) {
  const locale = useLocale();
  const [text, setText] = useState(column.missing.join(', '));
  return (
    <input
      type="text"
      className="missing-input"
      value={text}
      placeholder="NA, 99"
      aria-label={mappingText(locale, 'missingFor', { column: name })}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => onChange([...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))])}
    />
  );
}

function BulkBar({ draft, facts, selected, onChange, onClear }: { draft: MappingDraft; facts: readonly Facts[]; selected: number[]; onChange: (next: MappingDraft) => void; onClear: () => void }) {
  const locale = useLocale();
  const [role, setRoleValue] = useState<ColumnRole>('item');
  const [family, setFamilyValue] = useState(draft.families[0]?.id ?? '__new');
  const [familyName, setFamilyName] = useState('');
  const items = selected.filter((i) => draft.columns[i].role === 'item');
  const fitting = draft.scales.filter((s) => items.length > 0 && items.every((i) => scalesFitting(draft, facts[i]).includes(s)));
  const [scale, setScaleValue] = useState(fitting[0]?.id ?? '');
  const [missing, setMissing] = useState('');
  return (
    <div className="bulk-bar" role="group" aria-label={mappingText(locale, 'bulkSelected', { n: selected.length })} data-testid="bulk-bar">
      <strong>{mappingText(locale, 'bulkSelected', { n: selected.length })}</strong>
      <span className="bulk-action">
        <select value={role} aria-label={mappingText(locale, 'bulkRole')} onChange={(e) => setRoleValue(e.target.value as ColumnRole)}>
          {COLUMN_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r][locale]}
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary" onClick={() => onChange(setRole(draft, facts, selected, role))}>
          {mappingText(locale, 'bulkRole')}
        </button>
      </span>
      {items.length > 0 && (
        <span className="bulk-action">
          <select value={family} aria-label={mappingText(locale, 'bulkFamily')} onChange={(e) => setFamilyValue(e.target.value)}>
            {draft.families.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label[locale]}
              </option>
            ))}
            <option value="__new">{mappingText(locale, 'newFamily')}</option>
          </select>
          {family === '__new' && <input type="text" value={familyName} maxLength={120} aria-label={mappingText(locale, 'newFamilyName')} onChange={(e) => setFamilyName(e.target.value)} />}
          <button type="button" className="button button-secondary" disabled={family === '__new' && !familyName.trim()} onClick={() => onChange(setFamily(draft, items, family === '__new' ? { label: familyName } : { id: family }))}>
            {mappingText(locale, 'bulkFamily')}
          </button>
        </span>
      )}
      {items.length > 0 && (
        <span className="bulk-action">
          {fitting.length ? (
            <>
              <select value={scale} aria-label={mappingText(locale, 'bulkScale')} onChange={(e) => setScaleValue(e.target.value)}>
                {fitting.map((s) => (
                  <option key={s.id} value={s.id}>
                    {shorten(s.label[locale], 40)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button-secondary" onClick={() => onChange(setScale(draft, items, scale || fitting[0].id))}>
                {mappingText(locale, 'bulkScale')}
              </button>
            </>
          ) : (
            <span className="muted small">{mappingText(locale, 'noFittingScale')}</span>
          )}
        </span>
      )}
      <span className="bulk-action">
        <input type="text" value={missing} placeholder="NA, 99" aria-label={mappingText(locale, 'bulkMissing')} onChange={(e) => setMissing(e.target.value)} />
        <button
          type="button"
          className="button button-secondary"
          disabled={!missing.trim()}
          onClick={() => {
            const markers = missing.split(',').map((s) => s.trim()).filter(Boolean);
            onChange({ ...draft, columns: draft.columns.map((c, i) => (selected.includes(i) && (c.role === 'item' || c.role === 'attribute') ? { ...c, missing: [...new Set([...c.missing, ...markers])] } : c)) });
          }}
        >
          {mappingText(locale, 'bulkMissing')}
        </button>
      </span>
      <button type="button" className="button button-secondary" onClick={onClear}>
        {mappingText(locale, 'clearSelection')}
      </button>
    </div>
  );
}
