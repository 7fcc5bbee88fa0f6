'use client';
import { useLocale } from 'next-intl';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import type { Label, Locale } from '@/lib/survey/codebook';
import { BLANK_LEVEL, UNWEIGHTED, type WeightOption } from '@/lib/survey/weights';
import type { WeightingReport } from '@/lib/weighting/compute';
import { problem } from '@/lib/weighting/problems';
import { NO_ANSWER, parseTargetsCsv, readNumber, resolveTargets, type TargetAttribute } from '@/lib/weighting/targets';
import { forgetClientColumns } from '@/app/components/clientColumns';
import { weightingText } from './messages';
import { requestFailure } from './requestFailure';
import { HelpTerm } from '@/app/components/help/HelpTerm';

export interface WeightingAttribute {
  id: string;
  label: Label;
  /** A numeric attribute: its levels are its bands. */
  scale: boolean;
  levels: { code: string; label: Label; respondents: number }[];
  /** Respondents without an answer: a level of their own that needs a target. */
  blank: number;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'computing' }
  | { kind: 'report'; key: string; report: WeightingReport }
  | { kind: 'failed'; key: string; lines: string[] }
  | { kind: 'saving'; key: string; report: WeightingReport }
  | { kind: 'saved'; name: string; weightId: string };

/** A TARGETS CSV larger than this is not a targets file (a line per level). */
const MAX_CSV_BYTES = 1024 * 1024;

/** The levels one gives a target: the attribute's own, and "no answer" when some respondents have none. */
const levelsOf = (a: WeightingAttribute) => [...a.levels, ...(a.blank > 0 ? [{ code: BLANK_LEVEL, label: NO_ANSWER, respondents: a.blank }] : [])];

/** A share as the analyst would type it: up to four decimals, the locale's decimal sign. */
const typed = (percent: number, locale: Locale) => {
  const text = String(Math.round(percent * 1e4) / 1e4);
  return locale === 'nl' ? text.replace('.', ',') : text;
};

/**
 * A new weighting of one dataset: the variables to weight on with a target percentage per level
 * (the total shown live; or filled from a pasted or uploaded `variable,level,percent` CSV), the
 * weight to start from and optional trimming bounds. "Compute" asks the server for the raking's
 * report (POST .../weights with preview, nothing stored); once it holds, the weights can be saved
 * under a name, and made the dataset's default.
 */
export function WeightingScreen({ datasetId, revision, respondents, attributes, bases, canSave }: { datasetId: string; revision: number; respondents: number; attributes: WeightingAttribute[]; bases: WeightOption[]; canSave: boolean }) {
  const locale = useLocale();
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [targets, setTargets] = useState<Record<string, Record<string, string>>>({});
  const [base, setBase] = useState(UNWEIGHTED);
  const [trim, setTrim] = useState(false);
  const [bounds, setBounds] = useState<[string, string]>(['0.3', '3']);
  const [csv, setCsv] = useState('');
  const [csvNote, setCsvNote] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [name, setName] = useState('');
  const [makeDefault, setMakeDefault] = useState(true);
  const byId = useMemo(() => new Map(attributes.map((a) => [a.id, a])), [attributes]);

  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  const setTarget = (attribute: string, level: string, value: string) => setTargets((all) => ({ ...all, [attribute]: { ...all[attribute], [level]: value } }));
  const totalOf = (a: WeightingAttribute) => levelsOf(a).reduce((sum, l) => sum + (readNumber(targets[a.id]?.[l.code] ?? '') || 0), 0);

  // What is sent: the chosen variables' typed targets (a level left empty is left out: with respondents, the server names it).
  const body = {
    margins: chosen.map((id) => ({ attribute: id, levels: levelsOf(byId.get(id)!).flatMap((l) => ((targets[id]?.[l.code] ?? '').trim() === '' ? [] : [{ level: l.code, value: targets[id][l.code] }])) })),
    unit: 'percent' as const,
    base,
    ...(trim ? { bounds: [readNumber(bounds[0]), readNumber(bounds[1])] } : {}),
  };
  const key = JSON.stringify(body);
  const current = phase.kind !== 'idle' && phase.kind !== 'computing' && phase.kind !== 'saved' && phase.key === key ? phase : null;

  const post = (extra: Record<string, unknown>) =>
    fetch(`/api/datasets/${encodeURIComponent(datasetId)}/weights`, { method: 'POST', headers: { 'content-type': 'application/json', 'if-match': `"${revision}"` }, body: JSON.stringify({ ...body, ...extra }) }).catch(() => null);

  const compute = async () => {
    if (chosen.length === 0) return setPhase({ kind: 'failed', key, lines: [weightingText(locale, 'chooseFirst')] });
    const [lo, hi] = bounds.map(readNumber);
    if (trim && !(lo > 0 && lo < 1 && hi > 1 && Number.isFinite(hi))) return setPhase({ kind: 'failed', key, lines: [problem.badBounds().message[locale]] });
    setPhase({ kind: 'computing' });
    const response = await post({ preview: true });
    if (response?.ok) {
      const answer = (await response.json()) as { report: WeightingReport };
      setPhase({ kind: 'report', key, report: answer.report });
    } else setPhase({ kind: 'failed', key, lines: await requestFailure(response, locale) });
  };

  const save = async () => {
    if (phase.kind !== 'report') return;
    setPhase({ kind: 'saving', key, report: phase.report });
    const response = await post({ name: name.trim(), default: makeDefault });
    if (response?.status === 201) {
      const answer = (await response.json()) as { weight: { id: string; label: Label } };
      setPhase({ kind: 'saved', name: answer.weight.label[locale], weightId: answer.weight.id });
      forgetClientColumns(datasetId);
      router.refresh();
      return;
    }
    setPhase({ kind: 'failed', key, lines: await requestFailure(response, locale) });
    if (response?.status === 412 || response?.status === 409) router.refresh();
  };

  const applyCsv = (text: string) => {
    const parsed = parseTargetsCsv(text);
    if (!parsed.ok) return setCsvNote({ ok: false, lines: parsed.problems.map((p) => p.message[locale]) });
    const resolved = resolveTargets({ attributes: byId as ReadonlyMap<string, TargetAttribute> }, parsed.inputs, 'percent');
    if (!resolved.ok) return setCsvNote({ ok: false, lines: resolved.problems.map((p) => p.message[locale]) });
    const margins = resolved.targets.margins;
    setChosen((list) => [...list.filter((id) => !margins.some((m) => m.attribute === id)), ...margins.map((m) => m.attribute)]);
    setTargets((all) => ({ ...all, ...Object.fromEntries(margins.map((m) => [m.attribute, Object.fromEntries(m.targets.map((t) => [t.level, typed(t.share * 100, locale)]))])) }));
    setCsvNote({ ok: true, lines: [weightingText(locale, 'csvUsed', { n: margins.length })] });
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) return setCsvNote({ ok: false, lines: [weightingText(locale, 'csvTooLarge')] });
    const text = await file.text();
    setCsv(text);
    applyCsv(text);
  };

  const pct = (share: number, digits = 1) => formatPercent(share, locale, digits);
  const busy = phase.kind === 'computing' || phase.kind === 'saving';

  return (
    <section className="card" aria-labelledby="new-weighting-title" data-testid="weighting-screen">
      <h2 id="new-weighting-title">{weightingText(locale, 'newTitle')}</h2>
      {attributes.length === 0 ? (
        <p>{weightingText(locale, 'noAttributes')}</p>
      ) : (
        <fieldset className="weighting-variables">
          <legend>{weightingText(locale, 'variablesLegend')}</legend>
          <p className="field-hint">{weightingText(locale, 'variablesHint')}</p>
          {attributes.map((a) => (
            <label key={a.id} className="check-field">
              <input type="checkbox" checked={chosen.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} data-testid={`weight-on-${a.id}`} /> {a.label[locale]}
            </label>
          ))}
        </fieldset>
      )}

      {chosen.map((id) => {
        const a = byId.get(id)!;
        const sum = totalOf(a);
        const ok = Math.abs(sum - 100) <= 0.05;
        return (
          <div className="table-scroll" key={id}>
            <table className="findings targets-table" data-testid={`targets-${id}`}>
              <caption>{weightingText(locale, 'targetsCaption', { name: a.label[locale] })}</caption>
              <thead>
                <tr>
                  <th scope="col">{weightingText(locale, 'colLevel')}</th>
                  <th scope="col" className="num">{weightingText(locale, 'colRespondents')}</th>
                  <th scope="col" className="num">{weightingText(locale, 'colSample')}</th>
                  <th scope="col" className="num">{weightingText(locale, 'colTarget')}</th>
                </tr>
              </thead>
              <tbody>
                {levelsOf(a).map((l) => (
                  <tr key={l.code}>
                    <th scope="row">{l.label[locale]}</th>
                    <td className="num">{formatNumber(l.respondents, locale)}</td>
                    <td className="num">{pct(respondents ? l.respondents / respondents : 0)}</td>
                    <td className="num">
                      <input
                        type="text"
                        inputMode="decimal"
                        className="target-input"
                        value={targets[id]?.[l.code] ?? ''}
                        onChange={(e) => setTarget(id, l.code, e.target.value)}
                        aria-label={weightingText(locale, 'targetOf', { level: l.label[locale] })}
                        data-testid={`target-${id}-${l.code}`}
                        maxLength={12}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={4} className={ok ? 'target-total ok' : 'target-total off'} aria-live="polite" data-testid={`total-${id}`}>
                    {weightingText(locale, ok ? 'totalOk' : sum === 0 ? 'total' : 'totalOff', { sum: formatPercent(sum / 100, locale, 1) })}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}

      <details className="targets-csv">
        <summary>{weightingText(locale, 'csvTitle')}</summary>
        <p className="field-hint">{weightingText(locale, 'csvHint')}</p>
        <label htmlFor="targets-csv-text">{weightingText(locale, 'csvLabel')}</label>
        <textarea id="targets-csv-text" rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={'variable,level,percent\n'} spellCheck={false} />
        <p className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => applyCsv(csv)} disabled={csv.trim() === ''}>
            {weightingText(locale, 'csvUse')}
          </button>
          <label>
            {weightingText(locale, 'csvFile')} <input type="file" accept=".csv,.txt,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
          </label>
        </p>
        {csvNote && (
          <div className={csvNote.ok ? 'status-message' : 'status-message error'} role={csvNote.ok ? 'status' : 'alert'}>
            {csvNote.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </details>

      <div className="weighting-options">
        <label htmlFor="weighting-base">{weightingText(locale, 'baseLabel')}</label>
        <select id="weighting-base" value={base} onChange={(e) => setBase(e.target.value)} aria-describedby="weighting-base-hint">
          {bases.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label[locale]}
            </option>
          ))}
        </select>
        <p id="weighting-base-hint" className="field-hint">
          {weightingText(locale, 'baseHint')}
        </p>
        <label className="check-field">
          <input type="checkbox" checked={trim} onChange={(e) => setTrim(e.target.checked)} aria-describedby="weighting-trim-hint" /> {weightingText(locale, 'trimLabel')}
        </label>
        <p id="weighting-trim-hint" className="field-hint">
          {weightingText(locale, 'trimHint')}
        </p>
        {trim && (
          <p className="trim-bounds">
            <label>
              {weightingText(locale, 'trimLow')} <input type="text" inputMode="decimal" value={bounds[0]} maxLength={8} onChange={(e) => setBounds([e.target.value, bounds[1]])} />
            </label>
            <label>
              {weightingText(locale, 'trimHigh')} <input type="text" inputMode="decimal" value={bounds[1]} maxLength={8} onChange={(e) => setBounds([bounds[0], e.target.value])} />
            </label>
          </p>
        )}
      </div>

      <p className="form-actions">
        <button type="button" className="button" onClick={compute} disabled={busy} data-testid="weighting-compute">
          {weightingText(locale, 'compute')}
        </button>
        {phase.kind === 'computing' && (
          <span role="status" className="muted">
            {weightingText(locale, 'computing')}
          </span>
        )}
      </p>

      {current?.kind === 'failed' && (
        <div className="status-message error" role="alert" data-testid="weighting-problems">
          <p>{weightingText(locale, 'failed')}</p>
          <ul>
            {current.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}

      {(current?.kind === 'report' || current?.kind === 'saving') && <WeightingReportView report={current.report} baseShown={base !== UNWEIGHTED} />}

      {(current?.kind === 'report' || current?.kind === 'saving') && canSave && (
        <div className="weighting-save" data-testid="weighting-save">
          <h3>{weightingText(locale, 'saveTitle')}</h3>
          <label htmlFor="weighting-name">{weightingText(locale, 'nameLabel')}</label>
          <input id="weighting-name" type="text" value={name} maxLength={120} placeholder={weightingText(locale, 'namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          <label className="check-field">
            <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} /> {weightingText(locale, 'makeDefaultLabel')}
          </label>
          <p className="form-actions">
            <button type="button" className="button" onClick={save} disabled={busy || name.trim() === ''} data-testid="weighting-store">
              {weightingText(locale, phase.kind === 'saving' ? 'saving' : 'save')}
            </button>
          </p>
        </div>
      )}

      {phase.kind === 'saved' && (
        <p className="status-message" role="status" data-testid="weighting-saved">
          {weightingText(locale, 'saved', { name: phase.name })}{' '}
          <Link href={`/explore?dataset=${encodeURIComponent(datasetId)}&weight=${encodeURIComponent(phase.weightId)}${locale === 'nl' ? '&lang=nl' : ''}`} prefetch={false}>
            {weightingText(locale, 'savedExplore')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** The raking's report: convergence, each level's target beside what the weights achieve, the weights' spread and what they cost. */
function WeightingReportView({ report, baseShown }: { report: WeightingReport; baseShown: boolean }) {
  const locale = useLocale();
  const pct = (share: number, digits = 1) => formatPercent(share, locale, digits);
  const w = (value: number) => formatNumber(value, locale, 3);
  const { summary } = report;
  const gap = formatNumber(report.largestError * 100, locale, 6);
  const rows: [string, string][] = [
    [weightingText(locale, 'sumMin'), w(summary.min)],
    [weightingText(locale, 'sumP05'), w(summary.quantiles.p05)],
    [weightingText(locale, 'sumP25'), w(summary.quantiles.p25)],
    [weightingText(locale, 'sumMedian'), w(summary.quantiles.median)],
    [weightingText(locale, 'sumP75'), w(summary.quantiles.p75)],
    [weightingText(locale, 'sumP95'), w(summary.quantiles.p95)],
    [weightingText(locale, 'sumMax'), w(summary.max)],
    [weightingText(locale, 'sumMean'), w(summary.mean)],
    [weightingText(locale, 'sumCv'), formatNumber(summary.cv, locale, 3)],
    [weightingText(locale, 'sumRatio'), weightingText(locale, 'sumRatioValue', { min: w(summary.ratioToBase.min), max: w(summary.ratioToBase.max) })],
  ];
  return (
    <div className="weighting-report" data-testid="weighting-report">
      <h3>{weightingText(locale, 'reportTitle')}</h3>
      <p data-testid="weighting-convergence">{weightingText(locale, report.method === 'bounded' ? 'convergedBounded' : 'converged', { n: report.iterations, gap })}</p>
      <dl className="weighting-figures">
        <div>
          <dt>
            {weightingText(locale, 'nEff')}
            <HelpTerm term="effective-base" />
          </dt>
          <dd data-testid="weighting-neff">{weightingText(locale, 'nEffValue', { neff: formatNumber(summary.effectiveBase, locale, 1), n: formatNumber(summary.n, locale) })}</dd>
        </div>
        <div>
          <dt>
            {weightingText(locale, 'efficiency')}
            <HelpTerm term="design-effect" />
          </dt>
          <dd data-testid="weighting-efficiency">{weightingText(locale, 'efficiencyBase', { eff: pct(summary.efficiency), base: pct(report.baseEfficiency) })}</dd>
        </div>
        <div>
          <dt>
            {weightingText(locale, 'deff')}
            <HelpTerm term="design-effect" />
          </dt>
          <dd>{formatNumber(summary.designEffect, locale, 3)}</dd>
        </div>
      </dl>
      {report.lowEfficiency && (
        <p className="status-message error" role="alert" data-testid="weighting-low-efficiency">
          {weightingText(locale, 'lowEfficiency')}
        </p>
      )}
      {report.margins.map((m) => (
        <div className="table-scroll" key={m.attribute}>
          <table className="findings achieved-table">
            <caption>{weightingText(locale, 'achievedCaption', { name: m.label[locale] })}</caption>
            <thead>
              <tr>
                <th scope="col">{weightingText(locale, 'colLevel')}</th>
                <th scope="col" className="num">{weightingText(locale, 'colSample')}</th>
                {baseShown && <th scope="col" className="num">{weightingText(locale, 'colBase')}</th>}
                <th scope="col" className="num">{weightingText(locale, 'colTarget')}</th>
                <th scope="col" className="num">{weightingText(locale, 'colAchieved')}</th>
              </tr>
            </thead>
            <tbody>
              {m.levels.map((l) => (
                <tr key={l.level}>
                  <th scope="row">{l.label[locale]}</th>
                  <td className="num">{pct(l.sampleShare)}</td>
                  {baseShown && <td className="num">{pct(l.baseShare)}</td>}
                  <td className="num">{pct(l.target, 2)}</td>
                  <td className="num">{pct(l.achieved, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div className="table-scroll">
        <table className="findings summary-table">
          <caption>{weightingText(locale, 'summaryCaption')}</caption>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
